#pragma once

#include "core/lint/lockmode.h"
#include "core/pg/conninfo.h"
#include "core/pg/pgerror.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QList>
#include <QMetaType>
#include <QObject>
#include <QStringList>
#include <QTimer>
#include <QVariant>

#include <memory>

namespace tusk::core {

class Connection;
class Result;
struct Confirmation;
class SchemaFacts;

// Who a structure change would wait behind, asked right before it runs
// (issue 24, point 12): the relations each statement locks and in which
// mode come from the lint's lock model (LockModel::locksOf, only for what
// StatementEffects calls a schema change), then one query (after two SETs)
// on a short-lived session of its own reads, for those relations, every
// session holding a granted lock in a conflicting mode and every session
// already waiting for one (a new request queues behind a conflicting
// waiter too). Nothing in it locks a relation: names are resolved with
// to_regclass(), which looks them up with NoLock, and pg_locks is named
// with ::regclass text, so the check answers while an ACCESS EXCLUSIVE
// request is queued on the very table. The session has a short
// lock_timeout and statement_timeout, and the whole check a deadline.
// Building the request and judging its rows are pure (static) and testable
// without a server. Asynchronous, on the owner's thread; one check at a
// time, a new start() drops the one under way.
class LockWaitCheck : public QObject {
    Q_OBJECT
public:
    // One lock a statement of the script would ask for.
    struct Target {
        int statement = 0; // 0-based, in script order
        QString head; // the statement's beginning: "ALTER TABLE shop.items ADD COLUMN w int"
        QString relation; // as written: "shop.items"; for ofIndex the index's name
        bool ofIndex = false; // the table the index `relation` belongs to
        LockMode mode = LockMode::AccessExclusive;
        // A concurrent build's later wait: it waits until the sessions
        // holding a conflicting lock end their transactions, but joins no
        // queue (waiters do not hold it up, nobody queues behind it).
        bool holdersOnly = false;
    };
    // One row of the request: a lock on a target's relation, with its session.
    struct Row {
        int target = 0; // index into the targets sent
        QString relation; // ::regclass text
        int pid = 0; // 0: a prepared transaction
        QString modeName; // as pg_locks spells it: "RowExclusiveLock"
        bool granted = false;
        QString state; // pg_stat_activity.state
        qint64 transactionAgeMs = -1;
        qint64 stateAgeMs = -1;
        qint64 waitingMs = -1; // since waitstart (PostgreSQL 14+); -1 unknown
        QString query;
        QString gid; // a prepared transaction's
    };
    // A session the statement would wait behind.
    struct Blocker {
        int statement = 0;
        QString head;
        LockMode wanted = LockMode::AccessExclusive;
        QString relation; // the server's name for it
        int pid = 0; // 0: a prepared transaction (gid)
        QString gid;
        bool waiting = false; // false: holds `mode`; true: already waits for it
        LockMode mode = LockMode::AccessExclusive;
        QString state;
        qint64 transactionAgeMs = -1;
        qint64 stateAgeMs = -1;
        qint64 waitingMs = -1;
        QString query; // cut short, on one line
    };
    struct Outcome {
        bool checked = false; // false: failed (error says why)
        QList<Blocker> blockers; // holders first, then the queue in its order
        QStringList lines; // for people; empty when nothing would block
        PgError error;
        qint64 elapsedMs = 0;
        bool failed() const { return !checked; }
        // "The lock check could not run (…), …" for a question or the messages
        QString failureText() const;
    };

    static constexpr int deadlineMs = 5000;
    static QString applicationName() { return QStringLiteral("tusk lock check"); }

    explicit LockWaitCheck(QObject *parent = nullptr);
    ~LockWaitCheck() override;

    // The locks worth checking in `sql`: those of structure changes on
    // relations the script did not create itself. Empty for plain SELECT
    // and DML (their locks queue no one for long) and for descriptions the
    // lock model gives instead of a name ("each table of the database").
    static QList<Target> targetsOf(
        const QByteArray &sql, int serverVersion = 150000, const SchemaFacts *catalog = nullptr);

    // Starts checking `targets` on a session of its own opened with `info`;
    // `ownPid` is the backend that will run the statements (its own locks
    // block nothing of its own). Returns the request's id; its answer is
    // finished(id, …) unless another start() or cancel() came first.
    quint64 start(const ConnInfo &info, const QList<Target> &targets, int ownPid = 0);
    void cancel();
    bool isRunning() const { return m_connection != nullptr; }

    // The request: one statement with $1 (the targets as JSON, see
    // parameters()) and $2 (the pid left out), for the server's version.
    static QString sql(int serverVersion);
    static QVariantList parameters(const QList<Target> &targets, int ownPid);
    static QList<Row> read(const Result &result);
    // Which rows would block which target, each session named once (at the
    // first statement it holds up).
    static QList<Blocker> judge(const QList<Target> &targets, const QList<Row> &rows, int ownPid);
    // "ALTER TABLE shop.items … would wait behind pid 4121 (idle in
    // transaction for 6 min, holds ROW EXCLUSIVE on shop.items)", "… and
    // behind pid 4130, already waiting 12 s for ACCESS EXCLUSIVE on
    // shop.items"; past `listed` sessions, one line says how many more.
    static QStringList lines(const QList<Blocker> &blockers, int listed = 5);
    // The question before running, with what the check found: `approval`
    // (ConfirmationPolicy's; may be null) gets it before its closing "Run
    // them?"; without one, sessions in the way ask a question of their own,
    // since while the statement waits every later query on its tables
    // queues behind it. Null when nothing needs asking.
    static Confirmation question(const Confirmation &approval, const Outcome &outcome);
    // "shop.items, shop.orders": the relations `targets` name, once each.
    static QString relationsText(const QList<Target> &targets);

signals:
    void finished(quint64 id, const tusk::core::LockWaitCheck::Outcome &outcome);

private:
    void onOpened();
    void finish(const Outcome &outcome);

    std::unique_ptr<Connection> m_connection;
    QList<Target> m_targets;
    int m_ownPid = 0;
    quint64 m_id = 0;
    QTimer m_deadline;
    QElapsedTimer m_clock;
};

} // namespace tusk::core

Q_DECLARE_METATYPE(tusk::core::LockWaitCheck::Outcome)
