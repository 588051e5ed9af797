#include "activitysamplejson.h"

#include <QJsonArray>

#include <cmath>
#include <limits>

namespace tusk::core {

namespace {
QJsonArray pidArray(const QList<int> &pids)
{
    QJsonArray out;
    for (int p : pids)
        out.append(p);
    return out;
}

QJsonValue modeJson(const std::optional<LockMode> &mode)
{
    return mode ? QJsonValue(LockModes::name(*mode)) : QJsonValue(QJsonValue::Null);
}

QJsonObject sessionJson(const ActivitySession &x)
{
    return {{QStringLiteral("pid"), x.pid}, {QStringLiteral("leader_pid"), x.leaderPid},
        {QStringLiteral("database"), x.database}, {QStringLiteral("user"), x.user},
        {QStringLiteral("application"), x.application}, {QStringLiteral("client"), x.client},
        {QStringLiteral("backend_type"), x.backendType}, {QStringLiteral("state"), x.state},
        {QStringLiteral("wait_event_type"), x.waitEventType},
        {QStringLiteral("wait_event"), x.waitEvent},
        {QStringLiteral("transaction_ms"), x.transactionAgeMs},
        {QStringLiteral("query_ms"), x.queryAgeMs}, {QStringLiteral("state_ms"), x.stateAgeMs},
        // A 64-bit hash: a JSON number (a double) would round it.
        {QStringLiteral("query_id"), QString::number(x.queryId)},
        {QStringLiteral("query"), x.query}, {QStringLiteral("blocked_by"), pidArray(x.blockedBy)},
        {QStringLiteral("superuser"), x.superuser}};
}

QJsonObject lockJson(const ActivityLock &l)
{
    return {{QStringLiteral("lock_type"), l.lockType},
        {QStringLiteral("database"), qint64(l.database)},
        {QStringLiteral("relation"), qint64(l.relation)},
        {QStringLiteral("relation_name"), l.relationName}, {QStringLiteral("page"), l.page},
        {QStringLiteral("tuple"), l.tuple}, {QStringLiteral("virtual_xid"), l.virtualXid},
        {QStringLiteral("transaction_id"), l.transactionId},
        {QStringLiteral("class_id"), qint64(l.classId)},
        {QStringLiteral("obj_id"), qint64(l.objId)}, {QStringLiteral("obj_sub_id"), l.objSubId},
        {QStringLiteral("pid"), l.pid}, {QStringLiteral("mode"), l.modeName},
        {QStringLiteral("lock_mode"), modeJson(l.mode)}, {QStringLiteral("granted"), l.granted},
        {QStringLiteral("waiting_ms"), l.waitingMs}};
}

// Reads typed fields and remembers the first problem, with where it was,
// so that fromJson can read straight through and report once.
class FieldReader {
public:
    bool ok() const { return m_problem.isEmpty(); }
    const QString &problem() const { return m_problem; }

    void fail(const QString &where, const QString &what)
    {
        if (m_problem.isEmpty())
            m_problem = where + QStringLiteral(": ") + what;
    }

    QString text(const QJsonObject &o, const QString &key, const QString &where)
    {
        const QJsonValue v = o.value(key);
        if (v.isUndefined() || v.isNull())
            return {};
        if (!v.isString())
            fail(where + QLatin1Char('.') + key, QStringLiteral("not a string"));
        return v.toString();
    }

    qint64 integer(const QJsonObject &o, const QString &key, qint64 otherwise, qint64 lowest,
        qint64 highest, const QString &where)
    {
        const QJsonValue v = o.value(key);
        if (v.isUndefined() || v.isNull())
            return otherwise;
        const double d = v.toDouble();
        if (!v.isDouble() || std::floor(d) != d || d < double(lowest) || d > double(highest)) {
            fail(where + QLatin1Char('.') + key, QStringLiteral("not an integer in range"));
            return otherwise;
        }
        return qint64(d);
    }
    int int32(const QJsonObject &o, const QString &key, int otherwise, const QString &where)
    {
        return int(integer(o, key, otherwise, std::numeric_limits<int>::min(),
            std::numeric_limits<int>::max(), where));
    }
    quint32 oid(const QJsonObject &o, const QString &key, const QString &where)
    {
        return quint32(integer(o, key, 0, 0, std::numeric_limits<quint32>::max(), where));
    }
    qint64 int64(const QJsonObject &o, const QString &key, qint64 otherwise, const QString &where)
    {
        // A double holds integers exactly up to 2^53, more than any age or
        // counter a server reports.
        constexpr qint64 limit = qint64(1) << 53;
        return integer(o, key, otherwise, -limit, limit, where);
    }

