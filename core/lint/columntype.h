#pragma once

#include <QList>
#include <QString>

struct PgQuery__TypeName;

namespace tusk::core {

// A column type in one spelling whichever way it was written: the parser's
// "pg_catalog.int4" and the catalog's "integer" both become {"int4"}, and
// "character varying(20)" becomes {"varchar", {20}}.
struct ColumnType {
    QString name; // internal name: int4, varchar, numeric, timestamptz, bpchar …
    QList<int> modifiers; // varchar(20) → {20}; numeric(10,2) → {10, 2}
    bool isArray = false;

    bool isKnown() const { return !name.isEmpty(); }
    // "varchar(20)", "int4[]"
    QString toString() const;
    // As SQL spells it for people: bigint, not int8 (typmods and [] kept).
    QString spelled() const;
    bool operator==(const ColumnType &other) const = default;

    static ColumnType fromTypeName(const PgQuery__TypeName *type);
    // From format_type() output, as the catalog loader reads it.
    static ColumnType fromCatalog(const QString &formatted);
    // The internal name of an SQL-standard spelling ("integer" → "int4").
    static QString canonicalName(const QString &name);
};

} // namespace tusk::core
