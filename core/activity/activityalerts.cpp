#include "activityalerts.h"

#include "blockingtree.h"

#include "core/support/durationtext.h"

namespace tusk::core {

namespace {
// A transaction's start as a key: the same pid may start another one,
// which is a new incident.
qint64 transactionStart(const ActivitySample &sample, const ActivitySession &s)
{
    return s.transactionAgeMs < 0 ? -1 : sample.takenAt.toMSecsSinceEpoch() - s.transactionAgeMs;
}

bool sameStart(qint64 a, qint64 b)
{
    return qAbs(a - b) < 1000; // two samples' clocks differ by a few ms
}

// How long the longest waiter below `pid` has waited: waitstart when the
// server has it (14+), else how long the waiter's query has run.
qint64 longestWait(const ActivitySample &sample, const BlockingTree &tree, int pid)
{
    qint64 longest = -1;
    QList<int> todo = tree.nodes().value(pid).waiters;
    QSet<int> seen;
    while (!todo.isEmpty()) {
        const int w = todo.takeFirst();
        if (seen.contains(w))
            continue;
        seen.insert(w);
        const BlockingTree::Node node = tree.nodes().value(w);
        qint64 waited = node.waitingMs;
        if (waited < 0)
            if (const ActivitySession *s = sample.session(w))
                waited = s->queryAgeMs;
        longest = std::max(longest, waited);
        todo << node.waiters;
    }
    return longest;
}
} // namespace

QList<ActivityAlerts::Alert> ActivityAlerts::check(
    const ActivitySample &sample, const BlockingTree &tree)
{
    QList<Alert> out;
    QHash<int, qint64> blocking;
    for (int root : tree.roots()) {
        const ActivitySession *s = sample.session(root);
        const qint64 start = s ? transactionStart(sample, *s) : -1;
        const qint64 waited = longestWait(sample, tree, root);
        if (waited < m_thresholds.blockedAlertMs)
            continue;
        blocking.insert(root, start);
        if (m_blocking.contains(root) && sameStart(m_blocking.value(root), start))
            continue;
        const int below = tree.nodes().value(root).blockedBelow;
        Alert a;
        a.pid = root;
        a.title = QStringLiteral("%1 sessions blocked").arg(below);
        a.text = root == 0
            ? QStringLiteral("A prepared transaction (%1) blocks %2 sessions; the oldest has "
                             "waited %3.")
                  .arg(tree.nodes().value(root).gid)
                  .arg(below)
                  .arg(ageText(waited))
            : QStringLiteral("pid %1 (%2%3) blocks %4 sessions; the oldest has waited %5.")
                  .arg(root)
                  .arg(s ? s->state : QStringLiteral("gone"),
                      s && s->transactionAgeMs >= 0
                          ? QStringLiteral(", transaction %1").arg(ageText(s->transactionAgeMs))
                          : QString())
                  .arg(below)
                  .arg(ageText(waited));
        out << a;
    }
    m_blocking = blocking;

    QHash<int, qint64> idle;
    for (const ActivitySession &s : sample.sessions) {
        if (!s.state.startsWith(QLatin1String("idle in transaction"))
            || s.stateAgeMs < m_thresholds.idleAlertMs)
            continue;
        const qint64 start = transactionStart(sample, s);
        idle.insert(s.pid, start);
        if (m_idle.contains(s.pid) && sameStart(m_idle.value(s.pid), start))
            continue;
        Alert a;
        a.pid = s.pid;
        a.title = QStringLiteral("Idle in transaction for %1").arg(ageText(s.stateAgeMs));
        a.text = QStringLiteral("pid %1 (%2@%3, %4) holds its transaction open, idle for %5; "
                                "its locks stay held and vacuum cannot clean behind it.")
                     .arg(s.pid)
                     .arg(s.user, s.database,
                         s.application.isEmpty() ? QStringLiteral("no application") : s.application,
                         ageText(s.stateAgeMs));
        out << a;
    }
    m_idle = idle;
    return m_thresholds.notify ? out : QList<Alert>();
}

} // namespace tusk::core
