// ConnectionPrivate, second half: the request queue, sending, and turning
// libpq's results into values and signals.

#include "connectionprivate.h"

namespace tusk::core {

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
    if (state != Connection::State::Ready || running || queue.empty() || cancelInFlight || !conn)
        return;
    running = std::move(queue.front());
    queue.pop_front();
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
    // Rows one by one from the first statement on (and from each one the
    // text holds after it); libpq refuses only when called too late.
    if (sent && running->streaming)
        PQsetSingleRowMode(conn);
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
    // State after sending: a slot that closes the connection on Busy finds
    // a consistent object.
    const quint64 gen = generation;
    setState(Connection::State::Busy);
    if (gen == generation && conn)
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
        if (PQisBusy(conn)) {
            deliverNotices();
            return;
        }
        libpq::ResultPtr result(PQgetResult(conn));
        // Notices raised before this result (RAISE NOTICE) come first.
        if (!deliverNotices())
            return;
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
    case PGRES_SINGLE_TUPLE:
        takeStreamedRow(result.get());
        break;
    case PGRES_TUPLES_OK:
        if (running->rows) {
            // The end of a streamed result set: its last rows and its tag.
            libpq::setCommandTag(*running->rows, result.get());
            Result rest = running->rows->build();
            running->rows.reset();
            running->rowsInBatch = 0;
            running->batchSent = false;
            deliver(rest);
            break;
        }
        deliver(libpq::toResult(result.get()));
        break;
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
    default:
        // Rows streamed before the error still reach the caller.
        if (running->rows) {
            sendBatch();
            running->batchSent = false;
        }
        if (running->error.isNull()) {
            running->error = libpq::toError(result.get());
            // libpq's own "server closed the connection unexpectedly" after
            // the server's last words (a WARNING as it shuts down): those
            // words say why.
            if (running->error.origin == PgError::Origin::Connection && !lastFatal.isNull())
                running->error = lastFatal;
        }
        // "terminating connection due to administrator command": the
        // session's last words, for the requests the loss will fail.
        if (running->error.isConnectionFailure() && lastFatal.isNull())
            lastFatal = running->error;
        break;
    }
}

void ConnectionPrivate::takeStreamedRow(const PGresult *result)
{
    Request &r = *running;
    if (!r.rows) {
        r.rows.emplace();
        if (!r.batchSent) // a new result set: its columns
            r.columns = libpq::columns(result);
        for (const Result::Column &column : std::as_const(r.columns))
            r.rows->addColumn(column);
        r.rows->reserveRows(r.batchSent ? r.batchRows : r.firstBatch);
    }
    libpq::appendRow(*r.rows, result, 0);
    ++r.rowsInBatch;
    // The first rows go out at once (something to show), then bigger
    // batches (fewer signals and model updates for a million rows).
    if (r.rowsInBatch >= (r.batchSent ? r.batchRows : r.firstBatch))
        sendBatch();
}

void ConnectionPrivate::sendBatch()
{
    Request &r = *running;
    if (!r.rows || r.rowsInBatch == 0)
        return;
    Result batch = r.rows->build();
    r.rows.reset();
    r.rowsInBatch = 0;
    r.batchSent = true;
    if (!r.cancelled)
        emit q->rowsReady(r.id, batch);
}

void ConnectionPrivate::drainCopyOut()
{
    for (;;) {
        char *line = nullptr;
        const int length = PQgetCopyData(conn, &line, 1);
        if (length > 0) {
            QByteArrayView row(line, length);
            if (row.endsWith('\n'))
                row.chop(1);
            copyOut->appendCell(row, false);
            PQfreemem(line);
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
    if (conn)
        refreshReportedParameters();
    if (request.cancelled && request.error.isNull()) {
        // The server finished before the cancel reached it: whatever the
        // statement did stands, only its replies were dropped.
        request.error = PgError::client(
            QStringLiteral("the statement completed before the cancel reached the server; its "
                           "results were discarded"),
            QStringLiteral("57014"));
    }
    const quint64 gen = generation;
    if (state == Connection::State::Busy)
        setState(Connection::State::Ready);
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

} // namespace tusk::core
