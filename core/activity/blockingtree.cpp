#include "blockingtree.h"

#include "core/support/durationtext.h"

#include <QSet>

#include <algorithm>
#include <functional>

namespace tusk::core {

namespace {
QString describe(const ActivityLock &lock)
{
    const QString mode = lock.mode ? LockModes::name(*lock.mode) : lock.modeName;
    return QStringLiteral("%1 on %2").arg(mode, lock.target());
}

QString oneLine(const QString &query)
{
    const QString line = query.simplified();
    return line.size() > 80 ? line.left(79) + QChar(0x2026) : line;
}
} // namespace

BlockingTree BlockingTree::build(const ActivitySample &sample)
{
    BlockingTree t;
    // The lock each waiter waits on: a waiting backend has one ungranted.
    QHash<int, const ActivityLock *> wanted;
    for (const ActivityLock &l : sample.locks) {
        if (!l.granted)
            wanted.insert(l.pid, &l);
    }
    QSet<std::pair<int, int>> seen;
    for (const ActivitySession &s : sample.sessions) {
        for (int blocker : s.blockedBy) {
            if (blocker == s.pid || seen.contains({blocker, s.pid}))
                continue;
            seen.insert({blocker, s.pid});
            Edge e {blocker, s.pid, false};
            if (const ActivityLock *want = wanted.value(s.pid); want && want->mode) {
                for (const ActivityLock &held : sample.locks) {
                    if (held.pid == blocker && held.granted && held.mode && held.sameTag(*want)
                        && LockModes::conflicts(*held.mode, *want->mode)) {
                        e.hard = true;
                        break;
                    }
                }
            }
            t.m_edges << e;
            t.m_nodes[blocker].pid = blocker;
            t.m_nodes[blocker].waiters << s.pid;
            Node &w = t.m_nodes[s.pid];
            w.pid = s.pid;
            w.blockers << blocker;
        }
    }
    for (auto it = t.m_nodes.begin(); it != t.m_nodes.end(); ++it) {
        Node &n = *it;
        if (const ActivityLock *want = wanted.value(n.pid)) {
            n.wants = describe(*want);
            n.waitingMs = want->waitingMs;
        }
        for (const ActivityLock &l : sample.locks) {
            if (l.pid == n.pid && l.granted)
                n.holds << describe(l);
        }
        if (n.pid == 0 && !sample.prepared.isEmpty())
            n.gid = sample.prepared.first().gid;
    }
    t.countBelow();
    t.findCycles();
    return t;
}

void BlockingTree::countBelow()
{
    for (auto it = m_nodes.begin(); it != m_nodes.end(); ++it) {
        QSet<int> below;
        QList<int> todo = it->waiters;
        while (!todo.isEmpty()) {
            const int pid = todo.takeLast();
            if (pid == it->pid || below.contains(pid))
                continue;
            below.insert(pid);
            todo << m_nodes.value(pid).waiters;
        }
        it->blockedBelow = int(below.size());
    }
}

void BlockingTree::findCycles()
{
    // Follow waiter → blocker; a path that comes back is a deadlock.
    QSet<int> done;
    for (auto it = m_nodes.cbegin(); it != m_nodes.cend(); ++it) {
        QList<int> path;
        std::function<void(int)> walk = [&](int pid) {
            if (const qsizetype at = path.indexOf(pid); at >= 0) {
                QList<int> cycle = path.mid(at);
                std::sort(cycle.begin(), cycle.end());
                if (!m_cycles.contains(cycle))
                    m_cycles << cycle;
                return;
            }
            if (done.contains(pid))
                return;
            path << pid;
            for (int b : m_nodes.value(pid).blockers)
                walk(b);
            path.removeLast();
            done.insert(pid);
        };
        walk(it.key());
    }
}

QList<int> BlockingTree::roots() const
{
    QList<int> out;
    for (const Node &n : m_nodes) {
        if (n.blockers.isEmpty() && !n.waiters.isEmpty())
            out << n.pid;
    }
    std::sort(out.begin(), out.end(), [this](int a, int b) {
        const int x = m_nodes.value(a).blockedBelow;
        const int y = m_nodes.value(b).blockedBelow;
        return x != y ? x > y : a < b;
    });
    for (const QList<int> &cycle : m_cycles)
        out << cycle.first();
    return out;
}

std::optional<BlockingTree::Edge> BlockingTree::edge(int blocker, int waiter) const
{
    for (const Edge &e : m_edges) {
        if (e.blocker == blocker && e.waiter == waiter)
            return e;
    }
    return std::nullopt;
}

int BlockingTree::releasedBy(int pid) const
{
    return releasedBy(QList<int> {pid});
}

int BlockingTree::releasedBy(const QList<int> &pids) const
{
    // A waiter is released when every blocker it has is gone.
    const QSet<int> ended(pids.begin(), pids.end());
    QSet<int> gone = ended;
    bool grew = true;
    while (grew) {
        grew = false;
        for (const Node &n : m_nodes) {
            if (gone.contains(n.pid) || n.blockers.isEmpty())
                continue;
            if (std::all_of(n.blockers.begin(), n.blockers.end(),
                    [&](int b) { return gone.contains(b); })) {
                gone.insert(n.pid);
                grew = true;
            }
        }
    }
    return int(gone.size() - ended.size());
}

QString BlockingTree::text(const ActivitySample &sample) const
{
    if (m_edges.isEmpty())
        return QStringLiteral("no session waits for a lock\n");
    QString out;
    QSet<int> shown;
    std::function<void(int, const QString &, const QString &)> line =
        [&](int pid, const QString &indent, const QString &how) {
            const Node &n = m_nodes.value(pid);
            const ActivitySession *s = sample.session(pid);
            QString head = pid == 0
                ? QStringLiteral("prepared transaction %1").arg(n.gid)
                : QStringLiteral("%1 %2").arg(pid).arg(s ? s->state : QStringLiteral("?"));
            if (s && s->transactionAgeMs >= 0)
                head += QStringLiteral(", transaction %1").arg(ageText(s->transactionAgeMs));
            if (!n.wants.isEmpty())
                head += QStringLiteral(", waits %1 for %2").arg(ageText(n.waitingMs), n.wants);
            if (!n.holds.isEmpty())
                head += QStringLiteral(", holds %1").arg(n.holds.join(QStringLiteral("; ")));
            if (n.blockedBelow > 0)
                head += QStringLiteral(" — blocks %1").arg(n.blockedBelow);
            out += indent + how + head + QLatin1Char('\n');
            if (s && !s->query.isEmpty())
                out += indent + QStringLiteral("    ") + oneLine(s->query) + QLatin1Char('\n');
            if (shown.contains(pid))
                return; // drawn already under another blocker
            shown.insert(pid);
            for (int w : n.waiters) {
                const std::optional<Edge> e = edge(pid, w);
                line(w, indent + QStringLiteral("  "),
                    e && e->hard ? QStringLiteral("└ hard ") : QStringLiteral("└ soft "));
            }
        };
    for (int root : roots())
        line(root, QString(), QString());
    for (const QList<int> &cycle : m_cycles) {
        QStringList pids;
        for (int p : cycle)
            pids << QString::number(p);
        out += QStringLiteral("deadlock in progress: %1\n").arg(pids.join(QStringLiteral(" ↔ ")));
    }
    return out;
}

} // namespace tusk::core
