#pragma once

#include "columntype.h"

namespace tusk::core {

// What ALTER COLUMN … TYPE costs, from the old and the new type: the
// binary-compatible changes PostgreSQL makes in the catalog alone (varchar
// widening, varchar → text, numeric precision increase at the same scale,
// cidr → inet …) against everything else, which rewrites the table and
// rebuilds its indexes under ACCESS EXCLUSIVE.
struct TypeChange {
    enum class Cost {
        Unknown, // the old type is not known (no catalog, not created in the script)
        None, // same type
        CatalogOnly, // binary compatible: no rewrite, no index rebuild
        Rewrite,
    };
    Cost cost = Cost::Unknown;
    QString reason; // one line: "varchar(20) → varchar(50) widens the limit: no rewrite"

    static TypeChange between(const ColumnType &from, const ColumnType &to);
};

} // namespace tusk::core
