#pragma once

#include "conninfo.h"
#include "pgerror.h"
#include "result.h"
#include "serverinfo.h"

#include <QObject>
#include <QVariantList>

#include <functional>
#include <memory>

namespace tusk::core {

class ConnectionPrivate;

// One PostgreSQL session, driven entirely by the event loop of the thread it
// lives on: libpq in non-blocking mode behind QSocketNotifiers, host names
// resolved and cancel requests sent on pool threads. No call blocks the
// caller on the network.
//
// Requests are queued and run one at a time. Each has an id; its result sets
// arrive as resultReady(id, ...) and it ends with exactly one
// requestFinished(id, error). Replies of a cancelled or abandoned request are
// dropped, never delivered late. After the server goes away the object
// reports lost() and, unless told otherwise, reconnects by itself: quickly
// at first; then requests waiting for it fail (openFailed()) and, while the
// server seems away, it stays Lost and tries every 10 s until it is back.
//
// Slots may call any method, but must not delete the object from inside
// one of its signals: use deleteLater().
class Connection : public QObject {
    Q_OBJECT
public:
    enum class State {
        Disconnected, // never opened, closed, or gave up reconnecting
        Connecting, // resolving, connecting, authenticating, reading settings
        Ready, // open and idle
        Busy, // a request is running
        Lost, // the session died; a reconnect may be scheduled
    };
    Q_ENUM(State)

    enum class TransactionStatus { Idle, Active, InTransaction, InFailedTransaction, Unknown };
    Q_ENUM(TransactionStatus)

    explicit Connection(QObject *parent = nullptr);
    ~Connection() override;

    // Starts connecting; ends in opened() or openFailed(). Requests queued
    // meanwhile run once the session is open.
    void open(const ConnInfo &info);
    // Ends the session; running and queued requests finish with an error.
    void close();
    // Closes and opens again with the same parameters.
    void reconnect();

    // Queues a request and returns its id. Without parameters the text may
    // hold several statements (one result set each); with parameters it is
    // one statement using $1..$n. A null QVariant is SQL NULL.
    quint64 execute(const QString &sql, const QVariantList &params = {});

    // The same, answered by a callback instead of signals: `reply` gets all
    // result sets and the error (null on success) once the request ends,
    // on this object's thread, unless `context` is gone by then.
    using Reply = std::function<void(
        const QList<tusk::core::Result> &results, const tusk::core::PgError &error)>;
    quint64 execute(const QString &sql, const QVariantList &params, QObject *context, Reply reply);

    // Runs `sql` (one or more statements, no parameters) with its rows
    // streamed: libpq's single-row mode, the rows gathered into batches,
    // the first after `firstBatch` rows so something shows at once, then
    // every `batchRows`. Each row-returning statement gives rowsReady() zero
    // or more times, then resultReady() with the rows left and its command
    // tag; other statements give resultReady() as execute() does. Rows
    // streamed before an error still arrive (rowsReady) before
    // requestFinished() reports it.
    struct StreamOptions {
        int firstBatch = 200;
        int batchRows = 10'000;
    };
    quint64 stream(const QString &sql, const StreamOptions &options);
    quint64 stream(const QString &sql) { return stream(sql, StreamOptions()); }

    // Stops whatever is under way, from any state: a connection attempt is
    // abandoned, a running statement is cancelled on the server (the cancel
    // travels on a pool thread), queued requests finish as cancelled.
    void cancel();

    State state() const;
    bool isOpen() const;
    ConnInfo connInfo() const;
    const ServerInfo &server() const;
    TransactionStatus transactionStatus() const;
    quint64 runningRequest() const; // 0 when none
    int queuedRequests() const;

    // On by default: after a loss, try to reconnect with growing pauses.
    void setAutoReconnect(bool enabled);
    bool autoReconnect() const;
    // Overrides connect_timeout (seconds) of the ConnInfo; default 10 s.
    // libpq does not time out a non-blocking connect by itself.
    void setConnectTimeout(int milliseconds);

signals:
    void stateChanged(tusk::core::Connection::State state);
    void opened(const tusk::core::ServerInfo &server);
    void openFailed(const tusk::core::PgError &error);
    void resultReady(quint64 requestId, const tusk::core::Result &result);
    // A batch of a streamed result set's rows (stream()).
    void rowsReady(quint64 requestId, const tusk::core::Result &rows);
    void requestFinished(quint64 requestId, const tusk::core::PgError &error);
    void notice(const tusk::core::PgError &notice);
    void notification(const QString &channel, const QString &payload, int backendPid);
    void lost(const tusk::core::PgError &error);

private:
    friend class ConnectionPrivate;
    std::unique_ptr<ConnectionPrivate> d;
};

} // namespace tusk::core
