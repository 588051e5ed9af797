#include "connectionprivate.h"

#include "ownsessions.h"

#include "networkthreadpool.h"

#include <QFuture>
#include <QPromise>
#include <QThreadPool>

#include <array>

namespace tusk::core {

namespace {
// Pauses between reconnect attempts after a loss. Then what waits for the
// session fails, and while the server seems away (a restart, a failover)
// one attempt every slowReconnectMs follows, so a session comes back by
// itself however long the outage; other failures (a password, a database
// dropped) end the attempts.
constexpr std::array reconnectDelaysMs {0, 250, 1000, 2000, 5000, 10000};
constexpr int slowReconnectMs = 10000;

// Failures that go away when the server is back: connection exceptions
// (refused, no socket, no answer), the server shutting down or starting up
// (57P01-57P03), too many connections.
bool serverMayComeBack(const PgError &error)
{
    return error.sqlState.startsWith(QLatin1String("08"))
        || error.sqlState.startsWith(QLatin1String("57P"))
        || error.sqlState == QLatin1String("53300");
}

constexpr int defaultConnectTimeoutMs = 10000;
constexpr int cancelTimeoutMs = 10000;

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

// Options Tusk sets unless the profile does.
const char *const defaultOptions[][2] = {
    {"fallback_application_name", "tusk"},
    {"client_encoding", "UTF8"},
    // A silently dropped network is noticed after about a minute
    // (30 s idle + 3 probes 10 s apart) instead of the kernel's two hours.
    {"keepalives_idle", "30"},
    {"keepalives_interval", "10"},
    {"keepalives_count", "3"},
};
} // namespace

ConnectionPrivate::ConnectionPrivate(Connection *owner)
    : q(owner)
{
    connectTimer.setSingleShot(true);
    // A coarse timer may fire 5 % early: connect_timeout is a minimum.
    connectTimer.setTimerType(Qt::PreciseTimer);
    reconnectTimer.setSingleShot(true);
    QObject::connect(&connectTimer, &QTimer::timeout, q, [this] {
        connectFailed(PgError::connection(connectTimeoutMessage(), QStringLiteral("08001")));
    });
    QObject::connect(&reconnectTimer, &QTimer::timeout, q, [this] { open(info, true); });
    cancelTimer.setSingleShot(true);
    QObject::connect(&cancelTimer, &QTimer::timeout, q, [this] { cancelTookTooLong(); });
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

// Names the server, the time and where the time came from: a silent server
// (a socket that accepts and never answers, a dropped SYN) looks the same
// as a slow one, and the user's lever is the profile's connect_timeout.
QString ConnectionPrivate::connectTimeoutMessage() const
{
    const QString host = info.host();
    const QString port = info.port().isEmpty() ? QStringLiteral("5432") : info.port();
    QString where;
    if (host.isEmpty())
        where = QStringLiteral("the local socket (port %1)").arg(port);
    else if (host.startsWith(QLatin1Char('/')))
        where = QStringLiteral("%1/.s.PGSQL.%2").arg(host, port);
    else
        where = host + QLatin1Char(':') + port;
    const int ms = effectiveConnectTimeout();
    const QString seconds =
        ms % 1000 == 0 ? QString::number(ms / 1000) : QString::number(ms / 1000.0, 'f', 1);
    QString source = QStringLiteral("Tusk's default connect_timeout");
    if (connectTimeoutMs > 0)
        source = QStringLiteral("Tusk's connect timeout");
    else if (info.value(QStringLiteral("connect_timeout")).toInt() > 0)
        source = QStringLiteral("connect_timeout");
    return QStringLiteral("timeout expired: no answer from %1 within %2 s (%3)")
        .arg(where, seconds, source);
}

void ConnectionPrivate::open(const ConnInfo &target, bool isReconnect)
{
    const quint64 attempt = ++openAttempt;
    // A request of the old session cannot survive it; queued ones wait for
    // the new session.
    std::optional<Request> abandoned = std::move(running);
    running.reset();
    teardown();
    reconnectTimer.stop();
    info = target;
    reconnecting = isReconnect;
    server = ServerInfo();
    connectTimer.start(effectiveConnectTimeout());

    ConnInfo effective = target;
    for (const auto &[key, value] : defaultOptions) {
        if (!effective.contains(QLatin1String(key)))
            effective.setValue(QLatin1String(key), QLatin1String(value));
    }
    // The work starts from the event loop, so that open() never reports a
    // failure before it has returned to its caller.
    QMetaObject::invokeMethod(
        q, [this, attempt, effective] { begin(attempt, effective); }, Qt::QueuedConnection);
    setState(Connection::State::Connecting);
    if (abandoned)
        finish(*abandoned,
            PgError::client(QStringLiteral("the connection was opened anew while the request ran"),
                QStringLiteral("08003")));
}

void ConnectionPrivate::begin(quint64 attempt, const ConnInfo &effective)
{
    if (attempt != openAttempt || state != Connection::State::Connecting)
        return; // closed, cancelled or opened again meanwhile
    // Service files (service=, PGSERVICE) name their hosts where only libpq
    // looks; those few are resolved by libpq itself.
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
    polling = true;
    // libpq: behave as if PQconnectPoll last said "writing".
    watchSocket(false, true);
}

void ConnectionPrivate::pollConnect()
{
    const PostgresPollingStatusType status = PQconnectPoll(conn);
    if (!deliverNotices())
        return;
    switch (status) {
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
    connectTimer.stop();
    running.reset(); // only ever the internal settings query here
    teardown();
    if (reconnecting && reconnectAttempt < int(reconnectDelaysMs.size())) {
        scheduleReconnect();
        return;
    }
    if (reconnecting && autoReconnect && serverMayComeBack(error)) {
        // Requests do not wait minutes for a server; the session does.
        reconnectTimer.start(slowReconnectMs);
        setState(Connection::State::Lost);
        failQueued(error);
        emit q->openFailed(error);
        return;
    }
    reconnecting = false;
    reconnectAttempt = 0;
    ++openAttempt;
    setState(Connection::State::Disconnected);
    failQueued(error);
    emit q->openFailed(error);
}

void ConnectionPrivate::connected()
{
    polling = false;
    PQsetnonblocking(conn, 1);
    watchSocket(true, false);
    server.versionNumber = PQserverVersion(conn);
    server.backendPid = PQbackendPID(conn);
    ownKey = OwnSessions::serverKey(info.host(), info.port());
    OwnSessions::add(ownKey, server.backendPid);
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
        settingsRead(results, error);
    };
    // Sent ahead of any queued request while the state still says
    // Connecting; the connection counts as open once the answer is in.
    running = std::move(request);
    if (!PQsendQuery(conn, running->sql.constData())) {
        connectFailed(libpq::toConnectionError(conn, QStringLiteral("08006")));
        return;
    }
    flush();
}

void ConnectionPrivate::settingsRead(const QList<Result> &results, const PgError &error)
{
    if (state != Connection::State::Connecting)
        return;
    if (error.isConnectionFailure()) {
        connectFailed(error);
        return;
    }
    // Any other error (a restricted role, an odd server) leaves the
    // settings unknown but the session usable.
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
    connectTimer.stop();
    reconnecting = false;
    reconnectAttempt = 0;
    setState(Connection::State::Ready);
    if (state == Connection::State::Ready)
        emit q->opened(server);
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
    resolver.abandon();
    // Notifiers go before the socket they watch is closed by PQfinish.
    readNotifier.reset();
    writeNotifier.reset();
    socket = -1;
    copyOut.reset();
    polling = false;
    lastFatal = PgError();
    // A cancel still travelling belongs to the old session.
    cancelInFlight = false;
    cancelTimer.stop();
    if (conn) {
        OwnSessions::remove(ownKey, server.backendPid);
        PQfinish(conn);
        conn = nullptr;
        ++generation;
    }
}

void ConnectionPrivate::onReadable()
{
    if (!conn)
        return;
    if (polling) {
        pollConnect();
        return;
    }
    const quint64 gen = generation;
    if (!PQconsumeInput(conn)) {
        drainResults(); // whatever arrived before the socket died
        if (gen == generation && conn && deliverNotices())
            lose(libpq::toConnectionError(conn, QStringLiteral("08006")));
        return;
    }
    drainResults();
    if (gen != generation || !conn)
        return;
    drainNotifications();
    if (gen != generation || !conn || !deliverNotices())
        return;
    if (PQstatus(conn) == CONNECTION_BAD)
        lose(libpq::toConnectionError(conn, QStringLiteral("08006")));
}

void ConnectionPrivate::onWritable()
{
    if (!conn)
        return;
    if (polling)
        pollConnect();
    else
        flush();
}

void ConnectionPrivate::lose(const PgError &libpqError)
{
    // The server's own last words ("terminating connection due to
    // administrator command") say more than libpq's "server closed the
    // connection unexpectedly".
    const PgError error = lastFatal.isNull() ? libpqError : lastFatal;
    if (state == Connection::State::Connecting) {
        connectFailed(error);
        return;
    }
    std::optional<Request> request = std::move(running);
    running.reset();
    teardown();
    std::deque<Request> dropped;
    dropped.swap(queue);
    ++openAttempt;
    // Timer first, state after: a slot that queues a request on Lost finds
    // the reconnect already under way and its request runs after it.
    if (autoReconnect) {
        reconnecting = true;
        reconnectAttempt = 0;
        reconnectTimer.start(reconnectDelaysMs[reconnectAttempt++]);
    }
    setState(Connection::State::Lost);
    if (request)
        finish(*request, request->error.isNull() ? error : request->error);
    for (const Request &r : dropped)
        finish(r, error);
    emit q->lost(error);
}

void ConnectionPrivate::scheduleReconnect()
{
    reconnectTimer.start(reconnectDelaysMs[reconnectAttempt++]);
    setState(Connection::State::Lost);
}

void ConnectionPrivate::close(const PgError &reason)
{
    ++openAttempt;
    reconnectTimer.stop();
    connectTimer.stop();
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
        ++openAttempt;
        reconnecting = false;
        reconnectTimer.stop();
        connectTimer.stop();
        running.reset();
        teardown();
        setState(Connection::State::Disconnected);
        failQueued(PgError::cancelled());
        emit q->openFailed(PgError::client(
            QStringLiteral("connection attempt cancelled"), QStringLiteral("57014")));
        return;
    }
    case Connection::State::Busy:
        break;
    case Connection::State::Ready:
    case Connection::State::Disconnected:
        failQueued(PgError::cancelled());
        return;
    }

