#pragma once

#include "activitysample.h"

#include <QHash>
#include <QList>
#include <QString>

namespace tusk::core {

// Who blocks whom (issue 24, point 5), built from pg_blocking_pids() of a
// sample: an edge from each blocker to each waiter (duplicates and
// self-edges dropped). An edge is hard when the blocker holds a granted
// lock on the very tag the waiter wants (every field of the tag compared)
// in a mode that conflicts (the conflict table of core/lint/lockmode), and
// soft when the blocker is only ahead of it in the queue: the case no peer
// shows, a DDL waiting for ACCESS EXCLUSIVE with every query stuck behind
// it. pid 0 is a prepared transaction. A cycle is a deadlock in progress
// (the server's detector breaks it after deadlock_timeout). Pure.
class BlockingTree {
public:
    struct Edge {
        int blocker = 0;
        int waiter = 0;
        bool hard = false;
        bool operator==(const Edge &other) const = default;
    };
    struct Node {
        int pid = 0; // 0: a prepared transaction
        QString gid; // a prepared transaction's
        QStringList holds; // "ROW EXCLUSIVE on relation shop.orders", on tags someone waits for
        QString wants; // "ACCESS EXCLUSIVE on relation shop.orders"; empty: not waiting
        qint64 waitingMs = -1;
        int blockedBelow = 0; // distinct sessions waiting on it, directly or not
        QList<int> waiters; // direct
        QList<int> blockers; // direct
    };

    static BlockingTree build(const ActivitySample &sample);

    bool isEmpty() const { return m_edges.isEmpty(); }
    const QList<Edge> &edges() const { return m_edges; }
    const QHash<int, Node> &nodes() const { return m_nodes; }
    // Blockers that wait for no one, most sessions blocked first; then one
    // pid of each cycle.
    QList<int> roots() const;
    QList<QList<int>> cycles() const { return m_cycles; }
    std::optional<Edge> edge(int blocker, int waiter) const;
    // How many sessions ending `pid` would release (those blocked below it
    // with no other way through), for the cancel / terminate card.
    int releasedBy(int pid) const;
    // The same for ending all of `pids` at once (a session blocked by two
    // of them counts once; the pids themselves are not counted).
    int releasedBy(const QList<int> &pids) const;

    // The tree as text for `tusk activity --tree`: one line per node, the
    // edges marked hard or soft, sessions under their first blocker.
    QString text(const ActivitySample &sample) const;

private:
    void countBelow();
    void findCycles();

    QList<Edge> m_edges;
    QHash<int, Node> m_nodes;
    QList<QList<int>> m_cycles;
};

} // namespace tusk::core
