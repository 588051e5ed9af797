#pragma once

#include "activitysample.h"

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
};

} // namespace tusk::core
