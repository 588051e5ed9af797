#include "activityhistorycodec.h"

#include <QHash>
#include <QSet>

#include <algorithm>

namespace tusk::core {

namespace {
using State = ActivityHistoryState;

// Which fields of a session a record holds: only those that differ from
// the previous sample (from an empty session when the session appeared).
enum SessionField : quint32 {
    Leader = 1u << 0,
    Database = 1u << 1,
    User = 1u << 2,
    Application = 1u << 3,
    Client = 1u << 4,
    BackendType = 1u << 5,
    StateText = 1u << 6,
    WaitEventType = 1u << 7,
    WaitEvent = 1u << 8,
    TransactionStart = 1u << 9,
    QueryStart = 1u << 10,
    StateStart = 1u << 11,
    QueryId = 1u << 12,
    Query = 1u << 13,
    BlockedBy = 1u << 14,
    Superuser = 1u << 15,
    Appeared = 1u << 16, // then its position follows
};

// The record's first byte.
enum RecordFlag : quint8 {
    Keyframe = 1,
    CanSeeAll = 2,
    LocksFollow = 4, // otherwise the previous sample's lists stand
    PreparedFollow = 8,
    ProgressFollow = 16,
    OrderFollows = 32, // the sessions' order, when not the previous one's
    DatabasesFollow = 64,
};

quint64 zigzag(qint64 v)
{
    return (quint64(v) << 1) ^ quint64(v >> 63);
}

qint64 unzigzag(quint64 v)
{
    return qint64(v >> 1) ^ -qint64(v & 1);
}

// Variable-length integers, 7 bits a byte: a pid, an id or an age in
// seconds fits in two or three bytes.
class Writer {
public:
    explicit Writer(ActivityHistoryStrings &strings)
        : m_strings(strings)
    {
    }
    void byte(quint8 b) { m_bytes.append(char(b)); }
    void number(quint64 v)
    {
        while (v >= 0x80) {
            byte(quint8(v) | 0x80);
            v >>= 7;
        }
        byte(quint8(v));
    }
    void signedNumber(qint64 v) { number(zigzag(v)); }
    void text(quint32 id)
    {
        m_strings.ref(id);
        number(id);
    }
    // A start as the age at `base`, which is small; 0 for none.
    void start(qint64 start, qint64 base)
    {
        number(start == State::none ? 0 : zigzag(base - start) + 1);
    }
    QByteArray take()
    {
        m_bytes.squeeze();
        return std::move(m_bytes);
    }

private:
    ActivityHistoryStrings &m_strings;
    QByteArray m_bytes;
};

// Reads what Writer wrote. The records never leave the process, so a
// short record (which cannot happen) only reads zeros.
class Reader {
public:
    Reader(const QByteArray &bytes, QList<quint32> *ids)
        : m_at(bytes.constData())
        , m_end(bytes.constData() + bytes.size())
        , m_ids(ids)
    {
    }
    quint8 byte() { return m_at < m_end ? quint8(*m_at++) : 0; }
    quint64 number()
    {
        quint64 v = 0;
        for (int shift = 0; m_at < m_end && shift < 64; shift += 7) {
            const quint8 b = quint8(*m_at++);
            v |= quint64(b & 0x7f) << shift;
            if (!(b & 0x80))
                break;
        }
        return v;
    }
    qint64 signedNumber() { return unzigzag(number()); }
    int pid() { return int(signedNumber()); }
    quint32 text()
    {
        const quint32 id = quint32(number());
        if (m_ids && id != ActivityHistoryStrings::emptyId)
            m_ids->append(id);
        return id;
    }
    qint64 start(qint64 base)
    {
        const quint64 v = number();
        return v == 0 ? State::none : base - unzigzag(v - 1);
    }

private:
    const char *m_at;
    const char *m_end;
    QList<quint32> *m_ids;
};

quint32 changes(const State::Session &a, const State::Session &b)
{
    quint32 m = 0;
    const auto mark = [&m](bool differs, SessionField f) {
        if (differs)
            m |= f;
    };
    mark(a.leaderPid != b.leaderPid, Leader);
    mark(a.database != b.database, Database);
    mark(a.user != b.user, User);
    mark(a.application != b.application, Application);
    mark(a.client != b.client, Client);
    mark(a.backendType != b.backendType, BackendType);
    mark(a.state != b.state, StateText);
    mark(a.waitEventType != b.waitEventType, WaitEventType);
    mark(a.waitEvent != b.waitEvent, WaitEvent);
    mark(a.transactionStart != b.transactionStart, TransactionStart);
    mark(a.queryStart != b.queryStart, QueryStart);
    mark(a.stateStart != b.stateStart, StateStart);
    mark(a.queryId != b.queryId, QueryId);
    mark(a.query != b.query, Query);
    // Not QList's !=: Qt 6.4 hands an empty list's null data to memcmp.
    mark(!std::ranges::equal(a.blockedBy, b.blockedBy), BlockedBy);
    mark(a.superuser != b.superuser, Superuser);
    return m;
}

void writeSession(Writer &w, const State::Session &s, quint32 m, qint64 base)
{
    if (m & Leader)
        w.signedNumber(s.leaderPid);
    const std::pair<SessionField, quint32> texts[] = {{Database, s.database}, {User, s.user},
        {Application, s.application}, {Client, s.client}, {BackendType, s.backendType},
        {StateText, s.state}, {WaitEventType, s.waitEventType}, {WaitEvent, s.waitEvent}};
    for (const auto &[field, id] : texts) {
        if (m & field)
            w.text(id);
    }
    if (m & TransactionStart)
        w.start(s.transactionStart, base);
    if (m & QueryStart)
        w.start(s.queryStart, base);
    if (m & StateStart)
        w.start(s.stateStart, base);
    if (m & QueryId)
        w.signedNumber(s.queryId);
    if (m & Query)
        w.text(s.query);
    if (m & BlockedBy) {
        w.number(quint64(s.blockedBy.size()));
        for (int p : s.blockedBy)
            w.signedNumber(p);
    }
    if (m & Superuser)
        w.byte(s.superuser ? 1 : 0);
}

void readSession(Reader &r, State::Session &s, quint32 m, qint64 base)
{
    if (m & Leader)
        s.leaderPid = r.pid();
    quint32 *const texts[] = {&s.database, &s.user, &s.application, &s.client, &s.backendType,
        &s.state, &s.waitEventType, &s.waitEvent};
    const SessionField fields[] = {
        Database, User, Application, Client, BackendType, StateText, WaitEventType, WaitEvent};
    for (int i = 0; i < 8; ++i) {
        if (m & fields[i])
            *texts[i] = r.text();
    }
    if (m & TransactionStart)
        s.transactionStart = r.start(base);
    if (m & QueryStart)
        s.queryStart = r.start(base);
    if (m & StateStart)
        s.stateStart = r.start(base);
    if (m & QueryId)
        s.queryId = r.signedNumber();
    if (m & Query)
        s.query = r.text();
    if (m & BlockedBy) {
        s.blockedBy.clear();
        for (quint64 n = r.number(); n > 0; --n)
            s.blockedBy << r.pid();
    }
    if (m & Superuser)
        s.superuser = r.byte() != 0;
}

void writeLock(Writer &w, const State::Lock &l, qint64 base)
{
    w.text(l.lockType);
    w.number(l.database);
    w.number(l.relation);
    w.text(l.relationName);
    w.signedNumber(l.page);
    w.signedNumber(l.tuple);
    w.text(l.virtualXid);
    w.text(l.transactionId);
    w.number(l.classId);
    w.number(l.objId);
    w.signedNumber(l.objSubId);
    w.signedNumber(l.pid);
    w.text(l.modeName);
    w.signedNumber(l.mode);
    w.byte(l.granted ? 1 : 0);
    w.start(l.waitStart, base);
}

State::Lock readLock(Reader &r, qint64 base)
{
    State::Lock l;
    l.lockType = r.text();
    l.database = quint32(r.number());
    l.relation = quint32(r.number());
    l.relationName = r.text();
    l.page = r.signedNumber();
    l.tuple = r.signedNumber();
    l.virtualXid = r.text();
    l.transactionId = r.text();
    l.classId = quint32(r.number());
    l.objId = quint32(r.number());
    l.objSubId = r.pid();
    l.pid = r.pid();
    l.modeName = r.text();
    l.mode = int(r.signedNumber());
    l.granted = r.byte() != 0;
    l.waitStart = r.start(base);
    return l;
}
} // namespace

QByteArray ActivityHistoryCodec::encode(
    const State &previous, const State &next, bool keyframe, ActivityHistoryStrings &strings)
{
    QHash<int, qsizetype> before;
    before.reserve(previous.sessions.size());
    for (qsizetype i = 0; i < previous.sessions.size(); ++i)
        before.insert(previous.sessions.at(i).pid, i);
    QSet<int> now;
    now.reserve(next.sessions.size());
    QList<int> continuing; // in the new order
    for (const State::Session &s : next.sessions) {
        now.insert(s.pid);
        if (before.contains(s.pid))
            continuing << s.pid;
    }
    QList<int> removed;
    QList<int> kept; // in the old order
    for (const State::Session &s : previous.sessions)
        (now.contains(s.pid) ? kept : removed) << s.pid;
    QList<std::pair<qsizetype, quint32>> changed;
    const State::Session empty;
    for (qsizetype i = 0; i < next.sessions.size(); ++i) {
        const State::Session &s = next.sessions.at(i);
        const qsizetype at = before.value(s.pid, -1);
        if (at < 0)
            changed << std::pair {i, changes(empty, s) | Appeared};
        else if (const quint32 m = changes(previous.sessions.at(at), s))
            changed << std::pair {i, m};
    }

    quint8 flags = 0;
    const auto flag = [&flags](bool set, RecordFlag f) {
        if (set)
            flags |= f;
    };
    flag(keyframe, Keyframe);
    flag(next.canSeeAllQueries, CanSeeAll);
    flag(next.locks != previous.locks, LocksFollow);
    flag(next.prepared != previous.prepared, PreparedFollow);
    flag(next.progress != previous.progress, ProgressFollow);
    flag(continuing != kept, OrderFollows);
    flag(next.databases != previous.databases, DatabasesFollow);

    Writer w(strings);
    w.byte(flags);
    w.signedNumber(next.base - next.takenAt);
    w.signedNumber(next.serverVersion - previous.serverVersion);
    w.signedNumber(next.serverMs);
    w.number(quint64(removed.size()));
    for (int pid : removed)
        w.signedNumber(pid);
    w.number(quint64(changed.size()));
    for (const auto &[i, m] : changed) {
        const State::Session &s = next.sessions.at(i);
        w.signedNumber(s.pid);
        w.number(m);
        if (m & Appeared)
            w.number(quint64(i));
        writeSession(w, s, m, next.base);
    }
    if (flags & OrderFollows) {
        w.number(quint64(next.sessions.size()));
        for (const State::Session &s : next.sessions)
            w.signedNumber(s.pid);
    }
    if (flags & LocksFollow) {
        w.number(quint64(next.locks.size()));
        for (const State::Lock &l : next.locks)
            writeLock(w, l, next.base);
    }
    if (flags & PreparedFollow) {
        w.number(quint64(next.prepared.size()));
        for (const State::Prepared &p : next.prepared) {
            for (quint32 id : {p.gid, p.transactionId, p.owner, p.database})
                w.text(id);
            w.start(p.start, next.base);
        }
    }
    if (flags & ProgressFollow) {
        w.number(quint64(next.progress.size()));
        for (const State::Progress &p : next.progress) {
            for (quint32 id : {p.command, p.relation, p.phase})
                w.text(id);
            for (qint64 v : {qint64(p.pid), p.total, p.done, qint64(p.lockerPid)})
                w.signedNumber(v);
        }
    }
    if (flags & DatabasesFollow) {
        // Counters as the change from the same database in the previous
        // sample: a few bytes where the totals would take eight.
        w.number(quint64(next.databases.size()));
        for (qsizetype i = 0; i < next.databases.size(); ++i) {
            const State::Database &d = next.databases.at(i);
            State::Database was = previous.databases.value(i);
            if (was.name != d.name)
                was = State::Database();
            w.text(d.name);
            w.signedNumber(d.commits - was.commits);
            w.signedNumber(d.rollbacks - was.rollbacks);
        }
    }
    return w.take();
}

void ActivityHistoryCodec::decode(
    const QByteArray &record, qint64 takenAt, State &state, QList<quint32> *ids)
{
    Reader r(record, ids);
    const quint8 flags = r.byte();
    if (flags & Keyframe)
        state = State();
    state.takenAt = takenAt;
    state.base = takenAt + r.signedNumber();
    state.serverVersion += int(r.signedNumber());
    state.serverMs = r.signedNumber();
    state.canSeeAllQueries = flags & CanSeeAll;

    QSet<int> removed;
    for (quint64 n = r.number(); n > 0; --n)
        removed.insert(r.pid());
    if (!removed.isEmpty())
        state.sessions.removeIf(
            [&removed](const State::Session &s) { return removed.contains(s.pid); });
    const quint64 changed = r.number();
    QHash<int, qsizetype> at;
    if (changed > 0) {
        at.reserve(state.sessions.size());
        for (qsizetype i = 0; i < state.sessions.size(); ++i)
            at.insert(state.sessions.at(i).pid, i);
    }
    QList<std::pair<qsizetype, State::Session>> appeared;
    for (quint64 n = changed; n > 0; --n) {
        const int pid = r.pid();
        const quint32 m = quint32(r.number());
        if (m & Appeared) {
            const qsizetype position = qsizetype(r.number());
            State::Session s;
            s.pid = pid;
            readSession(r, s, m, state.base);
            appeared << std::pair {position, s};
        } else if (const qsizetype i = at.value(pid, -1); i >= 0) {
            readSession(r, state.sessions[i], m, state.base);
        } else {
            State::Session lost; // cannot happen: the record was written against this state
            readSession(r, lost, m, state.base);
        }
    }
    // In the new order, so each goes in at its place once the indexes
    // above are no longer needed.
    for (const auto &[position, s] : std::as_const(appeared))
        state.sessions.insert(std::min(position, state.sessions.size()), s);
    if (flags & OrderFollows) {
        QHash<int, State::Session> byPid;
        for (const State::Session &s : std::as_const(state.sessions))
            byPid.insert(s.pid, s);
        state.sessions.clear();
        for (quint64 n = r.number(); n > 0; --n)
            state.sessions << byPid.value(r.pid());
    }
    if (flags & LocksFollow) {
        state.locks.clear();
        for (quint64 n = r.number(); n > 0; --n)
            state.locks << readLock(r, state.base);
    }
    if (flags & PreparedFollow) {
        state.prepared.clear();
        for (quint64 n = r.number(); n > 0; --n) {
            State::Prepared p;
            p.gid = r.text();
            p.transactionId = r.text();
            p.owner = r.text();
            p.database = r.text();
            p.start = r.start(state.base);
            state.prepared << p;
        }
    }
    if (flags & ProgressFollow) {
        state.progress.clear();
        for (quint64 n = r.number(); n > 0; --n) {
            State::Progress p;
            p.command = r.text();
            p.relation = r.text();
            p.phase = r.text();
            p.pid = r.pid();
            p.total = r.signedNumber();
            p.done = r.signedNumber();
            p.lockerPid = r.pid();
            state.progress << p;
        }
    }
    if (flags & DatabasesFollow) {
        const QList<State::Database> was = state.databases;
        state.databases.clear();
        for (quint64 n = r.number(); n > 0; --n) {
            State::Database d;
            d.name = r.text();
            State::Database previous = was.value(state.databases.size());
            if (previous.name != d.name)
                previous = State::Database();
            d.commits = previous.commits + r.signedNumber();
            d.rollbacks = previous.rollbacks + r.signedNumber();
            state.databases << d;
        }
    }
}

bool ActivityHistoryCodec::isKeyframe(const QByteArray &record)
{
    return !record.isEmpty() && (quint8(record.at(0)) & Keyframe);
}

} // namespace tusk::core
