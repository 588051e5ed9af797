#include "tomlheaderline.h"

namespace tusk::core {

namespace {
bool isSpace(char c)
{
    return c == ' ' || c == '\t';
}

bool isBareKeyChar(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_'
        || c == '-';
}
} // namespace

std::optional<TomlHeader> TomlHeaderLine::read(const QByteArray &line)
{
    TomlHeader header;
    qsizetype i = 0;
    const qsizetype n = line.size();
    while (i < n && isSpace(line[i]))
        ++i;
    header.indent = i;
    if (i >= n || line[i] != '[')
        return std::nullopt;
    ++i;
    if (i < n && line[i] == '[') {
        header.array = true;
        ++i;
    }
    for (;;) {
        while (i < n && isSpace(line[i]))
            ++i;
        if (i >= n)
            return std::nullopt;
        QByteArray key;
        if (line[i] == '"' || line[i] == '\'') {
            const char quote = line[i++];
            while (i < n && line[i] != quote) {
                if (quote == '"' && line[i] == '\\' && i + 1 < n)
                    ++i; // \" and \\ : good enough to find the end and the name
                key += line[i++];
            }
            if (i >= n)
                return std::nullopt;
            ++i;
        } else {
            while (i < n && isBareKeyChar(line[i]))
                key += line[i++];
            if (key.isEmpty())
                return std::nullopt;
        }
        header.path << QString::fromUtf8(key);
        while (i < n && isSpace(line[i]))
            ++i;
        if (i < n && line[i] == '.') {
            ++i;
            continue;
        }
        if (i < n && line[i] == ']') {
            ++i;
            if (header.array) {
                if (i >= n || line[i] != ']')
                    return std::nullopt;
                ++i;
            }
            header.closeEnd = i;
            return header;
        }
        return std::nullopt;
    }
}

} // namespace tusk::core
