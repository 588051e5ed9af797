#pragma once

// Private to core/pg: the state machine behind Connection. Its lifecycle
// (connect, loss, reconnect, close, cancel, notices) is in
// connectionprivate.cpp, the request queue and result handling in
// connectionrequests.cpp.

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
        // Single-row mode: rows gathered into batches (Connection::stream).
        bool streaming = false;
        int firstBatch = 0;
        int batchRows = 0;
        std::optional<Result::Builder> rows; // the batch being filled
        QList<Result::Column> columns; // of the result set under way
        int rowsInBatch = 0;
        bool batchSent = false; // a batch of this result set went out
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
    QString ownKey; // OwnSessions' key of the server, while a session is open
    Connection::State state = Connection::State::Disconnected;
    ServerInfo server;
    HostResolver resolver;
    QTimer connectTimer; // from open() until opened(): lookup, connect, settings
    QTimer reconnectTimer;
    QTimer cancelTimer; // how long a cancel may travel before Tusk gives up on it
    int reconnectAttempt = 0;
    bool reconnecting = false;
    bool autoReconnect = true;
    int connectTimeoutMs = -1; // -1: from connect_timeout or the default
    bool polling = false; // between PQconnectStart and PGRES_POLLING_OK
    bool cancelInFlight = false;
    quint64 nextId = 1;
    quint64 generation = 0; // bumped whenever the PGconn goes away
    quint64 openAttempt = 0; // bumped by open(), close() and cancel()
    std::deque<Request> queue;
    std::optional<Request> running;

private:
    // lifecycle (connectionprivate.cpp)
    void setState(Connection::State next);
    void begin(quint64 attempt, const ConnInfo &effective);
    void startConnect(const ConnInfo &resolved);
    void pollConnect();
    void connectFailed(const PgError &error);
    void connected();
    void readSettings();
    void settingsRead(const QList<Result> &results, const PgError &error);
    void watchSocket(bool read, bool write);
    void teardown();
    void onReadable();
    void onWritable();
    void lose(const PgError &error);
    void scheduleReconnect();
    void refreshReportedParameters();
    void cancelTookTooLong();
    int effectiveConnectTimeout() const;
    QString connectTimeoutMessage() const;
    bool deliverNotices();
    static void noticeReceiver(void *arg, const PGresult *result);

    // requests (connectionrequests.cpp)
    void startNext();
    void flush();
    void drainResults();
    void handleResult(libpq::ResultPtr result);
    void takeStreamedRow(const PGresult *result);
    void sendBatch(); // the rows gathered so far, as rowsReady
    void drainCopyOut();
    void finishRunning();
    void drainNotifications();
    void failQueued(const PgError &error);
    void finish(const Request &request, const PgError &error);

    std::unique_ptr<QSocketNotifier> readNotifier;
    std::unique_ptr<QSocketNotifier> writeNotifier;
    int socket = -1;
    std::optional<Result::Builder> copyOut;
    PgError lastFatal; // a FATAL the server sent before hanging up
    QList<PgError> pendingNotices; // collected inside libpq, emitted outside it
};

} // namespace tusk::core
