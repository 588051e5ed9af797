#pragma once

#include "columntype.h"

#include <optional>

namespace tusk::core {

// What ALTER COLUMN … TYPE costs, from the old and the new type: the
// binary-compatible changes PostgreSQL makes in the catalog alone (varchar
// widening, varchar → text, numeric precision increase at the same scale,
// cidr → inet …) against everything else, which rewrites the table and
// rebuilds its indexes under ACCESS EXCLUSIVE. strong_migrations' table of
// safe changes, checked against PostgreSQL 15 by tst_typechangeserver.
struct TypeChange {
    enum class Cost {
        Unknown, // the old type is not known (no catalog, not created in the script)
        None, // same type
        CatalogOnly, // binary compatible: no rewrite
        Rewrite,
    };
    // What the change depends on besides the two types.
    struct Context {
        int serverVersion = 150000;
        // The session's TimeZone is UTC (SET earlier in the script, or the
        // server's setting); unknown when not said.
        std::optional<bool> timeZoneUtc;
    };
    Cost cost = Cost::Unknown;
    QString reason; // one line: "varchar(20) → varchar(50) widens the limit: no rewrite"
    // Catalog-only for the table, but an index on the column is rebuilt:
    // the new type has another operator class (citext ↔ text, timestamp ↔
    // timestamptz).
    bool rebuildsIndexes = false;

    // The context of a statement: the script's last SET timezone wins over
    // the catalog's session setting.
    static Context contextOf(
        int serverVersion, const QString &scriptZone, const QString &catalogZone);
    static TypeChange between(const ColumnType &from, const ColumnType &to, const Context &context);
    static TypeChange between(const ColumnType &from, const ColumnType &to)
    {
        return between(from, to, Context());
    }
    // The old types that would make a change to `to` catalog-only, in
    // words ("varchar(n ≤ 50)"); empty when none would.
    static QString safeSources(const ColumnType &to);
};

} // namespace tusk::core
