#include "requirestatementtimeout.h"

namespace tusk::core {

const RuleInfo &RequireStatementTimeout::info() const
{
    static const RuleInfo info {
        QStringLiteral("require-statement-timeout"),
        Severity::Warning,
        QStringLiteral("A lock is taken with no statement_timeout set"),
        QStringLiteral("A statement that holds a lock for longer than planned (a scan of a "
                       "table bigger than expected, a rewrite, a wait on a row lock) keeps "
                       "everything that conflicts with it waiting. statement_timeout bounds the "
                       "whole statement, lock wait included. Reported once per file, at the "
                       "first lock-taking statement."),
        QStringLiteral("SET statement_timeout = '15min'; (tuned to the work; for CREATE INDEX "
                       "CONCURRENTLY or VACUUM FULL of a big table set a bound that covers the "
                       "build, or 0 on purpose) before the first such statement. --fix inserts "
                       "it."),
        {QStringLiteral("squawk")},
        true,
        true,
    };
    return info;
}

QString RequireStatementTimeout::message(const RelationLock &lock) const
{
    return QStringLiteral("%1 takes %2 lock on %3 with no statement_timeout set: nothing bounds "
                          "how long it runs, and the lock is held all that time")
        .arg(lock.why, modeWithArticle(lock), lock.relation);
}

} // namespace tusk::core
