#pragma once

// Sessions that hold and queue locks on a test database, for the activity
// monitor's tests: each step sends its statement and returns once the
// server shows the session in the state it should be in (holding, idle in
// transaction, or waiting on a Lock), so the tests read a settled picture.

#include "core/pg/connection.h"

#include <QString>

#include <memory>
#include <vector>

namespace tusk::test {

class LockScenario {
public:
    explicit LockScenario(core::ConnInfo database);
    ~LockScenario();

    // A table `shop.items` (id primary key, v) with `rows` rows.
    bool createTable(int rows = 100);
    // A new session runs `sql` and is left as it is (a transaction stays
    // open); returns its pid, or 0 on error (error()).
    int hold(const QString &sql);
    // A new session sends `sql`, which must end up waiting on a Lock;
    // returns its pid once pg_stat_activity shows it waiting, or 0.
    int queue(const QString &sql);
    // The session `pid` (one of hold()'s) sends `sql`, which must end up
    // waiting on a Lock.
    bool queueOn(int pid, const QString &sql);
    // The session `pid` sends `sql` and goes on without waiting for it.
    bool sendOn(int pid, const QString &sql);
    // Waits until `pid` is waiting on a Lock.
    bool waitsOnLock(int pid, int timeoutMs = 10000);
    QString error() const { return m_error; }
    // Ends every session (their transactions roll back).
    void release();

private:
    core::Connection *open(int *pid);

    core::ConnInfo m_database;
    std::unique_ptr<core::Connection> m_admin;
    std::vector<std::unique_ptr<core::Connection>> m_sessions;
    std::vector<int> m_pids; // of m_sessions, in order
    QString m_error;
};

} // namespace tusk::test
