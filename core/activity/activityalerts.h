#pragma once

#include "activitysample.h"
#include "activitythresholds.h"

#include <QHash>
#include <QStringList>

namespace tusk::core {

class BlockingTree;

// What deserves a desktop notification (issue 24, point 11): a blocking
// chain whose oldest waiter has waited past the threshold, and a session
// idle in transaction past its threshold. Said once when it starts, not
// every second while it lasts; said again only after it has cleared (the
// chain dissolved, the transaction ended). Pure: the page delivers.
class ActivityAlerts {
public:
    struct Alert {
        QString title;
        QString text;
        int pid = 0; // the blocker, or the idle session
    };

    void setThresholds(const ActivityThresholds &thresholds) { m_thresholds = thresholds; }
    // The alerts `sample` raises that were not raised already.
    QList<Alert> check(const ActivitySample &sample, const BlockingTree &tree);
    // Some chain or idle transaction is still past its threshold.
    bool isActive() const { return !m_blocking.isEmpty() || !m_idle.isEmpty(); }

private:
    ActivityThresholds m_thresholds;
    QHash<int, qint64> m_blocking; // root blocker → its transaction start, alerted
    QHash<int, qint64> m_idle; // idle session → its transaction start, alerted
};

} // namespace tusk::core
