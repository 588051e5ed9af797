#include "connectiontest.h"

#include "core/pg/connection.h"
#include "sslmode.h"

#include <QTimer>

namespace tusk::core {

ConnectionTest::ConnectionTest(QObject *parent)
    : QObject(parent)
{
}

ConnectionTest::~ConnectionTest() = default;

bool ConnectionTest::isSslRelated(const PgError &error)
{
    const QString text = error.message + QLatin1Char(' ') + error.detail;
    return text.contains(QLatin1String("SSL"), Qt::CaseInsensitive)
        || text.contains(QLatin1String("encryption"), Qt::CaseInsensitive);
}

void ConnectionTest::start(const ConnInfo &info, bool trySslFallback)
{
    cancel();
    m_info = info;
    m_fallback = trySslFallback;
    m_retrying = false;
    m_outcome = {};
    attempt(info);
}

void ConnectionTest::cancel()
{
    if (!m_connection)
        return;
    m_connection->disconnect(this);
    m_connection.release()->deleteLater();
}

void ConnectionTest::attempt(const ConnInfo &info)
{
    if (m_connection)
        m_connection.release()->deleteLater();
    m_connection = std::make_unique<Connection>();
    m_connection->setAutoReconnect(false);
    connect(m_connection.get(), &Connection::opened, this, &ConnectionTest::onOpened);
    connect(m_connection.get(), &Connection::openFailed, this, &ConnectionTest::onFailed);
    m_timer.start();
    m_connection->open(info);
}

void ConnectionTest::onOpened()
{
    const qint64 connectMs = m_timer.elapsed();
    m_timer.start();
    m_connection->execute(QStringLiteral("SELECT s.ssl, s.version FROM pg_stat_ssl s "
                                         "WHERE s.pid = pg_backend_pid()"),
        {}, this, [this, connectMs](const QList<Result> &results, const PgError &error) {
            m_outcome.connectMs = connectMs;
            m_outcome.roundTripMs = m_timer.nsecsElapsed() / 1e6;
            const ServerInfo &server = m_connection->server();
            m_outcome.serverVersion = server.version;
            m_outcome.database = server.database;
            m_outcome.user = server.user;
            if (!error.isNull()) {
                m_outcome.ok = false;
                m_outcome.error = error;
            } else {
                m_outcome.ok = true;
                if (!results.isEmpty() && results.first().rowCount() > 0) {
                    m_outcome.sslInUse = results.first().text(0, 0) == QLatin1String("t");
                    m_outcome.sslVersion = results.first().text(0, 1);
                }
            }
            finish();
        });
}

void ConnectionTest::onFailed(const PgError &error)
{
    if (m_retrying) {
        // The other setting fails too: the first failure is the answer.
        finish();
        return;
    }
    m_outcome.error = error;
    m_outcome.connectMs = m_timer.elapsed();
    const QString mode = m_info.value(QStringLiteral("sslmode"));
    const QString other = SslMode::fallbackFor(mode.isEmpty() ? QStringLiteral("prefer") : mode);
    if (m_fallback && !other.isEmpty() && isSslRelated(error)) {
        m_retrying = true;
        ConnInfo retry = m_info;
        retry.setValue(QStringLiteral("sslmode"), other);
        m_outcome.fallbackSslMode = other;
        attempt(retry);
        return;
    }
    finish();
}

void ConnectionTest::finish()
{
    if (m_retrying && !m_outcome.ok)
        m_outcome.fallbackSslMode.clear();
    const ConnectionTestOutcome outcome = m_outcome;
    cancel();
    emit finished(outcome);
}

} // namespace tusk::core
