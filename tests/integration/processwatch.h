#pragma once

// Watches a process and every process it starts (its descendants, found
// through /proc/<pid>/stat) while it runs, and keeps what the process list
// shows of each: the command line anyone on the machine may read
// (/proc/<pid>/cmdline, mode 0444) and the environment only its owner and
// root may read (/proc/<pid>/environ, mode 0400). Short-lived children are
// caught by polling every millisecond.

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QString>

namespace tusk::test {

class ProcessWatch {
public:
    struct Seen {
        int pid = 0;
        QString name; // comm
        QByteArray cmdline; // arguments separated by NUL
        QByteArray environ; // NAME=value entries separated by NUL
    };

    explicit ProcessWatch(int rootPid)
        : m_root(rootPid)
    {
    }
    // Reads the tree once; returns false when the root process is gone.
    bool poll();
    // Every process seen, by pid (the first reading of each, and any later
    // one that differs: a child may exec() after it was first seen).
    const QList<Seen> &seen() const { return m_seen; }
    QStringList names() const;

private:
    int m_root;
    QList<Seen> m_seen;
};

} // namespace tusk::test
