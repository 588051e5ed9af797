#include "sourcetext.h"

#include <algorithm>

namespace tusk::core {

namespace {
// A UTF-8 continuation byte (10xxxxxx) does not start a character.
bool isContinuation(char byte)
{
    return (static_cast<unsigned char>(byte) & 0xC0) == 0x80;
}
} // namespace

SourceText::SourceText(QByteArray utf8)
    : m_bytes(std::move(utf8))
{
    m_lineStarts.reserve(m_bytes.size() / 40 + 1);
    m_lineStarts << 0;
    const char *data = m_bytes.constData();
    for (qsizetype i = 0; i < m_bytes.size(); ++i) {
        if (data[i] == '\n')
            m_lineStarts << i + 1;
    }
}

SourcePosition SourceText::position(qsizetype byteOffset) const
{
    byteOffset = std::clamp<qsizetype>(byteOffset, 0, m_bytes.size());
    const auto next = std::upper_bound(m_lineStarts.cbegin(), m_lineStarts.cend(), byteOffset);
    const qsizetype lineIndex = (next - m_lineStarts.cbegin()) - 1;
    const qsizetype start = m_lineStarts.at(lineIndex);
    int column = 1;
    const char *data = m_bytes.constData();
    for (qsizetype i = start; i < byteOffset; ++i) {
        if (!isContinuation(data[i]))
            ++column;
    }
    return {int(lineIndex) + 1, column};
}

qsizetype SourceText::lineStart(int line) const
{
    if (m_lineStarts.isEmpty())
        return 0;
    return m_lineStarts.at(std::clamp(line - 1, 0, int(m_lineStarts.size()) - 1));
}

qsizetype SourceText::offset(SourcePosition position) const
{
    qsizetype at = lineStart(position.line);
    const char *data = m_bytes.constData();
    for (int column = 1; at < m_bytes.size() && data[at] != '\n';) {
        if (column == position.column)
            break;
        ++at;
        while (at < m_bytes.size() && isContinuation(data[at]))
            ++at;
        ++column;
    }
    return at;
}

} // namespace tusk::core