    if (running && !running->cancelled && !cancelInFlight && conn) {
        running->cancelled = true;
        // PQcancel opens its own connection to the server and waits for it,
        // so it runs on a pool thread. Until it is done no new request
        // starts, so the cancel cannot hit the wrong statement.
        if (libpq::CancelPtr handle {PQgetCancel(conn)}) {
            cancelInFlight = true;
            cancelTimer.start(cancelTimeoutMs);
            const quint64 gen = generation;
            auto promise = std::make_shared<QPromise<QString>>();
            promise->start();
            promise->future().then(q, [this, gen](const QString &failure) {
                if (gen != generation || !cancelInFlight)
                    return; // that session is gone, or Tusk gave up on this cancel
                cancelInFlight = false;
                cancelTimer.stop();
                if (!failure.isEmpty()) {
                    PgError warning = PgError::client(
                        QStringLiteral("could not send the cancel request: ") + failure);
                    warning.severity = QStringLiteral("WARNING");
                    emit q->notice(warning);
                }
                startNext();
            });
            NetworkThreadPool::instance()->start(
                [promise, cancel = std::shared_ptr<PGcancel>(handle.release(), PQfreeCancel)] {
                    char message[256] = {};
                    const bool sent = PQcancel(cancel.get(), message, sizeof message);
                    promise->addResult(sent ? QString() : QString::fromUtf8(message).trimmed());
                    promise->finish();
                });
        }
    } else if (running) {
        running->cancelled = true;
    }
    failQueued(PgError::cancelled());
}

