#include "lockqueue.h"

#include "core/support/durationtext.h"

#include <algorithm>

namespace tusk::core {

namespace {
QString modeOf(const ActivityLock &l)
{
    return l.mode ? LockModes::name(*l.mode) : l.modeName;
}
} // namespace

QList<LockQueue> LockQueue::build(const ActivitySample &sample)
{
    QList<LockQueue> out;
    for (const ActivityLock &l : sample.locks) {
        auto it = std::find_if(out.begin(), out.end(), [&](const LockQueue &q) {
            const ActivityLock &first = q.holders.isEmpty() ? q.waiters.first() : q.holders.first();
            return first.sameTag(l);
        });
        if (it == out.end()) {
            out << LockQueue {l.target(), {}, {}, {}};
            it = out.end() - 1;
        }
        (l.granted ? it->holders : it->waiters) << l;
    }
    out.removeIf([](const LockQueue &q) { return q.waiters.isEmpty(); });
    for (LockQueue &q : out) {
        std::stable_sort(q.waiters.begin(), q.waiters.end(),
            [](const ActivityLock &a, const ActivityLock &b) { return a.waitingMs > b.waitingMs; });
        const ActivityLock &head = q.waiters.first();
        const qsizetype behind = q.waiters.size() - 1;
        if (behind > 0)
            q.badge = QStringLiteral("%1 session%2 queued behind %3")
                          .arg(behind)
                          .arg(behind == 1 ? QString() : QStringLiteral("s"))
                          .arg(modeOf(head));
        else
            q.badge = QStringLiteral("1 session waits for %1").arg(modeOf(head));
    }
    std::stable_sort(out.begin(), out.end(), [](const LockQueue &a, const LockQueue &b) {
        const bool ra = a.holders.value(0, a.waiters.first()).lockType == QLatin1String("relation");
        const bool rb = b.holders.value(0, b.waiters.first()).lockType == QLatin1String("relation");
        if (ra != rb)
            return ra;
        return a.waiters.size() > b.waiters.size();
    });
    return out;
}

QString LockQueue::text(const QList<LockQueue> &queues, const ActivitySample &sample)
{
    if (queues.isEmpty())
        return QStringLiteral("no session waits for a lock\n");
    QString out;
    for (const LockQueue &q : queues) {
        out += QStringLiteral("%1: %2\n").arg(q.target, q.badge);
        const auto row = [&](const ActivityLock &l, const QString &what) {
            const ActivitySession *s = sample.session(l.pid);
            out += QStringLiteral("  %1 %2 %3%4%5\n")
                       .arg(what, -6)
                       .arg(l.pid, -7)
                       .arg(modeOf(l), -24)
                       .arg(l.granted || l.waitingMs < 0
                               ? QString()
                               : QStringLiteral("for %1  ").arg(ageText(l.waitingMs)),
                           s ? s->query.simplified().left(70) : QString());
        };
        for (const ActivityLock &l : q.holders)
            row(l, QStringLiteral("holds"));
        for (const ActivityLock &l : q.waiters)
            row(l, QStringLiteral("waits"));
    }
    return out;
}

} // namespace tusk::core