    bool boolean(const QJsonObject &o, const QString &key, bool otherwise, const QString &where)
    {
        const QJsonValue v = o.value(key);
        if (v.isUndefined() || v.isNull())
            return otherwise;
        if (!v.isBool())
            fail(where + QLatin1Char('.') + key, QStringLiteral("not true or false"));
        return v.toBool(otherwise);
    }

    // The objects of an array field; an absent field is an empty list.
    QList<QJsonObject> objects(const QJsonObject &o, const QString &key, const QString &where)
    {
        QList<QJsonObject> out;
        const QJsonValue v = o.value(key);
        if (v.isUndefined() || v.isNull())
            return out;
        if (!v.isArray()) {
            fail(where + QLatin1Char('.') + key, QStringLiteral("not an array"));
            return out;
        }
        const QJsonArray a = v.toArray();
        for (qsizetype i = 0; i < a.size(); ++i) {
            if (!a.at(i).isObject()) {
                fail(QStringLiteral("%1.%2[%3]").arg(where, key).arg(i),
                    QStringLiteral("not an object"));
                return {};
            }
            out << a.at(i).toObject();
        }
        return out;
    }

    QList<int> pids(const QJsonObject &o, const QString &key, const QString &where)
    {
        QList<int> out;
        const QJsonValue v = o.value(key);
        if (v.isUndefined() || v.isNull())
            return out;
        const QJsonArray a = v.toArray();
        for (const QJsonValue &p : a) {
            const double d = p.toDouble(-1);
            if (!p.isDouble() || std::floor(d) != d || d < 0 || d > 1e9) {
                fail(where + QLatin1Char('.') + key, QStringLiteral("not a list of pids"));
                return {};
            }
            out << int(d);
        }
        if (!v.isArray())
            fail(where + QLatin1Char('.') + key, QStringLiteral("not an array"));
        return out;
    }

