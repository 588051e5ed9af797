#include "activitycollector.h"

#include "activityqueries.h"

#include "core/pg/connection.h"

#include <QElapsedTimer>

namespace tusk::core {

ActivityCollector::ActivityCollector(QObject *parent)
    : QObject(parent)
{
    connect(&m_timer, &QTimer::timeout, this, &ActivityCollector::sampleNow);
}

ActivityCollector::~ActivityCollector() = default;

void ActivityCollector::start(const ConnInfo &info)
{
    stop();
    ConnInfo own = info;
    own.setValue(QStringLiteral("application_name"), applicationName());
    m_connection = new Connection(this);
    connect(m_connection, &Connection::opened, this, &ActivityCollector::onOpened);
    connect(m_connection, &Connection::openFailed, this, &ActivityCollector::failed);
    connect(m_connection, &Connection::lost, this, [this](const PgError &e) {
        // The connection reconnects by itself; samples resume once it does.
        m_ready = false;
        m_inFlight = false;
        emit failed(e);
    });
    m_connection->open(own);
}

void ActivityCollector::stop()
{
    m_timer.stop();
    m_ready = false;
    m_inFlight = false;
    if (m_connection) {
        m_connection->disconnect(this);
        m_connection->close();
        m_connection->deleteLater();
        m_connection = nullptr;
    }
}

bool ActivityCollector::isOpen() const
{
    return m_ready;
}

void ActivityCollector::onOpened()
{
    m_serverVersion = m_connection->server().versionNumber;
    // A sample must never wait: it takes no relation lock, and these bound
    // anything that would (a catalog lookup behind a stuck one).
    m_connection->execute(QStringLiteral("SET lock_timeout = '100ms'; SET statement_timeout = "
                                         "'2s'; SELECT pg_backend_pid()"),
        {}, this, [this](const QList<Result> &results, const PgError &e) {
            if (!e.isNull())
                return emit failed(e);
            if (!results.isEmpty() && results.last().rowCount() == 1)
                m_ownPid = results.last().text(0, 0).toInt();
            m_ready = true;
            sampleNow();
            setIntervalMs(m_interval);
        });
}

void ActivityCollector::setIntervalMs(int milliseconds)
{
    m_interval = milliseconds <= 0 ? 0 : std::clamp(milliseconds, 500, 10'000);
    if (m_interval == 0)
        m_timer.stop();
    else if (m_ready)
        m_timer.start(m_interval);
}

void ActivityCollector::sampleNow()
{
    if (!m_ready || m_inFlight)
        return; // the last sample is still out: this tick is skipped
    m_inFlight = true;
    auto clock = std::make_shared<QElapsedTimer>();
    clock->start();
    m_connection->execute(ActivityQueries::sampleSql(m_serverVersion), {}, this,
        [this, clock](const QList<Result> &results, const PgError &e) {
            m_inFlight = false;
            if (!e.isNull())
                return emit failed(e);
            ActivitySample sample = ActivityQueries::read(results, m_serverVersion);
            sample.serverMs = clock->elapsed();
            emit sampled(sample);
        });
}

} // namespace tusk::core
