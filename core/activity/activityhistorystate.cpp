#include "activityhistorystate.h"

#include <QHash>
#include <QSet>

#include <algorithm>

namespace tusk::core {

namespace {
using State = ActivityHistoryState;

// Ages are measured from a base that follows the server's clock: the
// offset from takenAt (the client's clock, after the round trip) that
// keeps the most sessions seen before at their start, within 1 ms.
qint64 chooseBase(const ActivitySample &sample, qint64 takenAt, const State &previous,
    const QHash<int, qsizetype> &before)
{
    QList<qint64> offsets;
    const auto consider = [&](qint64 start, qint64 age) {
        if (start != State::none && age != -1)
            offsets << start + age - takenAt;
    };
    for (const ActivitySession &x : sample.sessions) {
        const qsizetype i = before.value(x.pid, -1);
        if (i < 0)
            continue;
        const State::Session &p = previous.sessions.at(i);
        consider(p.transactionStart, x.transactionAgeMs);
        consider(p.queryStart, x.queryAgeMs);
        consider(p.stateStart, x.stateAgeMs);
    }
    const qint64 previousOffset = previous.base - previous.takenAt;
    if (offsets.isEmpty())
        return takenAt + previousOffset;
    // Sessions that did not change agree on the offset to a millisecond;
    // those that did are scattered. The value most of them lie within 1 ms
    // of wins; among equals, the one most of them hit exactly.
    std::sort(offsets.begin(), offsets.end());
    qint64 best = previousOffset;
    qsizetype bestNear = -1;
    qsizetype bestExact = -1;
    for (qsizetype i = 0; i < offsets.size();) {
        const qint64 v = offsets.at(i);
        const auto exactEnd = std::upper_bound(offsets.begin() + i, offsets.end(), v);
        const qsizetype exact = exactEnd - (offsets.begin() + i);
        const qsizetype near = std::upper_bound(offsets.begin(), offsets.end(), v + 1)
            - std::lower_bound(offsets.begin(), offsets.end(), v - 1);
        if (near > bestNear || (near == bestNear && exact > bestExact)) {
            best = v;
            bestNear = near;
            bestExact = exact;
        }
        i += exact;
    }
    return takenAt + best;
}
} // namespace

State ActivityHistoryState::of(
    const ActivitySample &sample, const State &previous, ActivityHistoryStrings &strings)
{
    State n;
    n.takenAt = sample.takenAt.toMSecsSinceEpoch();
    n.serverVersion = sample.serverVersion;
    n.serverMs = sample.serverMs;
    n.canSeeAllQueries = sample.canSeeAllQueries;
    QHash<int, qsizetype> before;
    before.reserve(previous.sessions.size());
    for (qsizetype i = 0; i < previous.sessions.size(); ++i)
        before.insert(previous.sessions.at(i).pid, i);
    n.base = chooseBase(sample, n.takenAt, previous, before);
    // A start that moved by no more than the server's rounding stays put,
    // so the session is unchanged and costs nothing in the record.
    const auto settle = [&n](qint64 age, qint64 old) {
        if (age == -1)
            return none;
        const qint64 fresh = n.base - age;
        return old != none && qAbs(fresh - old) <= 1 ? old : fresh;
    };

    QSet<int> seen;
    n.sessions.reserve(sample.sessions.size());
    const Session empty;
    for (const ActivitySession &x : sample.sessions) {
        // pg_stat_activity has one row per pid; a second one could not be
        // told apart from the first in a record.
        if (seen.contains(x.pid))
            continue;
        seen.insert(x.pid);
        const qsizetype i = before.value(x.pid, -1);
        const Session &h = i >= 0 ? previous.sessions.at(i) : empty;
        Session s;
        s.pid = x.pid;
        s.leaderPid = x.leaderPid;
        s.database = strings.intern(x.database, h.database);
        s.user = strings.intern(x.user, h.user);
        s.application = strings.intern(x.application, h.application);
        s.client = strings.intern(x.client, h.client);
        s.backendType = strings.intern(x.backendType, h.backendType);
        s.state = strings.intern(x.state, h.state);
        s.waitEventType = strings.intern(x.waitEventType, h.waitEventType);
        s.waitEvent = strings.intern(x.waitEvent, h.waitEvent);
        s.transactionStart = settle(x.transactionAgeMs, h.transactionStart);
        s.queryStart = settle(x.queryAgeMs, h.queryStart);
        s.stateStart = settle(x.stateAgeMs, h.stateStart);
        s.queryId = x.queryId;
        s.query = strings.intern(x.query, h.query);
        s.blockedBy = x.blockedBy;
        s.superuser = x.superuser;
        n.sessions << s;
    }

    for (qsizetype i = 0; i < sample.locks.size(); ++i) {
        const ActivityLock &x = sample.locks.at(i);
        const Lock h = previous.locks.value(i);
        Lock l;
        l.lockType = strings.intern(x.lockType, h.lockType);
        l.relationName = strings.intern(x.relationName, h.relationName);
        l.virtualXid = strings.intern(x.virtualXid, h.virtualXid);
        l.transactionId = strings.intern(x.transactionId, h.transactionId);
        l.modeName = strings.intern(x.modeName, h.modeName);
        l.database = x.database;
        l.relation = x.relation;
        l.classId = x.classId;
        l.objId = x.objId;
        l.objSubId = x.objSubId;
        l.pid = x.pid;
        l.page = x.page;
        l.tuple = x.tuple;
        l.mode = x.mode ? int(*x.mode) : -1;
        l.granted = x.granted;
        l.waitStart = settle(x.waitingMs, h.waitStart);
        n.locks << l;
    }
    for (qsizetype i = 0; i < sample.prepared.size(); ++i) {
        const PreparedTransaction &x = sample.prepared.at(i);
        const Prepared h = previous.prepared.value(i);
        n.prepared << Prepared {strings.intern(x.gid, h.gid),
            strings.intern(x.transactionId, h.transactionId), strings.intern(x.owner, h.owner),
            strings.intern(x.database, h.database), settle(x.ageMs, h.start)};
    }
    for (qsizetype i = 0; i < sample.progress.size(); ++i) {
        const CommandProgress &x = sample.progress.at(i);
        const Progress h = previous.progress.value(i);
        n.progress << Progress {strings.intern(x.command, h.command),
            strings.intern(x.relation, h.relation), strings.intern(x.phase, h.phase), x.pid,
            x.total, x.done, x.lockerPid};
    }
    for (qsizetype i = 0; i < sample.databases.size(); ++i) {
        const DatabaseTotals &x = sample.databases.at(i);
        n.databases << Database {
            strings.intern(x.database, previous.databases.value(i).name), x.commits, x.rollbacks};
    }
    // The lists that did not change share the previous sample's memory.
    if (n.locks == previous.locks)
        n.locks = previous.locks;
    if (n.prepared == previous.prepared)
        n.prepared = previous.prepared;
    if (n.progress == previous.progress)
        n.progress = previous.progress;
    return n;
}

ActivitySample ActivityHistoryState::sample(const ActivityHistoryStrings &strings) const
{
    const auto age = [this](qint64 start) { return start == none ? -1 : base - start; };
    ActivitySample out;
    out.takenAt = QDateTime::fromMSecsSinceEpoch(takenAt, Qt::UTC);
    out.serverVersion = serverVersion;
    out.serverMs = serverMs;
    out.canSeeAllQueries = canSeeAllQueries;
    out.sessions.reserve(sessions.size());
    for (const Session &s : sessions) {
        ActivitySession x;
        x.pid = s.pid;
        x.leaderPid = s.leaderPid;
        x.database = strings.at(s.database);
        x.user = strings.at(s.user);
        x.application = strings.at(s.application);
        x.client = strings.at(s.client);
        x.backendType = strings.at(s.backendType);
        x.state = strings.at(s.state);
        x.waitEventType = strings.at(s.waitEventType);
        x.waitEvent = strings.at(s.waitEvent);
        x.transactionAgeMs = age(s.transactionStart);
        x.queryAgeMs = age(s.queryStart);
        x.stateAgeMs = age(s.stateStart);
        x.queryId = s.queryId;
        x.query = strings.at(s.query);
        x.blockedBy = s.blockedBy;
        x.superuser = s.superuser;
        out.sessions << x;
    }
    for (const Lock &l : locks) {
        ActivityLock x;
        x.lockType = strings.at(l.lockType);
        x.database = l.database;
        x.relation = l.relation;
        x.relationName = strings.at(l.relationName);
        x.page = l.page;
        x.tuple = l.tuple;
        x.virtualXid = strings.at(l.virtualXid);
        x.transactionId = strings.at(l.transactionId);
        x.classId = l.classId;
        x.objId = l.objId;
        x.objSubId = l.objSubId;
        x.pid = l.pid;
        x.modeName = strings.at(l.modeName);
        if (l.mode >= 0)
            x.mode = LockMode(l.mode);
        x.granted = l.granted;
        x.waitingMs = age(l.waitStart);
        out.locks << x;
    }
    for (const Prepared &p : prepared)
        out.prepared << PreparedTransaction {strings.at(p.gid), strings.at(p.transactionId),
            strings.at(p.owner), strings.at(p.database), age(p.start)};
    for (const Progress &p : progress)
        out.progress << CommandProgress {strings.at(p.command), p.pid, strings.at(p.relation),
            strings.at(p.phase), p.total, p.done, p.lockerPid};
    for (const Database &d : databases)
        out.databases << DatabaseTotals {strings.at(d.name), d.commits, d.rollbacks};
    return out;
}

} // namespace tusk::core