    std::optional<LockMode> mode(
        const QJsonObject &o, const QString &modeName, const QString &where)
    {
        const QJsonValue v = o.value(QStringLiteral("lock_mode"));
        // Written by every Tusk that knows the key; an older form had only
        // pg_locks' name, which is what the mode is parsed from anyway.
        if (v.isUndefined())
            return ActivityLock::modeOf(modeName);
        if (v.isNull())
            return std::nullopt;
        for (int m = int(LockMode::AccessShare); m <= int(LockMode::AccessExclusive); ++m) {
            if (v.toString() == LockModes::name(LockMode(m)))
                return LockMode(m);
        }
        fail(where + QStringLiteral(".lock_mode"), QStringLiteral("not a lock mode"));
        return std::nullopt;
    }

private:
    QString m_problem;
};

ActivitySession readSession(FieldReader &r, const QJsonObject &o, const QString &where)
{
    ActivitySession x;
    if (!o.value(QStringLiteral("pid")).isDouble())
        r.fail(where, QStringLiteral("no pid"));
    x.pid = r.int32(o, QStringLiteral("pid"), 0, where);
    x.leaderPid = r.int32(o, QStringLiteral("leader_pid"), 0, where);
    x.database = r.text(o, QStringLiteral("database"), where);
    x.user = r.text(o, QStringLiteral("user"), where);
    x.application = r.text(o, QStringLiteral("application"), where);
    x.client = r.text(o, QStringLiteral("client"), where);
    x.backendType = r.text(o, QStringLiteral("backend_type"), where);
    x.state = r.text(o, QStringLiteral("state"), where);
    x.waitEventType = r.text(o, QStringLiteral("wait_event_type"), where);
    x.waitEvent = r.text(o, QStringLiteral("wait_event"), where);
    x.transactionAgeMs = r.int64(o, QStringLiteral("transaction_ms"), -1, where);
    x.queryAgeMs = r.int64(o, QStringLiteral("query_ms"), -1, where);
    x.stateAgeMs = r.int64(o, QStringLiteral("state_ms"), -1, where);
    const QString queryId = r.text(o, QStringLiteral("query_id"), where);
    bool ok = true;
    x.queryId = queryId.isEmpty() ? 0 : queryId.toLongLong(&ok);
    if (!ok)
        r.fail(where + QStringLiteral(".query_id"), QStringLiteral("not a 64-bit integer"));
    x.query = r.text(o, QStringLiteral("query"), where);
    x.blockedBy = r.pids(o, QStringLiteral("blocked_by"), where);
    x.superuser = r.boolean(o, QStringLiteral("superuser"), false, where);
    return x;
}

ActivityLock readLock(FieldReader &r, const QJsonObject &o, const QString &where)
{
    ActivityLock l;
    l.lockType = r.text(o, QStringLiteral("lock_type"), where);
    l.database = r.oid(o, QStringLiteral("database"), where);
    l.relation = r.oid(o, QStringLiteral("relation"), where);
    l.relationName = r.text(o, QStringLiteral("relation_name"), where);
    l.page = r.int64(o, QStringLiteral("page"), -1, where);
    l.tuple = r.int64(o, QStringLiteral("tuple"), -1, where);
    l.virtualXid = r.text(o, QStringLiteral("virtual_xid"), where);
    l.transactionId = r.text(o, QStringLiteral("transaction_id"), where);
    l.classId = r.oid(o, QStringLiteral("class_id"), where);
    l.objId = r.oid(o, QStringLiteral("obj_id"), where);
    l.objSubId = r.int32(o, QStringLiteral("obj_sub_id"), 0, where);
    l.pid = r.int32(o, QStringLiteral("pid"), 0, where);
    l.modeName = r.text(o, QStringLiteral("mode"), where);
    l.mode = r.mode(o, l.modeName, where);
    l.granted = r.boolean(o, QStringLiteral("granted"), false, where);
    l.waitingMs = r.int64(o, QStringLiteral("waiting_ms"), -1, where);
    return l;
}
} // namespace

QJsonObject ActivitySampleJson::toJson(const ActivitySample &s)
{
    QJsonArray sessions;
    for (const ActivitySession &x : s.sessions)
        sessions.append(sessionJson(x));
    QJsonArray locks;
    for (const ActivityLock &l : s.locks)
        locks.append(lockJson(l));
    QJsonArray prepared;
    for (const PreparedTransaction &p : s.prepared)
        prepared.append(QJsonObject {{QStringLiteral("gid"), p.gid},
            {QStringLiteral("transaction_id"), p.transactionId}, {QStringLiteral("owner"), p.owner},
            {QStringLiteral("database"), p.database}, {QStringLiteral("age_ms"), p.ageMs}});
    QJsonArray progress;
    for (const CommandProgress &p : s.progress)
        progress.append(QJsonObject {{QStringLiteral("command"), p.command},
            {QStringLiteral("pid"), p.pid}, {QStringLiteral("relation"), p.relation},
            {QStringLiteral("phase"), p.phase}, {QStringLiteral("total"), p.total},
            {QStringLiteral("done"), p.done}, {QStringLiteral("locker_pid"), p.lockerPid}});
    QJsonArray databases;
    for (const DatabaseTotals &d : s.databases)
        databases.append(QJsonObject {{QStringLiteral("database"), d.database},
            {QStringLiteral("commits"), d.commits}, {QStringLiteral("rollbacks"), d.rollbacks}});
    return {{QStringLiteral("taken_at"),
                s.takenAt.isValid() ? QJsonValue(s.takenAt.toUTC().toString(Qt::ISODateWithMs))
                                    : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("server_version"), s.serverVersion},
        {QStringLiteral("round_trip_ms"), s.serverMs},
        {QStringLiteral("can_see_all_queries"), s.canSeeAllQueries},
        {QStringLiteral("sessions"), sessions}, {QStringLiteral("locks"), locks},
        {QStringLiteral("prepared"), prepared}, {QStringLiteral("progress"), progress},
        {QStringLiteral("databases"), databases}};
}

std::optional<ActivitySample> ActivitySampleJson::fromJson(const QJsonObject &o, QString *error)
{
    FieldReader r;
    ActivitySample s;
    const QJsonValue takenAt = o.value(QStringLiteral("taken_at"));
    if (takenAt.isString()) {
        s.takenAt = QDateTime::fromString(takenAt.toString(), Qt::ISODateWithMs);
        if (!s.takenAt.isValid())
            r.fail(QStringLiteral("taken_at"), QStringLiteral("not an ISO 8601 time"));
    } else if (takenAt.isUndefined()) {
        r.fail(QStringLiteral("taken_at"), QStringLiteral("missing"));
    } else if (!takenAt.isNull()) { // null: a sample that was never taken
        r.fail(QStringLiteral("taken_at"), QStringLiteral("not a string"));
    }
    const QString top = QStringLiteral("sample");
    s.serverVersion = r.int32(o, QStringLiteral("server_version"), 0, top);
    s.serverMs = r.int64(o, QStringLiteral("round_trip_ms"), 0, top);
    s.canSeeAllQueries = r.boolean(o, QStringLiteral("can_see_all_queries"), true, top);
    const auto where = [](const char *list, qsizetype i) {
        return QStringLiteral("%1[%2]").arg(QLatin1String(list)).arg(i);
    };
    const QList<QJsonObject> sessions = r.objects(o, QStringLiteral("sessions"), top);
    for (qsizetype i = 0; i < sessions.size(); ++i)
        s.sessions << readSession(r, sessions.at(i), where("sessions", i));
    const QList<QJsonObject> locks = r.objects(o, QStringLiteral("locks"), top);
    for (qsizetype i = 0; i < locks.size(); ++i)
        s.locks << readLock(r, locks.at(i), where("locks", i));
    const QList<QJsonObject> prepared = r.objects(o, QStringLiteral("prepared"), top);
    for (qsizetype i = 0; i < prepared.size(); ++i) {
        const QJsonObject &p = prepared.at(i);
        const QString at = where("prepared", i);
        s.prepared << PreparedTransaction {r.text(p, QStringLiteral("gid"), at),
            r.text(p, QStringLiteral("transaction_id"), at), r.text(p, QStringLiteral("owner"), at),
            r.text(p, QStringLiteral("database"), at),
            r.int64(p, QStringLiteral("age_ms"), -1, at)};
    }
    const QList<QJsonObject> progress = r.objects(o, QStringLiteral("progress"), top);
    for (qsizetype i = 0; i < progress.size(); ++i) {
        const QJsonObject &p = progress.at(i);
        const QString at = where("progress", i);
        s.progress << CommandProgress {r.text(p, QStringLiteral("command"), at),
            r.int32(p, QStringLiteral("pid"), 0, at), r.text(p, QStringLiteral("relation"), at),
            r.text(p, QStringLiteral("phase"), at), r.int64(p, QStringLiteral("total"), -1, at),
            r.int64(p, QStringLiteral("done"), -1, at),
            r.int32(p, QStringLiteral("locker_pid"), 0, at)};
    }
    const QList<QJsonObject> databases = r.objects(o, QStringLiteral("databases"), top);
    for (qsizetype i = 0; i < databases.size(); ++i) {
        const QJsonObject &d = databases.at(i);
        const QString at = where("databases", i);
        s.databases << DatabaseTotals {r.text(d, QStringLiteral("database"), at),
            r.int64(d, QStringLiteral("commits"), 0, at),
            r.int64(d, QStringLiteral("rollbacks"), 0, at)};
    }
    if (!r.ok()) {
        if (error)
            *error = QStringLiteral("not an activity sample: ") + r.problem();
        return std::nullopt;
    }
    return s;
}

} // namespace tusk::core
