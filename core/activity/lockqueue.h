#pragma once

#include "activitysample.h"

#include <QList>
#include <QString>

namespace tusk::core {

// The queue on one locked object (issue 24, point 6): who holds it (the
// granted locks), then who waits, in the order they asked (waitstart:
// the longest waiting first, which is how PostgreSQL will grant them when
// their modes allow). The badge names what holds the line up: "3 sessions
// queued behind ACCESS EXCLUSIVE" when the head of the queue wants a mode
// that stops the others. One queue per lock tag with waiters; relations
// first. Pure.
struct LockQueue {
    QString target; // "relation shop.items"
    QList<ActivityLock> holders;
    QList<ActivityLock> waiters; // the order they asked
    QString badge;

    static QList<LockQueue> build(const ActivitySample &sample);
    // For `tusk activity --queue`: each queue, holders then waiters.
    static QString text(const QList<LockQueue> &queues, const ActivitySample &sample);
};

} // namespace tusk::core
