#pragma once

#include <QList>
#include <QString>

namespace tusk::core {

// PostgreSQL's own keyword list, as the grammar libpg_query was built from
// knows it (PostgreSQL 15: 460 words), for highlighting and completion
// without a server. A connected editor may use the server's
// pg_get_keywords() instead; the categories are the same.
class SqlKeywords {
public:
    enum class Category {
        Unreserved, // usable as any name
        ColumnName, // not as a function or type name
        TypeOrFunctionName, // not as a column name
        Reserved,
    };
    struct Keyword {
        QString word; // lower case: "concurrently"
        Category category = Category::Unreserved;
    };

    static const QList<Keyword> &all();
    // Every keyword, lower case, separated by spaces (a Scintilla keyword set).
    static const QByteArray &spaceSeparated();
    static bool isKeyword(QStringView word); // any case
};

} // namespace tusk::core
