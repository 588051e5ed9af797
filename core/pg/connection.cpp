#include "connection.h"

#include "connectionprivate.h"

#include <QDateTime>
#include <QPointer>

namespace tusk::core {

namespace {
// Text form of a parameter as the server's input functions read it.
QByteArray parameterText(const QVariant &value)
{
    switch (value.typeId()) {
    case QMetaType::Bool:
        return value.toBool() ? "true" : "false";
    case QMetaType::QByteArray:
        return value.toByteArray();
    case QMetaType::QDateTime:
        return value.toDateTime().toString(Qt::ISODateWithMs).toUtf8();
    default:
        return value.toString().toUtf8();
    }
}

ConnectionPrivate::Request makeRequest(const QString &sql, const QVariantList &params)
{
    ConnectionPrivate::Request request;
    request.sql = sql.toUtf8();
    request.useParams = !params.isEmpty();
    for (const QVariant &p : params) {
        const bool null = !p.isValid() || p.isNull();
        request.paramIsNull.append(null);
        request.params.append(null ? QByteArray() : parameterText(p));
    }
    return request;
}
} // namespace

Connection::Connection(QObject *parent)
    : QObject(parent)
    , d(std::make_unique<ConnectionPrivate>(this))
{
    qRegisterMetaType<PgError>();
    qRegisterMetaType<Result>();
    qRegisterMetaType<ServerInfo>();
    qRegisterMetaType<ConnInfo>();
}

Connection::~Connection() = default;

void Connection::open(const ConnInfo &info)
{
    d->open(info, false);
}

void Connection::close()
{
    d->close(PgError::client(QStringLiteral("the connection was closed"), QStringLiteral("08003")));
}

void Connection::reconnect()
{
    const ConnInfo info = d->info;
    close();
    d->open(info, false);
}

quint64 Connection::execute(
    const QString &sql, const QVariantList &params, QObject *context, Reply reply)
{
    ConnectionPrivate::Request request = makeRequest(sql, params);
    request.internal = [guard = QPointer<QObject>(context), reply = std::move(reply)](
                           const QList<Result> &results, const PgError &error) {
        if (guard)
            reply(results, error);
    };
    return d->enqueue(std::move(request));
}

quint64 Connection::execute(const QString &sql, const QVariantList &params)
{
    return d->enqueue(makeRequest(sql, params));
}

quint64 Connection::stream(const QString &sql, const StreamOptions &options)
{
    ConnectionPrivate::Request request = makeRequest(sql, {});
    request.streaming = true;
    request.firstBatch = std::max(1, options.firstBatch);
    request.batchRows = std::max(1, options.batchRows);
    return d->enqueue(std::move(request));
}

void Connection::cancel()
{
    d->cancel();
}

Connection::State Connection::state() const
{
    return d->state;
}

bool Connection::isOpen() const
{
    return d->state == State::Ready || d->state == State::Busy;
}

ConnInfo Connection::connInfo() const
{
    return d->info;
}

const ServerInfo &Connection::server() const
{
    return d->server;
}

Connection::TransactionStatus Connection::transactionStatus() const
{
    if (!d->conn)
        return TransactionStatus::Unknown;
    switch (PQtransactionStatus(d->conn)) {
    case PQTRANS_IDLE:
        return TransactionStatus::Idle;
    case PQTRANS_ACTIVE:
        return TransactionStatus::Active;
    case PQTRANS_INTRANS:
        return TransactionStatus::InTransaction;
    case PQTRANS_INERROR:
        return TransactionStatus::InFailedTransaction;
    default:
        return TransactionStatus::Unknown;
    }
}

quint64 Connection::runningRequest() const
{
    return d->running ? d->running->id : 0;
}

int Connection::queuedRequests() const
{
    return int(d->queue.size());
}

void Connection::setAutoReconnect(bool enabled)
{
    d->autoReconnect = enabled;
}

bool Connection::autoReconnect() const
{
    return d->autoReconnect;
}

void Connection::setConnectTimeout(int milliseconds)
{
    d->connectTimeoutMs = milliseconds;
}

} // namespace tusk::core
