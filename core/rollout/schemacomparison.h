#pragma once

#include "core/catalog/catalogsnapshot.h"
#include "core/pg/result.h"

#include <QList>
#include <QMap>
#include <QString>

namespace tusk::core {

// Two readings of one database's catalog compared object by object, for
// the rollout's dry run (a step's rollback must bring back the schema from
// before it) and the tests that prove StatementReverse: schemas, relations
// (kind, owner, options), columns (type, nullability, default, identity,
// collation, comment), column order as a category of its own (a column
// added back lands at the end), constraints and whether validated,
// indexes and validity, triggers, policies, sequences, types, functions,
// extensions. No oids, sizes or statistics: what a rollback may change
// without changing the schema.
class SchemaComparison {
public:
    struct Difference {
        QString category; // "column", "column order", "index", …
        QString object; // "shop.orders.note", "index orders_note_idx on shop.orders"
        QString before; // empty: the object is new
        QString after; // empty: the object is gone

        // "index shop.orders_note_idx: gone (was …)"
        QString describe() const;
        bool operator==(const Difference &other) const = default;
    };

    // Each object of `snapshot` as category + name → its description.
    static QMap<QString, QString> facts(const CatalogSnapshot &snapshot);
    // What the catalog snapshot does not hold and a rollback must restore
    // too: view and materialized view definitions, grants on relations,
    // schemas and functions, function bodies (by md5). One query, for a
    // database Tusk may read at leisure (the dry run's scratch): rows of
    // (category, object, fact).
    static QString definitionsSql();
    static void addDefinitions(QMap<QString, QString> *facts, const Result &rows);

    // What differs, by category then object name; empty when equal.
    static QList<Difference> compare(const CatalogSnapshot &before, const CatalogSnapshot &after);
    static QList<Difference> compare(
        const QMap<QString, QString> &before, const QMap<QString, QString> &after);
};

} // namespace tusk::core
