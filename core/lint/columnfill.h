#pragma once

#include <QString>

struct PgQuery__ColumnDef;

namespace tusk::core {

class SchemaFacts;

// What adding a column costs because of how it is filled: nothing (no
// default, or a non-volatile one from PostgreSQL 11 on, stored in the
// catalog), or a rewrite of every row under ACCESS EXCLUSIVE (a volatile
// default, serial, identity, a stored generated column, any default before
// 11).
struct ColumnFill {
    enum class Cost { Free, Rewrite };
    Cost cost = Cost::Free;
    QString reason; // empty when Free and there is no default at all
    bool hasDefault = false;

    static ColumnFill of(
        const PgQuery__ColumnDef *column, int serverVersion, const SchemaFacts *catalog);
    // 'i', 's', 'v' for functions whose volatility PostgreSQL fixes; 0 otherwise.
    static char builtinVolatility(const QString &function);
};

} // namespace tusk::core
