#pragma once

#include <QByteArray>
#include <QStringList>

#include <optional>

namespace tusk::core {

// One `[a."b c".d]` or `[[a.b]]` table header as TomlText finds it by a
// line scan (then confirms against the parse tree): the path and where the
// brackets are, so a rename rewrites only the bracketed part.
struct TomlHeader {
    int line = 0; // 1-based
    QStringList path;
    bool array = false;
    qsizetype indent = 0; // bytes before '['
    qsizetype closeEnd = 0; // bytes up to and including the closing bracket(s)
};

class TomlHeaderLine {
public:
    // nullopt when the line is no table header.
    static std::optional<TomlHeader> read(const QByteArray &line);
};

} // namespace tusk::core
