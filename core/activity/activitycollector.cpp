#include "activitycollector.h"

#include "activityqueries.h"

#include "core/pg/connection.h"

#include <QElapsedTimer>

namespace tusk::core {

ActivityCollector::ActivityCollector(QObject *parent)
    : QObject(parent)
{
    // A tick that finds the last request still out is skipped, never queued.
    connect(&m_timer, &QTimer::timeout, this, [this] {
        if (!m_inFlight)
            sampleNow();
    });
}

ActivityCollector::~ActivityCollector() = default;

void ActivityCollector::start(const ConnInfo &info)
{
    stop();
    m_texts = StatementTexts(); // another server's entries are not these
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
    m_pending = false;
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
            // Which extensions the server statistics can come from.
            m_connection->execute(ActivityQueries::extensionsSql(), {}, this,
                [this](const QList<Result> &found, const PgError &) {
                    m_statementsSchema.clear();
                    m_waitSamplingSchema.clear();
                    for (int row = 0; !found.isEmpty() && row < found.first().rowCount(); ++row) {
                        const Result &r = found.first();
                        (r.text(row, 0) == QLatin1String("pg_stat_statements")
                                ? m_statementsSchema
                                : m_waitSamplingSchema) = r.text(row, 1);
                    }
                    m_statsDue = true;
                    m_ready = true;
                    sampleNow();
                    setIntervalMs(m_interval);
                });
        });
}

void ActivityCollector::readServerStats()
{
    m_statsDue = false;
    m_sinceStats.start();
    const QString sql =
        ActivityQueries::serverStatsSql(m_serverVersion, m_statementsSchema, m_waitSamplingSchema);
    if (sql.isEmpty()) // neither installed: say so all the same
        return emit serverStatsRead(
            ActivityQueries::readServerStats({}, m_statementsSchema, m_waitSamplingSchema));
    m_inFlight = true;
    m_connection->execute(sql, {}, this, [this](const QList<Result> &results, const PgError &e) {
        m_inFlight = false;
        ServerStats stats =
            ActivityQueries::readServerStats(results, m_statementsSchema, m_waitSamplingSchema);
        if (!e.isNull()) { // e.g. revoked, or the statement timeout
            stats.hasStatements = stats.hasWaitProfile = false;
            stats.statements.clear();
            stats.waitProfile.clear();
            stats.statementsMissing = stats.waitProfileMissing = e.message;
        }
        QString queryIds;
        const QString texts = m_texts.missingSql(stats, m_statementsSchema, &queryIds);
        if (texts.isEmpty())
            return deliverServerStats(stats);
        // The entries seen for the first time: their texts, once.
        m_inFlight = true;
        m_connection->execute(texts, {queryIds}, this,
            [this, stats](const QList<Result> &rows, const PgError &) mutable {
                m_inFlight = false;
                if (!rows.isEmpty())
                    m_texts.learn(rows.first());
                deliverServerStats(stats);
            });
    });
}

void ActivityCollector::deliverServerStats(ServerStats stats)
{
    m_texts.fill(stats);
    emit serverStatsRead(stats);
    if (m_pending)
        sampleNow();
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
    if (!m_ready)
        return;
    if (m_inFlight) {
        m_pending = true; // asked for: taken as soon as the last request is back
        return;
    }
    m_pending = false;
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
            if (m_ready && !m_inFlight
                && (m_statsDue
                    || (m_statsInterval > 0 && m_sinceStats.isValid()
                        && m_sinceStats.elapsed() >= m_statsInterval)))
                readServerStats();
            else if (m_pending)
                sampleNow();
        });
}

} // namespace tusk::core
