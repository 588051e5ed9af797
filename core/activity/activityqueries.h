#pragma once

#include "activitysample.h"
#include "serverstats.h"

#include <QList>
#include <QString>

namespace tusk::core {

class Result;

// The SQL of one activity sample, for the server's version (columns that
// came later, leader_pid in 13 and query_id and waitstart in 14, are read
// when present), and the reading of its four result sets. Nothing in it
// locks a relation: names come from ::regclass text (a syscache lookup),
// never from pg_relation_size or pg_get_*def, so a sample answers while
// an ACCESS EXCLUSIVE request is queued. pg_locks and pg_prepared_xacts
// are read only when some session waits on a Lock (a one-time filter: not
// even scanned otherwise), and only the locks on tags someone waits for,
// so a server with a million locks does not send them every second.
class ActivityQueries {
public:
    static QString sampleSql(int serverVersion, int queryChars = 2048);
    // The pg_stat_progress_* views the server has, as one UNION ALL.
    static QString progressSql(int serverVersion);
    // `results`: the five result sets of sampleSql(), in order.
    static ActivitySample read(const QList<Result> &results, int serverVersion);

    // Where pg_stat_statements and pg_wait_sampling are installed in the
    // connected database: rows (extname, schema).
    static QString extensionsSql();
    // Every statement's counters (cumulative; without their texts, which
    // pg_stat_statements(false) does not even read: StatementTexts reads
    // each entry's once) and the wait profile summed by event, from the
    // schemas found; an empty schema leaves that part out. One result set
    // per part present. Every entry, not a top by cumulative time: a
    // statement that only just became hot must show in the window.
    static QString serverStatsSql(
        int serverVersion, const QString &statementsSchema, const QString &waitSamplingSchema);
    static ServerStats readServerStats(const QList<Result> &results,
        const QString &statementsSchema, const QString &waitSamplingSchema);
};

} // namespace tusk::core
