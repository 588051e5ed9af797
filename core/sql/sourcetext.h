#pragma once

#include <QByteArray>
#include <QList>

namespace tusk::core {

// A place in a script for people: 1-based line and column, the column in
// characters (code points), as editors and compilers count them.
struct SourcePosition {
    int line = 1;
    int column = 1;

    bool operator==(const SourcePosition &other) const = default;
};

// A script's UTF-8 bytes with the index of its line starts, so a byte
// offset becomes a line and column in O(log lines). Built once per script;
// immutable afterwards, so threads may share it.
class SourceText {
public:
    SourceText() = default;
    explicit SourceText(QByteArray utf8);

    const QByteArray &bytes() const { return m_bytes; }
    qsizetype size() const { return m_bytes.size(); }
    int lineCount() const { return int(m_lineStarts.size()); }

    SourcePosition position(qsizetype byteOffset) const;
    // The byte offset of a line and column (clamped to the text).
    qsizetype offset(SourcePosition position) const;
    // The byte offset where a line starts (1-based line).
    qsizetype lineStart(int line) const;

private:
    QByteArray m_bytes;
    QList<qsizetype> m_lineStarts;
};

} // namespace tusk::core
