#pragma once

#include "activitysample.h"

#include <QDateTime>
#include <QMap>
#include <QString>

namespace tusk::core {

// What the charts of the activity monitor draw for one sample, kept for
// every sample of an ActivityHistory (issue 24, point 9): a few counts,
// cheap to keep for an hour, where the full sample would have to be
// rebuilt. Commits and rollbacks are the cumulative counters of
// pg_stat_database summed over its databases; a chart turns two tallies
// into a rate. A plain value, any thread.
struct ActivityTally {
    QDateTime takenAt;
    int sessions = 0;
    // Sessions by pg_stat_activity.state; "" for background processes,
    // which have none.
    QMap<QString, int> byState;
    // Sessions by wait_event_type; "" for those not waiting.
    QMap<QString, int> byWaitEventType;
    int blocked = 0; // waiting on a Lock (heavyweight locks, the ones a tree explains)
    qint64 commits = 0;
    qint64 rollbacks = 0;

    int inState(const QString &state) const { return byState.value(state); }
    int waitingOn(const QString &waitEventType) const
    {
        return byWaitEventType.value(waitEventType);
    }

    static ActivityTally of(const ActivitySample &sample);
    bool operator==(const ActivityTally &other) const = default;
};

} // namespace tusk::core
