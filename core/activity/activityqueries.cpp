#include "activityqueries.h"

#include "core/pg/result.h"

namespace tusk::core {

namespace {
const char *const waiting =
    "EXISTS (SELECT FROM pg_stat_activity w WHERE w.wait_event_type = 'Lock')";

qint64 number(const Result &r, int row, int column, qint64 otherwise = -1)
{
    const QString t = r.text(row, column);
    bool ok = false;
    const qint64 n = t.toLongLong(&ok);
    return ok ? n : otherwise;
}

// "{4121,4122}" → 4121, 4122
QList<int> pids(const QString &array)
{
    QList<int> out;
    QString inner = array;
    inner.remove(QLatin1Char('{')).remove(QLatin1Char('}'));
    for (const QString &p : inner.split(QLatin1Char(','), Qt::SkipEmptyParts))
        out << p.toInt();
    return out;
}
} // namespace

QString ActivityQueries::sampleSql(int serverVersion, int queryChars)
{
    const QString leader =
        serverVersion >= 130000 ? QStringLiteral("a.leader_pid") : QStringLiteral("NULL::int");
    const QString queryId =
        serverVersion >= 140000 ? QStringLiteral("a.query_id") : QStringLiteral("NULL::bigint");
    const QString waitStart = serverVersion >= 140000
        ? QStringLiteral("(extract(epoch FROM now() - l.waitstart) * 1000)::bigint")
        : QStringLiteral("NULL::bigint");
    return QStringLiteral(R"sql(
SELECT a.pid, %1 AS leader_pid, a.datname, a.usename, a.application_name,
       COALESCE(host(a.client_addr), CASE WHEN a.client_port = -1 THEN 'local' END) AS client,
       a.backend_type, a.state, a.wait_event_type, a.wait_event,
       (extract(epoch FROM now() - a.xact_start) * 1000)::bigint AS xact_ms,
       (extract(epoch FROM now() - a.query_start) * 1000)::bigint AS query_ms,
       (extract(epoch FROM now() - a.state_change) * 1000)::bigint AS state_ms,
       %2 AS query_id, left(a.query, %3) AS query,
       CASE WHEN a.wait_event_type = 'Lock' THEN pg_blocking_pids(a.pid)::text END AS blocked_by,
       (SELECT r.rolsuper FROM pg_roles r WHERE r.oid = a.usesysid) AS superuser
FROM pg_stat_activity a WHERE a.pid <> pg_backend_pid();
WITH l AS MATERIALIZED (SELECT * FROM pg_locks WHERE %4)
SELECT l.locktype, l.database, l.relation,
       CASE WHEN l.relation IS NOT NULL THEN l.relation::regclass::text END AS relation_name,
       l.page, l.tuple, l.virtualxid, l.transactionid::text, l.classid, l.objid, l.objsubid,
       COALESCE(l.pid, 0), l.mode, l.granted, %5 AS waiting_ms
FROM l WHERE EXISTS (SELECT FROM l w WHERE NOT w.granted
    AND w.locktype = l.locktype
    AND w.database IS NOT DISTINCT FROM l.database AND w.relation IS NOT DISTINCT FROM l.relation
    AND w.page IS NOT DISTINCT FROM l.page AND w.tuple IS NOT DISTINCT FROM l.tuple
    AND w.virtualxid IS NOT DISTINCT FROM l.virtualxid
    AND w.transactionid IS NOT DISTINCT FROM l.transactionid
    AND w.classid IS NOT DISTINCT FROM l.classid AND w.objid IS NOT DISTINCT FROM l.objid
    AND w.objsubid IS NOT DISTINCT FROM l.objsubid);
SELECT gid, transaction::text, owner, database,
       (extract(epoch FROM now() - prepared) * 1000)::bigint
FROM pg_prepared_xacts WHERE %4;
SELECT current_setting('is_superuser') = 'on' OR pg_has_role('pg_read_all_stats', 'MEMBER');
%6;
SELECT datname, xact_commit, xact_rollback FROM pg_stat_database WHERE datname IS NOT NULL;
)sql")
        .arg(leader, queryId)
        .arg(queryChars)
        .arg(QLatin1String(waiting), waitStart)
        .arg(progressSql(serverVersion));
}

QString ActivityQueries::progressSql(int serverVersion)
{
    // relid::regclass takes no lock, even on a table being rewritten.
    QStringList parts {
        QStringLiteral("SELECT 'create index', pid, relid::regclass::text, phase, "
                       "blocks_total, blocks_done, current_locker_pid FROM "
                       "pg_stat_progress_create_index"),
        QStringLiteral("SELECT 'vacuum', pid, relid::regclass::text, phase, heap_blks_total, "
                       "heap_blks_scanned, NULL::int FROM pg_stat_progress_vacuum"),
        QStringLiteral("SELECT lower(command), pid, relid::regclass::text, phase, "
                       "heap_blks_total, heap_blks_scanned, NULL::int FROM "
                       "pg_stat_progress_cluster"),
    };
    if (serverVersion >= 130000) {
        parts << QStringLiteral("SELECT 'analyze', pid, relid::regclass::text, phase, "
                                "sample_blks_total, sample_blks_scanned, NULL::int FROM "
                                "pg_stat_progress_analyze")
              << QStringLiteral("SELECT 'base backup', pid, NULL, phase, backup_total, "
                                "backup_streamed, NULL::int FROM pg_stat_progress_basebackup");
    }
    if (serverVersion >= 140000)
        parts << QStringLiteral("SELECT 'copy', pid, relid::regclass::text, command || ' ' || "
                                "type, bytes_total, bytes_processed, NULL::int FROM "
                                "pg_stat_progress_copy");
    return parts.join(QStringLiteral(" UNION ALL "));
}

ActivitySample ActivityQueries::read(const QList<Result> &results, int serverVersion)
{
    ActivitySample s;
    s.takenAt = QDateTime::currentDateTimeUtc();
    s.serverVersion = serverVersion;
    if (results.size() < 4)
        return s;
    const Result &a = results.at(0);
    for (int r = 0; r < a.rowCount(); ++r) {
        ActivitySession x;
        x.pid = int(number(a, r, 0, 0));
        x.leaderPid = int(number(a, r, 1, 0));
        x.database = a.text(r, 2);
        x.user = a.text(r, 3);
        x.application = a.text(r, 4);
        x.client = a.text(r, 5);
        x.backendType = a.text(r, 6);
        x.state = a.text(r, 7);
        x.waitEventType = a.text(r, 8);
        x.waitEvent = a.text(r, 9);
        x.transactionAgeMs = number(a, r, 10);
        x.queryAgeMs = number(a, r, 11);
        x.stateAgeMs = number(a, r, 12);
        x.queryId = number(a, r, 13, 0);
        x.query = a.text(r, 14);
        x.blockedBy = pids(a.text(r, 15));
        x.superuser = a.text(r, 16) == QLatin1String("t") || a.value(r, 16).toBool();
        s.sessions << x;
    }
    const Result &l = results.at(1);
    for (int r = 0; r < l.rowCount(); ++r) {
        ActivityLock x;
        x.lockType = l.text(r, 0);
        x.database = quint32(number(l, r, 1, 0));
        x.relation = quint32(number(l, r, 2, 0));
        x.relationName = l.text(r, 3);
        x.page = number(l, r, 4);
        x.tuple = number(l, r, 5);
        x.virtualXid = l.text(r, 6);
        x.transactionId = l.text(r, 7);
        x.classId = quint32(number(l, r, 8, 0));
        x.objId = quint32(number(l, r, 9, 0));
        x.objSubId = int(number(l, r, 10, 0));
        x.pid = int(number(l, r, 11, 0));
        x.modeName = l.text(r, 12);
        x.mode = ActivityLock::modeOf(x.modeName);
        x.granted = l.text(r, 13) == QLatin1String("t") || l.value(r, 13).toBool();
        x.waitingMs = number(l, r, 14);
        s.locks << x;
    }
    const Result &p = results.at(2);
    for (int r = 0; r < p.rowCount(); ++r)
        s.prepared << PreparedTransaction {
            p.text(r, 0), p.text(r, 1), p.text(r, 2), p.text(r, 3), number(p, r, 4)};
    if (results.size() > 4) {
        const Result &g = results.at(4);
        for (int r = 0; r < g.rowCount(); ++r)
            s.progress << CommandProgress {g.text(r, 0), int(number(g, r, 1, 0)), g.text(r, 2),
                g.text(r, 3), number(g, r, 4), number(g, r, 5), int(number(g, r, 6, 0))};
    }
    if (results.size() > 5) {
        const Result &d = results.at(5);
        for (int r = 0; r < d.rowCount(); ++r)
            s.databases << DatabaseTotals {d.text(r, 0), number(d, r, 1, 0), number(d, r, 2, 0)};
    }
    const Result &who = results.at(3);
    s.canSeeAllQueries =
        who.rowCount() == 1 && (who.text(0, 0) == QLatin1String("t") || who.value(0, 0).toBool());
    return s;
}

QString ActivityQueries::extensionsSql()
{
    return QStringLiteral("SELECT extname, extnamespace::regnamespace::text FROM pg_extension "
                          "WHERE extname IN ('pg_stat_statements', 'pg_wait_sampling')");
}

QString ActivityQueries::serverStatsSql(
    int serverVersion, const QString &statementsSchema, const QString &waitSamplingSchema)
{
    QStringList parts;
    if (!statementsSchema.isEmpty()) {
        // total_time became total_exec_time in PostgreSQL 13.
        const QString total = serverVersion >= 130000 ? QStringLiteral("total_exec_time")
                                                      : QStringLiteral("total_time");
        parts << QStringLiteral("SELECT queryid, userid, dbid, calls, %1, rows "
                                "FROM %2.pg_stat_statements(false) WHERE queryid IS NOT NULL")
                     .arg(total, statementsSchema);
    }
    if (!waitSamplingSchema.isEmpty())
        parts << QStringLiteral("SELECT event_type, event, sum(count)::bigint "
                                "FROM %1.pg_wait_sampling_profile WHERE event_type IS NOT NULL "
                                "GROUP BY 1, 2")
                     .arg(waitSamplingSchema);
    return parts.join(QStringLiteral(";\n"));
}

ServerStats ActivityQueries::readServerStats(const QList<Result> &results,
    const QString &statementsSchema, const QString &waitSamplingSchema)
{
    ServerStats stats;
    stats.takenAt = QDateTime::currentDateTimeUtc();
    int next = 0;
    if (statementsSchema.isEmpty()) {
        stats.statementsMissing =
            QStringLiteral("pg_stat_statements is not installed in this database: add it to "
                           "shared_preload_libraries and run CREATE EXTENSION pg_stat_statements");
    } else if (next < results.size()) {
        const Result &r = results.at(next++);
        stats.hasStatements = true;
        for (int row = 0; row < r.rowCount(); ++row) {
            StatementStat st;
            st.queryId = number(r, row, 0, 0);
            st.userId = quint32(number(r, row, 1, 0));
            st.databaseId = quint32(number(r, row, 2, 0));
            st.calls = number(r, row, 3, 0);
            st.totalMs = r.text(row, 4).toDouble();
            st.rows = number(r, row, 5, 0);
            stats.statements << st;
        }
    }
    if (waitSamplingSchema.isEmpty()) {
        stats.waitProfileMissing = QStringLiteral(
            "pg_wait_sampling is not installed in this database: install Debian's "
            "postgresql-15-pg-wait-sampling, add it to shared_preload_libraries and run "
            "CREATE EXTENSION pg_wait_sampling");
    } else if (next < results.size()) {
        const Result &r = results.at(next++);
        stats.hasWaitProfile = true;
        for (int row = 0; row < r.rowCount(); ++row)
            stats.waitProfile << WaitProfileEntry {
                r.text(row, 0), r.text(row, 1), number(r, row, 2, 0)};
    }
    return stats;
}

} // namespace tusk::core
