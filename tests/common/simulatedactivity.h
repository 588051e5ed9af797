#pragma once

// Synthetic activity samples for the tests and the benchmarks of the
// activity monitor's history: a simulated server whose sessions come and
// go, change state, query and wait, queue on locks (SimulatedServer), a
// sample with every field set (richSample), and a field-by-field
// comparison of two samples (difference).

#include "core/activity/activitysample.h"

#include <QRandomGenerator>

#include <algorithm>
#include <cmath>

namespace tusk::test {

using namespace tusk::core;

inline QString lockText(const ActivityLock &l)
{
    return QStringLiteral("%1 %2 %3 %4 %5 %6 %7 %8 %9 %10 %11 %12 %13 %14 %15")
        .arg(l.lockType)
        .arg(l.database)
        .arg(l.relation)
        .arg(l.relationName)
        .arg(l.page)
        .arg(l.tuple)
        .arg(l.virtualXid, l.transactionId)
        .arg(l.classId)
        .arg(l.objId)
        .arg(l.objSubId)
        .arg(l.pid)
        .arg(l.modeName)
        .arg(l.mode ? int(*l.mode) : -1)
        .arg(int(l.granted));
}

inline bool near(qint64 a, qint64 b, qint64 tolerance)
{
    return a == b || (a != -1 && b != -1 && qAbs(a - b) <= tolerance);
}

// The first field where `got` differs from `want`, or nothing. Ages may
// differ by `tolerance` ms (-1 stays -1).
inline QString difference(
    const ActivitySample &want, const ActivitySample &got, qint64 tolerance = 0)
{
    if (want.takenAt != got.takenAt)
        return QStringLiteral("takenAt %1 vs %2")
            .arg(want.takenAt.toString(Qt::ISODateWithMs), got.takenAt.toString(Qt::ISODateWithMs));
    if (want.serverVersion != got.serverVersion || want.serverMs != got.serverMs
        || want.canSeeAllQueries != got.canSeeAllQueries)
        return QStringLiteral("sample fields");
    if (want.sessions.size() != got.sessions.size())
        return QStringLiteral("%1 sessions vs %2")
            .arg(want.sessions.size())
            .arg(got.sessions.size());
    for (qsizetype i = 0; i < want.sessions.size(); ++i) {
        const ActivitySession &a = want.sessions.at(i);
        const ActivitySession &b = got.sessions.at(i);
        const QString where = QStringLiteral("session %1 (pid %2): ").arg(i).arg(a.pid);
        if (a.pid != b.pid || a.leaderPid != b.leaderPid)
            return where + QStringLiteral("pid %1 leader %2").arg(b.pid).arg(b.leaderPid);
        const QStringList ta {a.database, a.user, a.application, a.client, a.backendType, a.state,
            a.waitEventType, a.waitEvent, a.query};
        const QStringList tb {b.database, b.user, b.application, b.client, b.backendType, b.state,
            b.waitEventType, b.waitEvent, b.query};
        if (ta != tb)
            return where + tb.join(QLatin1Char('|')) + QStringLiteral(" vs ")
                + ta.join(QLatin1Char('|'));
        if (!near(a.transactionAgeMs, b.transactionAgeMs, tolerance)
            || !near(a.queryAgeMs, b.queryAgeMs, tolerance)
            || !near(a.stateAgeMs, b.stateAgeMs, tolerance))
            return where
                + QStringLiteral("ages %1/%2/%3 vs %4/%5/%6")
                      .arg(b.transactionAgeMs)
                      .arg(b.queryAgeMs)
                      .arg(b.stateAgeMs)
                      .arg(a.transactionAgeMs)
                      .arg(a.queryAgeMs)
                      .arg(a.stateAgeMs);
        // std::ranges::equal, not QList's ==: Qt 6.4's passes an empty list's
        // null data to memcmp, which UBSan reports.
        if (a.queryId != b.queryId || !std::ranges::equal(a.blockedBy, b.blockedBy)
            || a.superuser != b.superuser)
            return where + QStringLiteral("query id, blocked by or superuser");
    }
    if (want.locks.size() != got.locks.size())
        return QStringLiteral("%1 locks vs %2").arg(want.locks.size()).arg(got.locks.size());
    for (qsizetype i = 0; i < want.locks.size(); ++i) {
        const ActivityLock &a = want.locks.at(i);
        const ActivityLock &b = got.locks.at(i);
        if (lockText(a) != lockText(b) || !near(a.waitingMs, b.waitingMs, tolerance))
            return QStringLiteral("lock %1: %2 (%3 ms) vs %4 (%5 ms)")
                .arg(i)
                .arg(lockText(b))
                .arg(b.waitingMs)
                .arg(lockText(a))
                .arg(a.waitingMs);
    }
    if (want.prepared.size() != got.prepared.size())
        return QStringLiteral("prepared count");
    for (qsizetype i = 0; i < want.prepared.size(); ++i) {
        const PreparedTransaction &a = want.prepared.at(i);
        const PreparedTransaction &b = got.prepared.at(i);
        if (a.gid != b.gid || a.transactionId != b.transactionId || a.owner != b.owner
            || a.database != b.database || !near(a.ageMs, b.ageMs, tolerance))
            return QStringLiteral("prepared %1").arg(i);
    }
    if (want.progress.size() != got.progress.size())
        return QStringLiteral("progress count");
    for (qsizetype i = 0; i < want.progress.size(); ++i) {
        const CommandProgress &a = want.progress.at(i);
        const CommandProgress &b = got.progress.at(i);
        if (a.command != b.command || a.pid != b.pid || a.relation != b.relation
            || a.phase != b.phase || a.total != b.total || a.done != b.done
            || a.lockerPid != b.lockerPid)
            return QStringLiteral("progress %1").arg(i);
    }
    if (want.databases.size() != got.databases.size())
        return QStringLiteral("databases count");
    for (qsizetype i = 0; i < want.databases.size(); ++i) {
        const DatabaseTotals &a = want.databases.at(i);
        const DatabaseTotals &b = got.databases.at(i);
        if (a.database != b.database || a.commits != b.commits || a.rollbacks != b.rollbacks)
            return QStringLiteral("database %1").arg(i);
    }
    return {};
}

// A simulated server, one sample a second. Each session has start
// instants; the ages of a sample are measured from the server's clock,
// which may run behind the client's by a varying round trip (jitter), and
// are rounded to the millisecond as PostgreSQL rounds them.
class SimulatedServer {
public:
    struct Options {
        int sessions = 40;
        double changing = 0.2; // share of sessions that do something new each second
        double leaving = 0.02;
        int queries = 50; // distinct query texts
        bool jitter = false;
        quint32 seed = 7;
    };

