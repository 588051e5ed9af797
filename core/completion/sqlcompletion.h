#pragma once

#include "core/catalog/catalogsnapshot.h"

#include <QByteArray>
#include <QStringList>

namespace tusk::core {

// What the editor offers at the caret: after `schema.` that schema's
// tables, views and functions; after `alias.` (or `table.`) the columns
// of the relation the statement's FROM / JOIN / UPDATE / INTO names that
// way; elsewhere keywords, schemas, relations and functions. Only the
// text of the statement at the caret is read, with a token scan that
// tolerates the half-typed SQL an editor holds (the parser would not).
class SqlCompletion {
public:
    enum class Kind { Keyword, Schema, Relation, Column, Function };
    struct Item {
        QString text; // inserted as SQL: quoted when it has to be
        Kind kind;
        QString detail; // a column's type, a function's arguments
    };
    struct Result {
        qsizetype prefixBegin = 0; // byte offset where the typed word begins
        QString prefix;
        QList<Item> items; // matching the prefix (any case), best first
    };

    // `keywords` in upper case; `script` the editor's UTF-8 bytes.
    static Result complete(const QByteArray &script, qsizetype caret,
        const CatalogSnapshot &catalog, const QStringList &keywords, int limit = 400);
    // alias or table name (lower-cased unless quoted) → "schema.table" or
    // "table", as the statement's FROM, JOIN, UPDATE and INTO name them.
    static QHash<QString, QString> aliases(const QByteArray &statement);
};

} // namespace tusk::core
