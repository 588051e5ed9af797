#pragma once

#include "rolloutplan.h"

#include <optional>

struct PgQuery__Node;

namespace tusk::core {

// Dropping a column or a table is a contract only, done once there is
// evidence that nothing uses it (seed 001: never break running code):
// 1. record a usage point in the target database (tusk_rollout.usage_point:
//    the table's scans and writes from pg_stat_user_tables, and the calls of
//    pg_stat_statements entries whose text names the column or table);
// 2. the application's step: deploy code that no longer uses it, and let
//    it run; its gate counts what used it since the point (a table: no
//    scan and no write; a column: no statement naming it, which needs
//    pg_stat_statements, and the gate says so when it is missing);
// 3. the drop as written, the point of no return.
// nullopt for any other statement.
class DropContractRecipe {
public:
    static std::optional<QList<RolloutStep>> steps(
        const PgQuery__Node *statement, const QString &statementText);
    static QString schemaName() { return QStringLiteral("tusk_rollout"); }
};

} // namespace tusk::core
