#include "queryrunner.h"

namespace tusk::core {

QueryRunner::QueryRunner(QObject *parent)
    : QObject(parent)
{
}

QueryRunner::~QueryRunner()
{
    // A closing tab must not leave its statement running on the server:
    // a backend asleep in pg_sleep or waiting on a lock would not notice
    // the socket closing.
    if (m_connection && (isRunning() || m_control != 0))
        m_connection->cancel();
}

void QueryRunner::setConnInfo(const ConnInfo &info)
{
    m_info = info;
}

void QueryRunner::setReadOnly(bool readOnly)
{
    if (m_readOnly == readOnly)
        return;
    m_readOnly = readOnly;
    if (m_connection && m_connection->isOpen()) {
        applyReadOnly();
        emit message(readOnly ? tr("Read-only: from the next transaction on, writes are refused.")
                              : tr("Read-write: from the next transaction on."));
    }
}

void QueryRunner::ensureSession()
{
    const bool otherServer = m_connection && m_connection->connInfo() != m_info;
    const bool inTransaction =
        m_transaction == Transaction::InTransaction || m_transaction == Transaction::Failed;
    if (otherServer && !inTransaction) {
        m_connection->deleteLater();
        m_connection = nullptr;
    }
    if (!m_connection) {
        m_connection = new Connection(this);
        m_readOnlyApplied = false;
        connect(m_connection, &Connection::rowsReady, this, &QueryRunner::onRows);
        connect(m_connection, &Connection::resultReady, this, &QueryRunner::onResult);
        connect(m_connection, &Connection::requestFinished, this, &QueryRunner::onFinished);
        connect(m_connection, &Connection::notice, this, &QueryRunner::notice);
        connect(m_connection, &Connection::lost, this, [this](const PgError &error) {
            // Whatever the session held (a transaction, SET) is gone.
            m_readOnlyApplied = false;
            emit message(tr("The connection was lost (%1); an open transaction was rolled back "
                            "by the server. Tusk reconnects by itself.")
                             .arg(error.message));
            updateTransaction();
        });
        connect(m_connection, &Connection::opened, this, [this] { updateTransaction(); });
    }
    if (!m_connection->isOpen() && m_connection->state() != Connection::State::Connecting) {
        emit message(tr("Connecting to %1…").arg(m_info.toDisplayString()));
        m_connection->open(m_info);
    }
    if (m_readOnly != m_readOnlyApplied)
        applyReadOnly();
}

void QueryRunner::applyReadOnly()
{
    m_readOnlyApplied = m_readOnly;
    m_connection->execute(QStringLiteral("SET default_transaction_read_only = %1")
                              .arg(m_readOnly ? QStringLiteral("on") : QStringLiteral("off")),
        {}, this, [](const QList<Result> &, const PgError &) {});
}

bool QueryRunner::run(const QString &sql)
{
    if (isRunning() || m_control != 0 || m_info.isEmpty())
        return false;
    ensureSession();
    m_sent = sql;
    m_set = -1;
    m_sets = 0;
    m_clock.start();
    m_request = m_connection->stream(sql);
    emit started();
    return true;
}

void QueryRunner::runControl(const QString &sql)
{
    if (!m_connection || isRunning() || m_control != 0)
        return;
    m_control = m_connection->execute(
        sql, {}, this, [this](const QList<Result> &results, const PgError &error) {
            m_control = 0;
            if (!error.isNull())
                emit message(error.toString());
            else if (!results.isEmpty())
                emit message(results.last().commandTag());
            updateTransaction();
        });
}

void QueryRunner::cancel()
{
    if (m_connection && (isRunning() || m_control != 0))
        m_connection->cancel();
}

qint64 QueryRunner::elapsedMs() const
{
    return isRunning() ? m_clock.elapsed() : m_lastElapsed;
}

void QueryRunner::deliver(const Result &rows)
{
    if (m_set < 0) {
        m_set = m_sets++;
        emit resultSetStarted(m_set, rows);
        return;
    }
    emit rowsArrived(m_set, rows);
}

void QueryRunner::onRows(quint64 id, const Result &rows)
{
    if (id != m_request)
        return;
    deliver(rows);
}

void QueryRunner::onResult(quint64 id, const Result &result)
{
    if (id != m_request)
        return;
    const qint64 elapsed = m_clock.elapsed();
    if (!result.hasRows()) {
        emit commandDone(result.commandTag(), elapsed);
        return;
    }
    deliver(result);
    const int set = std::exchange(m_set, -1);
    emit resultSetFinished(set, result.commandTag(), elapsed);
}

void QueryRunner::onFinished(quint64 id, const PgError &error)
{
    if (id != m_request)
        return;
    m_lastElapsed = m_clock.elapsed();
    m_request = 0;
    // Rows streamed before an error are kept; the set just never ended.
    if (m_set >= 0)
        emit resultSetFinished(std::exchange(m_set, -1), QString(), m_lastElapsed);
    updateTransaction();
    emit finished(error, m_lastElapsed);
}

void QueryRunner::updateTransaction()
{
    Transaction now = Transaction::NoSession;
    if (m_connection && m_connection->isOpen()) {
        switch (m_connection->transactionStatus()) {
        case Connection::TransactionStatus::InTransaction:
            now = Transaction::InTransaction;
            break;
        case Connection::TransactionStatus::InFailedTransaction:
            now = Transaction::Failed;
            break;
        case Connection::TransactionStatus::Active: // mid-statement: keep the last
            now = m_transaction == Transaction::NoSession ? Transaction::Idle : m_transaction;
            break;
        default:
            now = Transaction::Idle;
        }
    }
    if (now != m_transaction) {
        m_transaction = now;
        emit transactionChanged(now);
    }
}

QString QueryRunner::transactionName(Transaction transaction)
{
    switch (transaction) {
    case Transaction::NoSession:
        // The tab opens its own session on its first run; the window's
        // connection is another one.
        return tr("no session yet");
    case Transaction::Idle:
        return tr("idle");
    case Transaction::InTransaction:
        return tr("in transaction");
    case Transaction::Failed:
        return tr("failed transaction");
    }
    return {};
}

} // namespace tusk::core