    explicit SimulatedServer(const Options &options)
        : m_options(options)
        , m_random(options.seed)
    {
        for (int i = 0; i < m_options.queries; ++i)
            m_queries << QStringLiteral("SELECT * FROM shop.orders o JOIN shop.items i USING "
                                        "(order_id) WHERE o.customer_id = $1 /* %1 */ %2")
                             .arg(i)
                             .arg(QString(int(m_random.bounded(200, 900)), QLatin1Char('x')));
        for (int i = 0; i < m_options.sessions; ++i)
            m_sessions << newSession();
    }

    ActivitySample next()
    {
        m_clock += 1000.0;
        for (Session &s : m_sessions) {
            if (m_random.bounded(1.0) < m_options.changing)
                change(s);
        }
        m_sessions.removeIf(
            [this](const Session &) { return m_random.bounded(1.0) < m_options.leaving; });
        while (m_sessions.size() < m_options.sessions)
            m_sessions.insert(m_random.bounded(qsizetype(m_sessions.size() + 1)), newSession());

        ActivitySample out;
        const qint64 takenAt = qint64(m_clock);
        out.takenAt = QDateTime::fromMSecsSinceEpoch(takenAt, Qt::UTC);
        out.serverVersion = 150004;
        out.serverMs = m_random.bounded(1, 9);
        out.canSeeAllQueries = (qint64(m_clock) / 1000) % 17 != 0;
        // The server's now(): before the client's clock by the round trip.
        const double serverNow =
            m_options.jitter ? m_clock - m_random.bounded(500, 6000) / 1000.0 : m_clock;
        const auto age = [&](double start) {
            return start < 0 ? qint64(-1) : qint64(std::llround(serverNow - start));
        };
        int blocker = 0;
        for (const Session &s : std::as_const(m_sessions)) {
            ActivitySession x;
            x.pid = s.pid;
            x.leaderPid = s.leader;
            x.database = s.pid % 3 ? QStringLiteral("shop") : QStringLiteral("billing");
            x.user = QStringLiteral("app_%1").arg(s.pid % 4);
            x.application = s.pid % 5 ? QStringLiteral("web") : QString();
            x.client = QStringLiteral("10.0.0.%1").arg(s.pid % 250);
            x.backendType = QStringLiteral("client backend");
            x.state = s.state;
            x.waitEventType = s.waitType;
            x.waitEvent = s.waitEvent;
            x.transactionAgeMs = age(s.transactionStart);
            x.queryAgeMs = age(s.queryStart);
            x.stateAgeMs = age(s.stateStart);
            x.queryId = s.queryId;
            x.query = s.query;
            x.superuser = s.pid % 11 == 0;
            if (x.isWaitingOnLock()) {
                x.blockedBy = {blocker ? blocker : m_sessions.first().pid};
                ActivityLock l;
                l.lockType = QStringLiteral("relation");
                l.database = 16384;
                l.relation = 16400;
                l.relationName = QStringLiteral("shop.items");
                l.pid = s.pid;
                l.modeName = QStringLiteral("AccessExclusiveLock");
                l.mode = ActivityLock::modeOf(l.modeName);
                l.waitingMs = age(s.stateStart);
                out.locks << l;
            } else if (!blocker && s.state == QLatin1String("idle in transaction")) {
                blocker = s.pid;
            }
            out.sessions << x;
        }
        if (!out.locks.isEmpty()) {
            ActivityLock held;
            held.lockType = QStringLiteral("transactionid");
            held.transactionId = QStringLiteral("7421");
            held.pid = blocker;
            held.modeName = QStringLiteral("SIReadLock"); // no LockMode
            held.granted = true;
            out.locks.prepend(held);
            out.prepared << PreparedTransaction {QStringLiteral("tx_%1").arg(m_prepared),
                QStringLiteral("9000"), QStringLiteral("app_1"), QStringLiteral("shop"),
                age(m_preparedAt)};
        } else {
            m_prepared += 1;
            m_preparedAt = serverNow;
        }
        if ((qint64(m_clock) / 1000) % 40 < 25) {
            m_indexDone += 37;
            out.progress << CommandProgress {QStringLiteral("create index"), m_sessions.last().pid,
                QStringLiteral("shop.items"), QStringLiteral("building index: scanning table"),
                5000, m_indexDone % 5000, 0};
        }
        for (int d = 0; d < 4; ++d) {
            m_commits[d] += m_random.bounded(0, 200);
            m_rollbacks[d] += m_random.bounded(0, 2);
            out.databases << DatabaseTotals {
                QStringLiteral("db%1").arg(d), m_commits[d], m_rollbacks[d]};
        }
        return out;
    }

private:
    struct Session {
        int pid = 0;
        int leader = 0;
        QString state;
        QString waitType;
        QString waitEvent;
        double transactionStart = -1;
        double queryStart = -1;
        double stateStart = -1;
        qint64 queryId = 0;
        QString query;
    };

