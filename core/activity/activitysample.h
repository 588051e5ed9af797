#pragma once

#include "core/lint/lockmode.h"

#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>

#include <optional>

namespace tusk::core {

// One session as pg_stat_activity shows it in a sample. Ages are computed
// on the server (now() minus the start), in milliseconds; -1 when unset.
struct ActivitySession {
    int pid = 0;
    int leaderPid = 0; // a parallel worker's leader (PostgreSQL 13+); 0: none
    QString database;
    QString user;
    QString application;
    QString client; // address, or "local"
    QString backendType; // "client backend", "autovacuum worker", …
    QString state; // "active", "idle in transaction (aborted)", …
    QString waitEventType; // "Lock", "LWLock", "IO", … empty: not waiting
    QString waitEvent;
    qint64 transactionAgeMs = -1;
    qint64 queryAgeMs = -1;
    qint64 stateAgeMs = -1;
    qint64 queryId = 0; // PostgreSQL 14+ with compute_query_id; 0: none
    QString query; // cut on the server
    QList<int> blockedBy; // pg_blocking_pids(), only for sessions waiting on a Lock
    bool superuser = false; // the session's role
    // An autovacuum worker that runs to prevent transaction id wraparound:
    // cancelling it only postpones the same work under more pressure.
    bool isAntiWraparound() const
    {
        return query.contains(QLatin1String("(to prevent wraparound)"));
    }
    bool isWaitingOnLock() const { return waitEventType == QLatin1String("Lock"); }
    // Another role's session whose state this role may not see: the server
    // shows its user but not what it does.
    bool isHiddenFromThisRole() const
    {
        return state.isEmpty() && !user.isEmpty()
            && query == QLatin1String("<insufficient privilege>");
    }
    // What the monitor leaves out unless idle sessions are asked for: idle
    // ones and background processes (no state). A hidden session is not
    // among them: it may be the busiest one, and a role that may not see
    // it still needs to find it (to learn it may not signal it either).
    bool isIdleOrBackground() const
    {
        return state == QLatin1String("idle") || (state.isEmpty() && !isHiddenFromThisRole());
    }
};

// One row of pg_locks: the lock tag (every field, so two rows are on the
// same object only when all agree), the mode, and whether it is granted.
struct ActivityLock {
    QString lockType; // relation, transactionid, virtualxid, tuple, advisory, object, …
    quint32 database = 0;
    quint32 relation = 0;
    QString relationName; // ::regclass text (takes no lock); empty for other types
    qint64 page = -1;
    qint64 tuple = -1;
    QString virtualXid;
    QString transactionId;
    quint32 classId = 0;
    quint32 objId = 0;
    int objSubId = 0;
    int pid = 0; // 0: a prepared transaction
    QString modeName; // "AccessExclusiveLock", as pg_locks writes it
    std::optional<LockMode> mode; // nullopt for SIReadLock and the like
    bool granted = false;
    qint64 waitingMs = -1; // since waitstart (PostgreSQL 14+); -1 unknown

    bool sameTag(const ActivityLock &other) const;
    // "relation shop.orders", "transaction 7421", "advisory key 1:42", …
    QString target() const;
    // "AccessExclusiveLock" → LockMode::AccessExclusive
    static std::optional<LockMode> modeOf(const QString &pgLocksMode);
};

// A command's progress from pg_stat_progress_* (CREATE INDEX, VACUUM,
// CLUSTER, ANALYZE, COPY, BASE BACKUP): phase and the units done of the
// phase's total; a concurrent index build's current_locker_pid names the
// session it waits for.
struct CommandProgress {
    QString command; // "create index", "vacuum", …
    int pid = 0;
    QString relation; // ::regclass text; empty for a base backup
    QString phase;
    qint64 total = -1;
    qint64 done = -1;
    int lockerPid = 0; // create index: the session its phase waits for; 0 none
    // done / total, 0..1; -1 when the phase has no measure
    double fraction() const { return total > 0 && done >= 0 ? double(done) / double(total) : -1; }
};

// A database's transaction counters from pg_stat_database (cumulative
// since the last stats reset); the charts turn two samples into rates.
struct DatabaseTotals {
    QString database;
    qint64 commits = 0;
    qint64 rollbacks = 0;
};

struct PreparedTransaction {
    QString gid;
    QString transactionId;
    QString owner;
    QString database;
    qint64 ageMs = -1;
};

// One sample of the server's activity, taken in one round trip.
struct ActivitySample {
    QDateTime takenAt; // UTC, the client's clock
    int serverVersion = 0;
    QList<ActivitySession> sessions;
    QList<ActivityLock> locks; // read only when a session waits on a Lock
    QList<PreparedTransaction> prepared; // likewise
    QList<CommandProgress> progress;
    QList<DatabaseTotals> databases; // every database the server lists
    qint64 serverMs = 0; // the round trip
    bool canSeeAllQueries = true; // false: pg_read_all_stats would show others' queries

    const ActivitySession *session(int pid) const;
    // Only what belongs to `database`: its sessions, their locks, its
    // prepared transactions (and the locks they hold).
    ActivitySample restrictedTo(const QString &database) const;
};

} // namespace tusk::core

Q_DECLARE_METATYPE(tusk::core::ActivitySample)
