#include "lockscenario.h"

#include "testsupport.h"

#include <QTest>

namespace tusk::test {

LockScenario::LockScenario(core::ConnInfo database)
    : m_database(std::move(database))
    , m_admin(std::make_unique<core::Connection>())
{
    if (const core::PgError e = openAndWait(*m_admin, m_database); !e.isNull())
        m_error = e.toString();
}

LockScenario::~LockScenario()
{
    release();
}

bool LockScenario::createTable(int rows)
{
    const Reply r = runAndWait(*m_admin,
        QStringLiteral("CREATE SCHEMA IF NOT EXISTS shop; DROP TABLE IF EXISTS shop.items; "
                       "CREATE TABLE shop.items (id bigint PRIMARY KEY, v int); "
                       "INSERT INTO shop.items SELECT g, g FROM generate_series(1, %1) g;")
            .arg(rows));
    if (!r.error.isNull())
        m_error = r.error.toString();
    return r.error.isNull();
}

core::Connection *LockScenario::open(int *pid)
{
    auto c = std::make_unique<core::Connection>();
    c->setAutoReconnect(false);
    if (const core::PgError e = openAndWait(*c, m_database); !e.isNull()) {
        m_error = e.toString();
        return nullptr;
    }
    const Reply r = runAndWait(*c, QStringLiteral("SELECT pg_backend_pid()"));
    if (!r.error.isNull() || r.results.isEmpty()) {
        m_error = r.error.toString();
        return nullptr;
    }
    *pid = r.results.first().text(0, 0).toInt();
    m_sessions.push_back(std::move(c));
    m_pids.push_back(*pid);
    return m_sessions.back().get();
}

int LockScenario::hold(const QString &sql)
{
    int pid = 0;
    core::Connection *c = open(&pid);
    if (!c)
        return 0;
    const Reply r = runAndWait(*c, sql);
    if (!r.error.isNull()) {
        m_error = r.error.toString();
        return 0;
    }
    return pid;
}

int LockScenario::queue(const QString &sql)
{
    int pid = 0;
    core::Connection *c = open(&pid);
    if (!c)
        return 0;
    c->execute(sql); // answered once the lock comes (or never, in the test)
    return waitsOnLock(pid) ? pid : 0;
}

bool LockScenario::sendOn(int pid, const QString &sql)
{
    for (size_t i = 0; i < m_pids.size(); ++i) {
        if (m_pids.at(i) == pid) {
            m_sessions.at(i)->execute(sql);
            return true;
        }
    }
    m_error = QStringLiteral("no session %1 here").arg(pid);
    return false;
}

bool LockScenario::queueOn(int pid, const QString &sql)
{
    return sendOn(pid, sql) && waitsOnLock(pid);
}

bool LockScenario::waitsOnLock(int pid, int timeoutMs)
{
    for (int waited = 0; waited < timeoutMs; waited += 20) {
        const Reply r = runAndWait(*m_admin,
            QStringLiteral("SELECT wait_event_type = 'Lock' FROM pg_stat_activity WHERE pid = $1"),
            {pid});
        if (r.error.isNull() && !r.results.isEmpty() && r.results.first().rowCount() == 1
            && r.results.first().value(0, 0).toBool())
            return true;
        QTest::qWait(20);
    }
    m_error = QStringLiteral("session %1 never waited on a lock").arg(pid);
    return false;
}

void LockScenario::release()
{
    if (!m_admin || !m_admin->isOpen())
        return;
    for (const auto &c : m_sessions)
        c->setAutoReconnect(false);
    // Terminated from outside: a session waiting on a lock cannot be closed
    // politely, and every transaction must roll back now.
    runAndWait(*m_admin,
        QStringLiteral("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                       "WHERE datname = current_database() AND pid <> "
                       "pg_backend_pid() AND backend_type = 'client backend'"));
    m_sessions.clear();
    m_pids.clear();
}

} // namespace tusk::test
