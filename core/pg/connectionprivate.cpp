#include "connectionprivate.h"

#include <QFuture>
#include <QPromise>
#include <QThreadPool>

#include <array>

namespace tusk::core {

namespace {
// Pauses between reconnect attempts after a loss; then Tusk gives up and
// waits for the user (or the next request) to ask again.
constexpr std::array reconnectDelaysMs {0, 250, 1000, 2000, 5000, 10000};
constexpr int defaultConnectTimeoutMs = 10000;

// Parameters the server reports on its own (ParameterStatus) that Tusk shows.
const char *const reportedParameters[] = {
    "server_version",
    "server_encoding",
    "client_encoding",
    "application_name",
    "DateStyle",
    "IntervalStyle",
    "TimeZone",
    "integer_datetimes",
    "is_superuser",
    "session_authorization",
    "standard_conforming_strings",
    "default_transaction_read_only",
    "in_hot_standby",
};

// Read once after connecting: identity plus settings that change how Tusk
// advises (lock and statement timeouts, preloaded extensions, ...).
const char *const settingsQuery =
    "SELECT current_database(), current_user, pg_is_in_recovery();"
    "SELECT name, setting FROM pg_settings WHERE name IN ("
    "'max_connections', 'lock_timeout', 'statement_timeout',"
    " 'idle_in_transaction_session_timeout', 'shared_preload_libraries',"
    " 'track_io_timing', 'work_mem', 'shared_buffers', 'wal_level', 'block_size',"
    " 'server_version_num', 'data_directory', 'port')";

PgError cancelledError()
{
    return PgError::client(
        QStringLiteral("canceling statement due to user request"), QStringLiteral("57014"));
}
} // namespace

ConnectionPrivate::ConnectionPrivate(Connection *owner)
    : q(owner)
{
    connectTimer.setSingleShot(true);
    reconnectTimer.setSingleShot(true);
    QObject::connect(&connectTimer, &QTimer::timeout, q, [this] {
        connectFailed(
            PgError::connection(QStringLiteral("timeout expired after %1 ms while connecting to %2")
                                    .arg(effectiveConnectTimeout())
                                    .arg(info.toDisplayString()),
                QStringLiteral("08001")));
    });
    QObject::connect(&reconnectTimer, &QTimer::timeout, q, [this] { open(info, true); });
    QObject::connect(&resolver, &HostResolver::resolved, q,
        [this](const ConnInfo &resolved) { startConnect(resolved); });
    QObject::connect(&resolver, &HostResolver::failed, q, [this](const QString &message) {
        connectFailed(PgError::connection(message, QStringLiteral("08001")));
    });
}

ConnectionPrivate::~ConnectionPrivate()
{
    teardown();
}

void ConnectionPrivate::setState(Connection::State next)
{
    if (state == next)
        return;
    state = next;
    emit q->stateChanged(next);
}

int ConnectionPrivate::effectiveConnectTimeout() const
{
    if (connectTimeoutMs > 0)
        return connectTimeoutMs;
    const int seconds = info.value(QStringLiteral("connect_timeout")).toInt();
    // As in libpq, values below 2 s are raised to 2 s.
    return seconds > 0 ? qMax(seconds, 2) * 1000 : defaultConnectTimeoutMs;
}

void ConnectionPrivate::open(const ConnInfo &target, bool isReconnect)
{
    teardown();
    reconnectTimer.stop();
    info = target;
    reconnecting = isReconnect;
    server = ServerInfo();
    setState(Connection::State::Connecting);
    connectTimer.start(effectiveConnectTimeout());

    ConnInfo effective = target;
    if (!effective.contains(QStringLiteral("fallback_application_name")))
        effective.setValue(QStringLiteral("fallback_application_name"), QStringLiteral("tusk"));
    if (!effective.contains(QStringLiteral("client_encoding")))
        effective.setValue(QStringLiteral("client_encoding"), QStringLiteral("UTF8"));
    // Notice a silently dropped network within about a minute.
    if (!effective.contains(QStringLiteral("keepalives_idle")))
        effective.setValue(QStringLiteral("keepalives_idle"), QStringLiteral("30"));
    if (HostResolver::needsLookup(effective))
        resolver.resolve(effective);
    else
        startConnect(effective);
}

void ConnectionPrivate::startConnect(const ConnInfo &resolved)
{
    const auto params = resolved.libpqParameters();
    std::vector<const char *> keywords, values;
    for (const auto &[k, v] : params) {
        keywords.push_back(k.constData());
        values.push_back(v.constData());
    }
    keywords.push_back(nullptr);
    values.push_back(nullptr);
    conn = PQconnectStartParams(keywords.data(), values.data(), 0);
    if (!conn) {
        connectFailed(PgError::client(QStringLiteral("out of memory")));
        return;
    }
    PQsetNoticeReceiver(conn, &ConnectionPrivate::noticeReceiver, this);
    if (PQstatus(conn) == CONNECTION_BAD) {
        connectFailed(libpq::toConnectionError(conn, QStringLiteral("08001")));
        return;
    }
    // libpq: behave as if PQconnectPoll last said "writing".
    watchSocket(false, true);
}

void ConnectionPrivate::pollConnect()
{
    switch (PQconnectPoll(conn)) {
    case PGRES_POLLING_READING:
        watchSocket(true, false);
        break;
    case PGRES_POLLING_WRITING:
        watchSocket(false, true);
        break;
    case PGRES_POLLING_OK:
        connected();
        break;
    case PGRES_POLLING_FAILED:
    default:
        connectFailed(libpq::toConnectionError(conn, QStringLiteral("08001")));
        break;
    }
}

void ConnectionPrivate::connectFailed(const PgError &error)
{
    teardown();
    if (reconnecting && reconnectAttempt < int(reconnectDelaysMs.size())) {
        scheduleReconnect();
        return;
    }
    reconnecting = false;
    reconnectAttempt = 0;
    setState(Connection::State::Disconnected);
    failQueued(error);
    emit q->openFailed(error);
}

void ConnectionPrivate::connected()
{
    connectTimer.stop();
    PQsetnonblocking(conn, 1);
    watchSocket(true, false);
    server.versionNumber = PQserverVersion(conn);
    server.backendPid = PQbackendPID(conn);
    refreshReportedParameters();
    server.version = server.settings.value(QStringLiteral("server_version"));
    readSettings();
}

void ConnectionPrivate::readSettings()
{
    Request request;
    request.id = nextId++;
    request.sql = settingsQuery;
    request.internal = [this](const QList<Result> &results, const PgError &error) {
        if (error.isConnectionFailure())
            return; // lose() has already taken over
        if (!results.isEmpty() && results.first().rowCount() == 1) {
            const Result &who = results.first();
            server.database = who.text(0, 0);
            server.user = who.text(0, 1);
            server.inRecovery = who.value(0, 2).toBool();
        }
        if (results.size() > 1) {
            for (int r = 0; r < results.at(1).rowCount(); ++r)
                server.settings.insert(results.at(1).text(r, 0), results.at(1).text(r, 1));
        }
        reconnecting = false;
        reconnectAttempt = 0;
        setState(Connection::State::Ready);
        emit q->opened(server);
    };
    // Sent ahead of any queued request while the state still says
    // Connecting; the connection counts as open once the answer is in.
    running = std::move(request);
    if (!PQsendQuery(conn, running->sql.constData())) {
        running.reset();
        connectFailed(libpq::toConnectionError(conn, QStringLiteral("08006")));
        return;
    }
    flush();
}

void ConnectionPrivate::refreshReportedParameters()
{
    for (const char *name : reportedParameters) {
        if (const char *value = PQparameterStatus(conn, name))
            server.settings.insert(QString::fromLatin1(name), QString::fromUtf8(value));
    }
}

void ConnectionPrivate::watchSocket(bool read, bool write)
{
    const int fd = conn ? PQsocket(conn) : -1;
    if (fd != socket) {
        // libpq opens a new socket for each host it tries.
        readNotifier.reset();
        writeNotifier.reset();
        socket = fd;
        if (fd >= 0) {
            readNotifier = std::make_unique<QSocketNotifier>(fd, QSocketNotifier::Read);
            writeNotifier = std::make_unique<QSocketNotifier>(fd, QSocketNotifier::Write);
            QObject::connect(
                readNotifier.get(), &QSocketNotifier::activated, q, [this] { onReadable(); });
            QObject::connect(
                writeNotifier.get(), &QSocketNotifier::activated, q, [this] { onWritable(); });
        }
    }
    if (readNotifier)
        readNotifier->setEnabled(read);
    if (writeNotifier)
        writeNotifier->setEnabled(write);
}

void ConnectionPrivate::teardown()
{
    connectTimer.stop();
    resolver.abandon();
    // Notifiers go before the socket they watch is closed by PQfinish.
    readNotifier.reset();
    writeNotifier.reset();
    socket = -1;
    copyOut.reset();
    lastFatal = PgError();
    if (conn) {
        PQfinish(conn);
        conn = nullptr;
        ++generation;
    }
}

void ConnectionPrivate::onReadable()
{
    if (!conn)
        return;
    if (state == Connection::State::Connecting && !running) {
        pollConnect();
        return;
    }
    if (!PQconsumeInput(conn)) {
        const quint64 gen = generation;
        drainResults(); // whatever arrived before the socket died
        if (gen == generation && conn)
            lose(libpq::toConnectionError(conn, QStringLiteral("08006")));
        return;
    }
    const quint64 gen = generation;
    drainResults();
    if (gen != generation || !conn)
        return;
    drainNotifications();
    if (gen == generation && conn && PQstatus(conn) == CONNECTION_BAD)
        lose(libpq::toConnectionError(conn, QStringLiteral("08006")));
}

void ConnectionPrivate::onWritable()
{
    if (!conn)
        return;
    if (state == Connection::State::Connecting && !running)
        pollConnect();
    else
        flush();
}

void ConnectionPrivate::flush()
{
    switch (PQflush(conn)) {
    case 0:
        watchSocket(true, false);
        break;
    case 1:
        watchSocket(true, true);
        break;
    default:
        lose(libpq::toConnectionError(conn, QStringLiteral("08006")));
        break;
    }
}

quint64 ConnectionPrivate::enqueue(Request request)
{
    request.id = nextId++;
    const quint64 id = request.id;
    queue.push_back(std::move(request));
    switch (state) {
    case Connection::State::Ready:
        startNext();
        break;
    case Connection::State::Lost:
        if (!reconnectTimer.isActive())
            open(info, true);
        break;
    case Connection::State::Disconnected:
        // Finish asynchronously so the caller has the id before the signal.
        QMetaObject::invokeMethod(
            q,
            [this] {
                if (state == Connection::State::Disconnected)
                    failQueued(
                        PgError::client(QStringLiteral("not connected"), QStringLiteral("08003")));
            },
            Qt::QueuedConnection);
        break;
    case Connection::State::Connecting:
    case Connection::State::Busy:
        break;
    }
    return id;
}

void ConnectionPrivate::startNext()
{
    if (state != Connection::State::Ready || running || queue.empty() || cancelInFlight)
        return;
    running = std::move(queue.front());
    queue.pop_front();
    setState(Connection::State::Busy);
    int sent = 0;
    if (running->useParams) {
        std::vector<const char *> values;
        for (int i = 0; i < running->params.size(); ++i)
            values.push_back(
                running->paramIsNull.at(i) ? nullptr : running->params.at(i).constData());
        sent = PQsendQueryParams(conn, running->sql.constData(), int(values.size()), nullptr,
            values.data(), nullptr, nullptr, 0);
    } else {
        sent = PQsendQuery(conn, running->sql.constData());
    }
    if (!sent) {
        const PgError error = libpq::toConnectionError(conn, QStringLiteral("08006"));
        if (PQstatus(conn) == CONNECTION_BAD) {
            lose(error);
        } else {
            running->error = error;
            finishRunning();
        }
        return;
    }
    flush();
}

void ConnectionPrivate::drainResults()
{
    const quint64 gen = generation;
    while (conn && running && gen == generation) {
        if (copyOut) {
            drainCopyOut();
            if (copyOut)
                return; // more rows to come
            continue;
        }
        if (PQisBusy(conn))
            return;
        libpq::ResultPtr result(PQgetResult(conn));
        if (!result) {
            finishRunning();
            return;
        }
        handleResult(std::move(result));
    }
}

void ConnectionPrivate::handleResult(libpq::ResultPtr result)
{
    const auto deliver = [this](const Result &value) {
        if (running->cancelled)
            return; // stale: nobody waits for it any more
        if (running->internal)
            running->collected.append(value);
        else
            emit q->resultReady(running->id, value);
    };
    switch (PQresultStatus(result.get())) {
    case PGRES_TUPLES_OK:
    case PGRES_COMMAND_OK:
    case PGRES_EMPTY_QUERY:
        deliver(libpq::toResult(result.get()));
        break;
    case PGRES_COPY_OUT:
        copyOut.emplace();
        copyOut->addColumn({QStringLiteral("copy"), 25, -1, 0, 0});
        break;
    case PGRES_COPY_IN:
        // Data for COPY FROM STDIN would have to come from the client; the
        // server is told so and answers with an error.
        PQputCopyEnd(conn, "COPY FROM STDIN is not supported here; use \\copy in psql");
        flush();
        break;
    default: {
        PgError error = libpq::toError(result.get());
        if (running->error.isNull())
            running->error = error;
        break;
    }
    }
}

void ConnectionPrivate::drainCopyOut()
{
    for (;;) {
        char *line = nullptr;
        const int length = PQgetCopyData(conn, &line, 1);
        if (length > 0) {
            QByteArray row(line, length);
            PQfreemem(line);
            if (row.endsWith('\n'))
                row.chop(1);
            copyOut->appendCell(QString::fromUtf8(row), false);
            copyOut->endRow();
            continue;
        }
        if (length == 0)
            return; // would block: wait for the socket
        Result rows = copyOut->build();
        copyOut.reset();
        if (running && !running->cancelled) {
            if (running->internal)
                running->collected.append(rows);
            else
                emit q->resultReady(running->id, rows);
        }
        return;
    }
}

void ConnectionPrivate::finishRunning()
{
    Request request = std::move(*running);
    running.reset();
    if (state == Connection::State::Busy)
        setState(Connection::State::Ready);
    if (conn)
        refreshReportedParameters();
    if (request.cancelled && request.error.isNull())
        request.error = cancelledError();
    const quint64 gen = generation;
    finish(request, request.error);
    if (gen == generation)
        startNext();
}

void ConnectionPrivate::drainNotifications()
{
    while (conn) {
        PGnotify *n = PQnotifies(conn);
        if (!n)
            return;
        const QString channel = QString::fromUtf8(n->relname);
        const QString payload = QString::fromUtf8(n->extra);
        const int pid = n->be_pid;
        PQfreemem(n);
        emit q->notification(channel, payload, pid);
    }
}

void ConnectionPrivate::lose(const PgError &libpqError)
{
    // The server's own last words ("terminating connection due to
    // administrator command") say more than libpq's "server closed the
    // connection unexpectedly".
    const PgError error = lastFatal.isNull() ? libpqError : lastFatal;
    const bool wasConnecting = state == Connection::State::Connecting;
    std::optional<Request> request = std::move(running);
    running.reset();
    teardown();
    if (wasConnecting) {
        connectFailed(error);
        return;
    }
    std::deque<Request> dropped;
    dropped.swap(queue);
    setState(Connection::State::Lost);
    if (autoReconnect) {
        reconnecting = true;
        reconnectAttempt = 0;
        scheduleReconnect();
    }
    // State first, signals after: a slot that queues a new request now has
    // it run after the reconnect.
    if (request)
        finish(*request, request->error.isNull() ? error : request->error);
    for (const Request &r : dropped)
        finish(r, error);
    emit q->lost(error);
}

void ConnectionPrivate::scheduleReconnect()
{
    setState(Connection::State::Lost);
    reconnectTimer.start(reconnectDelaysMs[reconnectAttempt]);
    ++reconnectAttempt;
}

void ConnectionPrivate::failQueued(const PgError &error)
{
    std::deque<Request> dropped;
    dropped.swap(queue);
    for (const Request &request : dropped)
        finish(request, error);
}

void ConnectionPrivate::finish(const Request &request, const PgError &error)
{
    if (request.internal)
        request.internal(request.cancelled ? QList<Result>() : request.collected, error);
    else
        emit q->requestFinished(request.id, error);
}

void ConnectionPrivate::close(const PgError &reason)
{
    reconnectTimer.stop();
    reconnecting = false;
    reconnectAttempt = 0;
    std::optional<Request> request = std::move(running);
    running.reset();
    teardown();
    std::deque<Request> dropped;
    dropped.swap(queue);
    setState(Connection::State::Disconnected);
    if (request)
        finish(*request, reason);
    for (const Request &r : dropped)
        finish(r, reason);
}

void ConnectionPrivate::cancel()
{
    switch (state) {
    case Connection::State::Connecting:
    case Connection::State::Lost: {
        const PgError error = PgError::client(
            QStringLiteral("connection attempt cancelled"), QStringLiteral("57014"));
        reconnecting = false;
        reconnectTimer.stop();
        teardown();
        running.reset();
        setState(Connection::State::Disconnected);
        failQueued(cancelledError());
        emit q->openFailed(error);
        return;
    }
    case Connection::State::Busy:
        break;
    case Connection::State::Ready:
    case Connection::State::Disconnected:
        failQueued(cancelledError());
        return;
    }

    failQueued(cancelledError());
    if (!running || running->cancelled)
        return;
    running->cancelled = true;
    if (cancelInFlight)
        return;
    // PQcancel opens its own connection to the server and waits for it, so
    // it runs on a pool thread. Until it is done no new request starts, so
    // the cancel cannot hit the wrong statement.
    libpq::CancelPtr handle(PQgetCancel(conn));
    if (!handle)
        return;
    cancelInFlight = true;
    auto promise = std::make_shared<QPromise<QString>>();
    promise->start();
    promise->future().then(q, [this](const QString &failure) {
        cancelInFlight = false;
        if (!failure.isEmpty()) {
            PgError warning =
                PgError::client(QStringLiteral("could not send the cancel request: ") + failure);
            warning.severity = QStringLiteral("WARNING");
            emit q->notice(warning);
        }
        startNext();
    });
    QThreadPool::globalInstance()->start(
        [promise, cancel = std::shared_ptr<PGcancel>(handle.release(), PQfreeCancel)] {
            char message[256] = {};
            const bool sent = PQcancel(cancel.get(), message, sizeof message);
            promise->addResult(sent ? QString() : QString::fromUtf8(message).trimmed());
            promise->finish();
        });
}

void ConnectionPrivate::noticeReceiver(void *arg, const PGresult *result)
{
    auto *self = static_cast<ConnectionPrivate *>(arg);
    const PgError notice = libpq::toError(result);
    if (notice.severity == QLatin1String("FATAL") || notice.severity == QLatin1String("PANIC")) {
        self->lastFatal = notice;
        self->lastFatal.origin = PgError::Origin::Connection;
    }
    emit self->q->notice(notice);
}

} // namespace tusk::core
