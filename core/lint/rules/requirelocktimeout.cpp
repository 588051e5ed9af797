#include "requirelocktimeout.h"

namespace tusk::core {

const RuleInfo &RequireLockTimeout::info() const
{
    static const RuleInfo info {
        QStringLiteral("require-lock-timeout"),
        Severity::Warning,
        QStringLiteral("A lock is requested with no lock_timeout set"),
        QStringLiteral("A statement that needs a lock on a busy table waits behind every "
                       "transaction holding a conflicting one, and while it waits every later "
                       "request that conflicts with it queues behind it: one long SELECT plus "
                       "one ALTER TABLE is a full outage. This holds for every lock-taking "
                       "statement, not only ALTER TABLE and CREATE INDEX: COMMENT ON, LOCK "
                       "TABLE, VACUUM, REINDEX, CLUSTER, CREATE TRIGGER, ALTER TYPE, ALTER "
                       "DOMAIN, ALTER SEQUENCE. lock_timeout bounds the wait. Reported once per "
                       "file, at the first such statement."),
        QStringLiteral("Start the migration with SET lock_timeout = '5s'; (shorter on busy "
                       "tables) and retry on a timeout instead of waiting. --fix inserts it."),
        {QStringLiteral("squawk"), QStringLiteral("eugene")},
        true,
        true,
    };
    return info;
}

QString RequireLockTimeout::message(const RelationLock &lock) const
{
    QString queue;
    if (lock.objectOnly)
        queue = QStringLiteral("other changes of %1 queue behind it").arg(lock.relation);
    else if (lock.mode == LockMode::AccessExclusive)
        queue = QStringLiteral("every query on %1, reads included, queues behind it")
                    .arg(lock.relation);
    else if (lock.mode >= LockMode::Share)
        queue =
            QStringLiteral("every write to %1 queues behind it (reads go on)").arg(lock.relation);
    else
        queue = QStringLiteral("VACUUM, CREATE INDEX and other schema changes of %1 queue "
                               "behind it")
                    .arg(lock.relation);
    return QStringLiteral("%1 asks for %2 lock on %3 with no lock_timeout set: while it waits, %4")
        .arg(lock.why, modeWithArticle(lock), lock.relation, queue);
}

} // namespace tusk::core
