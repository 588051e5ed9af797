#pragma once

#include <QString>

namespace tusk::core {

// What a data directory's postmaster.pid says, read once, and whether it
// describes a server that is really running there. A file left by a crash
// can name a pid that now belongs to another program, so a live server needs
// all of: the pid alive and ours to signal, the process a `postgres`
// executable, and the file's own data-directory line naming this directory.
class PostmasterPidFile {
public:
    explicit PostmasterPidFile(const QString &dataDir);

    bool exists() const { return m_exists; }
    bool isLive() const;
    int pid() const { return m_pid; }
    int port() const { return m_port; }
    // "starting", "ready", "stopping" or "standby" (PostgreSQL 10 and later).
    QString status() const { return m_status; }
    qint64 startTime() const { return m_startTime; } // seconds since the epoch

    // Removes the file when it is left over from a server that is gone, so
    // that a fresh start is not mistaken for the old one; true when none is
    // left.
    bool removeIfStale() const;

    // True for a process we may signal; EPERM means another user's process,
    // which is never the server of a folder we own.
    static bool processAlive(int pid);

private:
    QString m_dataDir;
    bool m_exists = false;
    int m_pid = 0;
    QString m_fileDataDir;
    qint64 m_startTime = 0;
    int m_port = 0;
    QString m_status;
};

} // namespace tusk::core