// The cancel request opens a connection of its own; on a half-dead network
// it can hang for minutes. A statement still running then is as good as
// lost; one that ended meanwhile lets the queue go on.
void ConnectionPrivate::cancelTookTooLong()
{
    if (!cancelInFlight)
        return;
    cancelInFlight = false;
    if (running) {
        lose(PgError::connection(
            QStringLiteral("the server did not take the cancel request within %1 s")
                .arg(cancelTimeoutMs / 1000),
            QStringLiteral("08006")));
    } else {
        startNext();
    }
}

bool ConnectionPrivate::deliverNotices()
{
    const quint64 gen = generation;
    const quint64 attempt = openAttempt;
    const QList<PgError> notices = std::exchange(pendingNotices, {});
    for (const PgError &notice : notices)
        emit q->notice(notice);
    return gen == generation && attempt == openAttempt;
}

// Called by libpq in the middle of its own parsing: only collect here;
// deliverNotices() emits once libpq has returned.
void ConnectionPrivate::noticeReceiver(void *arg, const PGresult *result)
{
    auto *self = static_cast<ConnectionPrivate *>(arg);
    const PgError notice = libpq::toError(result);
    // A server going down says so as a WARNING, not a FATAL ("terminating
    // connection due to immediate shutdown command", "... because of crash
    // of another server process", SQLSTATE class 57P): those words explain
    // the loss better than libpq's "server closed the connection".
    const bool goingDown = notice.sqlState.startsWith(QLatin1String("57P"));
    if (notice.severity == QLatin1String("FATAL") || notice.severity == QLatin1String("PANIC")
        || goingDown) {
        self->lastFatal = notice;
        self->lastFatal.origin = PgError::Origin::Connection;
        self->lastFatal.severity = QStringLiteral("FATAL"); // the session ends with it
    }
    self->pendingNotices.append(notice);
}

} // namespace tusk::core
