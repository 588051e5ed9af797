#pragma once

#include "rolloutplan.h"

#include "core/catalog/catalogsnapshot.h"

#include <QByteArray>

namespace tusk::core {

class SchemaFacts;

// Turns pending SQL into a rollout (issue 23's plan): each statement is
// linted alone with the target's facts; with no finding at warning or
// above it is safe as written; when the linter's mechanical rewrites
// cover every such finding it is safe in that online form (CONCURRENTLY,
// NOT VALID + VALIDATE, a CHECK before SET NOT NULL, a unique index then
// USING INDEX), each statement of the rewrite a step; otherwise it breaks
// running code and is marked so, with the findings. Every step gets its
// rollback from StatementReverse (the catalog before the script), its lock
// from the lock model, and its gate from ChangeVerifier. The linter's
// session settings (lock_timeout, statement_timeout) become the plan's.
class RolloutPlanner {
public:
    static RolloutPlan plan(const QByteArray &sql, const CatalogSnapshot &before,
        const SchemaFacts *facts = nullptr, int serverVersion = 150000);
    // A migration with its hand-written down script (sqitch's revert,
    // golang-migrate's .down.sql) as one step whose rollback is the down
    // script as written: the dry run proves it instead of trusting it.
    static RolloutPlan handWritten(const QByteArray &up, const QByteArray &down);
};

} // namespace tusk::core
