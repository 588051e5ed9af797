#include "activitytally.h"

namespace tusk::core {

ActivityTally ActivityTally::of(const ActivitySample &sample)
{
    ActivityTally t;
    t.takenAt = sample.takenAt;
    t.sessions = int(sample.sessions.size());
    for (const ActivitySession &s : sample.sessions) {
        ++t.byState[s.state];
        ++t.byWaitEventType[s.waitEventType];
        if (s.isWaitingOnLock())
            ++t.blocked;
    }
    for (const DatabaseTotals &d : sample.databases) {
        t.commits += d.commits;
        t.rollbacks += d.rollbacks;
    }
    return t;
}

} // namespace tusk::core
