#pragma once

// Private to core/pg: the state machine behind Connection.

#include "connection.h"
#include "hostresolver.h"
#include "libpqsupport.h"

#include <QSocketNotifier>
#include <QTimer>

#include <deque>
#include <functional>
#include <optional>

namespace tusk::core {

class ConnectionPrivate {
public:
    using InternalHandler = std::function<void(const QList<Result> &, const PgError &)>;

    struct Request {
        quint64 id = 0;
        QByteArray sql;
        bool useParams = false;
        QList<QByteArray> params;
        QList<bool> paramIsNull;
        InternalHandler internal; // set for callback requests: no signals
        QList<Result> collected; // internal requests only
        PgError error; // the first error of the request
        bool cancelled = false; // replies are dropped from now on
    };

    explicit ConnectionPrivate(Connection *q);
    ~ConnectionPrivate();

    void open(const ConnInfo &info, bool reconnecting);
    void close(const PgError &reason);
    quint64 enqueue(Request request);
    void cancel();

    Connection *q;
    PGconn *conn = nullptr;
    ConnInfo info;
    Connection::State state = Connection::State::Disconnected;
    ServerInfo server;
    HostResolver resolver;
    QTimer connectTimer;
    QTimer reconnectTimer;
    int reconnectAttempt = 0;
    bool reconnecting = false;
    bool autoReconnect = true;
    int connectTimeoutMs = -1; // -1: from connect_timeout or the default
    bool cancelInFlight = false;
    quint64 nextId = 1;
    quint64 generation = 0; // bumped whenever the PGconn goes away
    std::deque<Request> queue;
    std::optional<Request> running;

private:
    void setState(Connection::State next);
    void startConnect(const ConnInfo &resolved);
    void pollConnect();
    void connectFailed(const PgError &error);
    void connected();
    void readSettings();
    void watchSocket(bool read, bool write);
    void teardown();
    void onReadable();
    void onWritable();
    void startNext();
    void flush();
    void drainResults();
    void handleResult(libpq::ResultPtr result);
    void drainCopyOut();
    void finishRunning();
    void drainNotifications();
    void lose(const PgError &error);
    void scheduleReconnect();
    void failQueued(const PgError &error);
    void finish(const Request &request, const PgError &error);
    void refreshReportedParameters();
    int effectiveConnectTimeout() const;
    static void noticeReceiver(void *arg, const PGresult *result);

    std::unique_ptr<QSocketNotifier> readNotifier;
    std::unique_ptr<QSocketNotifier> writeNotifier;
    int socket = -1;
    std::optional<Result::Builder> copyOut;
    PgError lastFatal; // a FATAL the server sent before hanging up
};

} // namespace tusk::core