    // Starts have microseconds, as the server's timestamps do.
    double instant()
    {
        return m_clock - m_random.bounded(qint64(0), qint64(3'600'000'000)) / 1000.0;
    }

    Session newSession()
    {
        Session s;
        s.pid = m_nextPid++;
        s.leader = s.pid % 13 == 0 ? s.pid - 1 : 0;
        s.state = QStringLiteral("idle");
        s.queryStart = s.stateStart = instant();
        s.query = m_queries.at(m_random.bounded(qsizetype(m_queries.size())));
        return s;
    }

    void change(Session &s)
    {
        const double now = m_clock - m_random.bounded(0, 999'000) / 1000.0;
        switch (m_random.bounded(5)) {
        case 0:
            s.state = QStringLiteral("active");
            s.queryStart = s.stateStart = now;
            s.transactionStart = s.transactionStart < 0 ? now : s.transactionStart;
            s.query = m_queries.at(m_random.bounded(qsizetype(m_queries.size())));
            s.queryId = qint64(m_random.generate64());
            s.waitType.clear();
            s.waitEvent.clear();
            break;
        case 1:
            s.state = QStringLiteral("idle");
            s.stateStart = now;
            s.transactionStart = -1;
            s.waitType.clear();
            s.waitEvent.clear();
            break;
        case 2:
            s.state = QStringLiteral("idle in transaction");
            s.stateStart = now;
            s.transactionStart = s.transactionStart < 0 ? now : s.transactionStart;
            break;
        case 3:
            s.state = QStringLiteral("active");
            s.waitType = QStringLiteral("Lock");
            s.waitEvent = QStringLiteral("relation");
            s.stateStart = now;
            break;
        default:
            s.waitType = QStringLiteral("IO");
            s.waitEvent = QStringLiteral("DataFileRead");
            break;
        }
    }

    Options m_options;
    QRandomGenerator m_random;
    QStringList m_queries;
    QList<Session> m_sessions;
    double m_clock = 1'700'000'000'000.0 + 123;
    int m_nextPid = 4000;
    int m_prepared = 0;
    double m_preparedAt = 0;
    qint64 m_indexDone = 0;
    qint64 m_commits[4] = {1'000'000, 5, 0, 123'456'789'012};
    qint64 m_rollbacks[4] = {10, 0, 0, 7};
};

// Every field away from its default, including the odd ones.
inline ActivitySample richSample()
{
    ActivitySample s;
    s.takenAt = QDateTime::fromMSecsSinceEpoch(1'700'000'123'457, Qt::UTC);
    s.serverVersion = 160002;
    s.serverMs = 17;
    s.canSeeAllQueries = false;
    ActivitySession a;
    a.pid = 4121;
    a.leaderPid = 4120;
    a.database = QStringLiteral("shop");
    a.user = QStringLiteral("app");
    a.application = QStringLiteral("web \"quoted\" ✓");
    a.client = QStringLiteral("local");
    a.backendType = QStringLiteral("parallel worker");
    a.state = QStringLiteral("idle in transaction (aborted)");
    a.waitEventType = QStringLiteral("Lock");
    a.waitEvent = QStringLiteral("transactionid");
    a.transactionAgeMs = 9'007'199'254; // hours of it
    a.queryAgeMs = 0;
    a.stateAgeMs = -3; // a state that changed after the server's now()
    a.queryId = -9'223'372'036'854'775'807LL; // beyond a double's integers
    a.query = QStringLiteral("UPDATE t SET v = 'line\nbreak'");
    a.blockedBy = {4100, 0};
    a.superuser = true;
    ActivitySession b;
    b.pid = 17;
    s.sessions = {a, b};
    ActivityLock l;
    l.lockType = QStringLiteral("tuple");
    l.database = 4'294'967'295u;
    l.relation = 16400;
    l.relationName = QStringLiteral("shop.items");
    l.page = 3;
    l.tuple = 12;
    l.virtualXid = QStringLiteral("5/123");
    l.transactionId = QStringLiteral("7421");
    l.classId = 1259;
    l.objId = 42;
    l.objSubId = 2;
    l.pid = 4121;
    l.modeName = QStringLiteral("ShareRowExclusiveLock");
    l.mode = LockMode::ShareRowExclusive;
    l.granted = true;
    l.waitingMs = 1500;
    ActivityLock si = l;
    si.modeName = QStringLiteral("SIReadLock");
    si.mode = std::nullopt;
    si.granted = false;
    si.waitingMs = -1;
    ActivityLock odd = l;
    odd.modeName = QStringLiteral("ExclusiveLock");
    odd.mode = std::nullopt; // a mode unset though the name parses: kept as it was
    s.locks = {l, si, odd};
    s.prepared = {{QStringLiteral("gid-1"), QStringLiteral("9001"), QStringLiteral("app"),
        QStringLiteral("shop"), 65'000}};
    s.progress = {{QStringLiteral("vacuum"), 4121, QStringLiteral("shop.items"),
        QStringLiteral("scanning heap"), 1000, 10, 0}};
    s.databases = {{QStringLiteral("shop"), 123'456'789'012, 33}, {QStringLiteral("x"), 0, 0}};
    return s;
}
} // namespace tusk::test
