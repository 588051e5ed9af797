#include "statementsafteraccessexclusive.h"

#include "core/lint/scriptfacts.h"

#include <pg_query/pg_query.pb-c.h>

namespace tusk::core {

const RuleInfo &StatementsAfterAccessExclusive::info() const
{
    static const RuleInfo info {
        QStringLiteral("statements-after-access-exclusive"),
        Severity::Warning,
        QStringLiteral("More statements run while the transaction holds ACCESS EXCLUSIVE"),
        QStringLiteral("Locks are released only at COMMIT. Once a statement has taken ACCESS "
                       "EXCLUSIVE on a table, no one can even read it until the transaction "
                       "ends, so every statement after it (another ALTER, an index build, a "
                       "backfill) extends the outage by its own duration."),
        QStringLiteral("Put the ACCESS EXCLUSIVE statement last in its transaction, or in a "
                       "transaction of its own, and move slow work (backfills, index builds) "
                       "out of it."),
        {QStringLiteral("eugene")},
    };
    return info;
}

namespace {
bool isTransactionControl(const ParsedStatement &s)
{
    return s.node && s.node->node_case == PG_QUERY__NODE__NODE_TRANSACTION_STMT;
}
} // namespace

void StatementsAfterAccessExclusive::checkScript(const LintInput &input, QList<Finding> &out) const
{
    const RelationLock *held = nullptr;
    int heldIn = -1; // the transaction holding the lock
    int heldAt = 0;
    int reportedIn = -1; // once per transaction
    for (const ParsedStatement &s : input.script.statements()) {
        const StatementState &state = input.states.at(s.index);
        if (held && (!state.inTransaction || state.transaction != heldIn))
            held = nullptr;
        if (!state.inTransaction || isTransactionControl(s) || !s.node)
            continue;
        if (held) {
            if (reportedIn == heldIn)
                continue;
            Finding f = finding(input, s,
                QStringLiteral("%1 is still locked ACCESS EXCLUSIVE (taken at line %2) while this "
                               "runs: reads and writes on it wait until COMMIT")
                    .arg(held->relation)
                    .arg(heldAt));
            f.relation = held->relation;
            f.lock = held->describe();
            out << std::move(f);
            reportedIn = heldIn;
            continue;
        }
        for (const RelationLock &l : input.locks.at(s.index)) {
            if (l.mode == LockMode::AccessExclusive
                && !input.facts.createdBefore(l.relation, s.index - 1)) {
                held = &l;
                heldIn = state.transaction;
                heldAt = s.start.line;
                break;
            }
        }
    }
}

} // namespace tusk::core
