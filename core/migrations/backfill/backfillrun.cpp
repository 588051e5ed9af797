#include "backfillrun.h"

#include "core/pg/connection.h"
#include "core/support/durationtext.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace tusk::core {

namespace {

// Replica lag from the primary's view, and the sessions (not this one)
// queued for a lock on the table: a DDL statement waiting there holds up
// every writer behind it, so the backfill steps aside.
const char *const throttleSql =
    "SELECT (SELECT COALESCE(max(EXTRACT(epoch FROM replay_lag)), 0)::float8\n"
    "        FROM pg_stat_replication) AS lag,\n"
    "    (SELECT count(DISTINCT pid) FROM pg_locks\n"
    "        WHERE NOT granted AND relation = $1::oid AND pid <> pg_backend_pid()) AS waiting";

constexpr int lagRecheckMs = 1000;
constexpr int firstRetryMs = 100;
constexpr int longestRetryMs = 10'000;
constexpr int firstLockBackoffMs = 250;
constexpr int longestLockBackoffMs = 5000;

bool isRetryable(const PgError &error)
{
    return error.sqlState == QLatin1String("55P03") // lock_not_available
        || error.sqlState == QLatin1String("40P01") // deadlock_detected
        || error.sqlState == QLatin1String("40001"); // serialization_failure
}

QStringList jsonList(const QString &text)
{
    QStringList list;
    for (const QJsonValue &value : QJsonDocument::fromJson(text.toUtf8()).array())
        list.append(value.toString());
    return list;
}

qint64 number(const Result &r, const char *column)
{
    return r.text(0, r.columnIndex(QString::fromLatin1(column))).toLongLong();
}

bool flag(const Result &r, const char *column)
{
    return r.text(0, r.columnIndex(QString::fromLatin1(column))) == QLatin1String("t");
}

PgError sessionLost(const PgError &error)
{
    return error.explained(QStringLiteral("the backfill's session was lost (%1); what committed "
                                          "is in tusk_rollout.backfill: resume to go on")
                               .arg(error.message));
}

QString text(const Result &r, const char *column)
{
    return r.text(0, r.columnIndex(QString::fromLatin1(column)));
}

} // namespace

BackfillRun::BackfillRun(QObject *parent)
    : QObject(parent)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &BackfillRun::next);
}

BackfillRun::~BackfillRun() = default;

bool BackfillRun::isRunning() const
{
    return m_started && !m_progress.isOver();
}

void BackfillRun::start(const ConnInfo &info, const BackfillSpec &spec, bool resume)
{
    if (m_started)
        return;
    m_started = true;
    m_spec = spec;
    m_resume = resume;
    m_clock.start();
    const QStringList problems = spec.validate();
    if (!problems.isEmpty()) {
        // Later, so a caller that connects after start() still hears it.
        const PgError error =
            PgError::client(problems.join(QStringLiteral("; ")), QStringLiteral("22023"));
        QMetaObject::invokeMethod(
            this, [this, error] { finish(error); }, Qt::QueuedConnection);
        return;
    }
    ConnInfo session = info;
    session.setValue(QStringLiteral("application_name"), applicationName());
    m_connection = std::make_unique<Connection>();
    // A session someone ended (pg_terminate_backend) is taken as a stop:
    // the progress row holds what committed, and a resume goes on.
    m_connection->setAutoReconnect(false);
    connect(m_connection.get(), &Connection::opened, this, &BackfillRun::prepare);
    connect(m_connection.get(), &Connection::openFailed, this, &BackfillRun::finish);
    connect(m_connection.get(), &Connection::lost, this,
        [this](const PgError &error) { finish(sessionLost(error)); });
    setState(BackfillProgress::State::Connecting,
        QStringLiteral("connecting to %1").arg(info.toDisplayString()));
    m_connection->open(session);
}

void BackfillRun::prepare()
{
    setState(BackfillProgress::State::Preparing,
        QStringLiteral("reading %1").arg(m_spec.qualifiedTable()));
    // For the whole session: the batches and the DDL below alike.
    m_connection->execute(QStringLiteral("SELECT set_config('lock_timeout', $1, false)"),
        {QStringLiteral("%1ms").arg(m_spec.lockTimeoutMs)}, this,
        [this](const QList<Result> &, const PgError &error) {
            if (m_progress.isOver())
                return;
            if (!error.isNull())
                return finish(error);
            BackfillTarget::read(*m_connection, m_spec, this,
                [this](const BackfillTarget &target, const PgError &readError) {
                    if (m_progress.isOver())
                        return;
                    if (!readError.isNull())
                        return finish(readError);
                    m_target = target;
                    m_spec.keyColumns = target.keyColumns;
                    m_progress.rowsTotalEstimate =
                        target.reltuples >= 0 ? qint64(target.reltuples) : -1;
                    if (target.progressTableExists)
                        return checkStatement();
                    m_connection->execute(BackfillSpec::progressTableSql(), {}, this,
                        [this](const QList<Result> &, const PgError &ddlError) {
                            if (m_progress.isOver())
                                return;
                            if (!ddlError.isNull())
                                return finish(ddlError.explained(
                                    QStringLiteral("the progress table tusk_rollout.backfill "
                                                   "could not be created: %1")
                                        .arg(ddlError.message)));
                            checkStatement();
                        });
                });
        });
}

// The batch statement planned once before any progress row is written: a
// set clause or predicate the server refuses fails here, leaving nothing
// to clean up.
void BackfillRun::checkStatement()
{
    m_connection->execute(QStringLiteral("EXPLAIN (COSTS OFF) ") + m_spec.batchSql(),
        {m_spec.name, step()}, this, [this](const QList<Result> &, const PgError &error) {
            if (m_progress.isOver())
                return;
            if (!error.isNull())
                return finish(
                    error.explained(QStringLiteral("the batch statement on %1 does not plan: %2")
                                        .arg(m_target.qualifiedName, error.message)));
            readProgressRow(false);
        });
}

void BackfillRun::readProgressRow(bool inserted)
{
    m_connection->execute(BackfillSpec::readProgressSql(), {m_spec.name}, this,
        [this, inserted](const QList<Result> &results, const PgError &error) {
            if (m_progress.isOver())
                return;
            if (!error.isNull())
                return finish(error);
            const Result row = results.value(0);
            if (row.rowCount() > 0) {
                if (inserted)
                    m_resume = true; // ours: nothing to refuse
                return takeProgressRow(row);
            }
            if (inserted)
                return finish(PgError::client(
                    QStringLiteral("the progress row of backfill %1 could not be written")
                        .arg(m_spec.name),
                    QStringLiteral("55000")));
            const QString keys =
                QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(m_spec.keyColumns))
                                      .toJson(QJsonDocument::Compact));
            m_connection->execute(BackfillSpec::insertProgressSql(),
                {m_spec.name, m_spec.qualifiedTable(), m_spec.set.trimmed(),
                    m_spec.effectivePredicate(), keys},
                this, [this](const QList<Result> &, const PgError &insertError) {
                    if (m_progress.isOver())
                        return;
                    if (!insertError.isNull())
                        return finish(insertError);
                    readProgressRow(true);
                });
        });
}

void BackfillRun::takeProgressRow(const Result &row)
{
    const QString table = text(row, "table_name");
    const QString set = text(row, "set_clause");
    const QString predicate = text(row, "predicate");
    const QStringList keys = jsonList(text(row, "key_columns"));
    // One name, one backfill: going on with another statement would mix
    // two walks in one progress row.
    if (table != m_target.qualifiedName || set != m_spec.set.trimmed()
        || predicate != m_spec.effectivePredicate() || keys != m_spec.keyColumns)
        return finish(PgError::client(
            QStringLiteral("backfill %1 belongs to UPDATE %2 SET %3 WHERE %4 (walked by %5): "
                           "run this one under a new name")
                .arg(m_spec.name, table, set, predicate,
                    keys.isEmpty() ? QStringLiteral("ctid") : keys.join(QStringLiteral(", "))),
            QStringLiteral("55000")));
    m_progress.rowsDone = number(row, "rows_done");
    m_progress.batches = int(number(row, "batches"));
    m_progress.lastKey = text(row, "last_key");
    m_rowsAtStart = m_progress.rowsDone;
    m_rowsSeen = number(row, "rows_seen");
    m_endPage = number(row, "end_page");
    if (flag(row, "finished"))
        return finish({});
    if (!m_resume)
        return finish(PgError::client(
            QStringLiteral("backfill %1 was started before and is not finished (%2 rows done in "
                           "%3 batches): resume it (tusk rollout backfill --resume), or start "
                           "again under a new name")
                .arg(m_spec.name)
                .arg(m_progress.rowsDone)
                .arg(m_progress.batches),
            QStringLiteral("55000")));
    m_batchSql = m_spec.batchSql();
    m_looping = true;
    m_rate.add(m_clock.elapsed(), m_progress.rowsDone, walked());
    setState(BackfillProgress::State::Running,
        m_progress.batches > 0
            ? QStringLiteral("resuming after %1 batches").arg(m_progress.batches)
            : QStringLiteral("starting, walking by %1")
                  .arg(m_spec.keyColumns.isEmpty() ? QStringLiteral("ctid")
                                                   : m_spec.keyColumns.join(QStringLiteral(", "))));
    scheduleNext(0);
}

void BackfillRun::scheduleNext(int delayMs)
{
    if (m_progress.isOver())
        return;
    if (m_paused) {
        m_timer.stop();
        if (m_progress.state != BackfillProgress::State::Paused)
            setState(BackfillProgress::State::Paused, QStringLiteral("paused"));
        return;
    }
    m_timer.start(std::max(0, delayMs));
}

void BackfillRun::next()
{
    if (m_progress.isOver() || m_busy)
        return;
    if (m_paused)
        return scheduleNext(0);
    m_busy = true;
    m_connection->execute(QString::fromLatin1(throttleSql), {m_target.oid}, this,
        [this](const QList<Result> &results, const PgError &error) {
            m_busy = false;
            if (m_progress.isOver())
                return;
            if (!error.isNull())
                return batchFailed(error);
            if (m_stopping)
                return finish(stoppedError());
            const Result r = results.value(0);
            const double lag = r.value(0, QStringLiteral("lag")).toDouble();
            const qint64 waiting = r.value(0, QStringLiteral("waiting")).toLongLong();
            if (lag > m_spec.maxReplicaLagSeconds) {
                setState(BackfillProgress::State::Waiting,
                    QStringLiteral("waiting: replica lag %1 s is over %2 s")
                        .arg(lag, 0, 'f', 1)
                        .arg(m_spec.maxReplicaLagSeconds));
                return scheduleNext(lagRecheckMs);
            }
            if (waiting > 0) {
                m_lockBackoffMs = m_lockBackoffMs == 0
                    ? firstLockBackoffMs
                    : std::min(m_lockBackoffMs * 2, longestLockBackoffMs);
                setState(BackfillProgress::State::Waiting,
                    QStringLiteral("backing off %1: %2 session(s) wait for a lock on %3")
                        .arg(durationText(m_lockBackoffMs))
                        .arg(waiting)
                        .arg(m_target.qualifiedName));
                return scheduleNext(m_lockBackoffMs);
            }
            m_lockBackoffMs = 0;
            if (m_paused)
                return scheduleNext(0);
            runBatch();
        });
}

void BackfillRun::runBatch()
{
    m_busy = true;
    QElapsedTimer timer;
    timer.start();
    m_connection->execute(m_batchSql, {m_spec.name, step()}, this,
        [this, timer](const QList<Result> &results, const PgError &error) {
            m_busy = false;
            if (m_progress.isOver())
                return;
            if (!error.isNull())
                return batchFailed(error);
            batchDone(results.value(0), timer.elapsed());
        });
}

void BackfillRun::batchDone(const Result &row, qint64 ms)
{
    m_retriesInARow = 0;
    if (!flag(row, "progressed")) {
        // No unfinished row of this name any more: another run (the
        // procedure, say) finished it meanwhile, or it was deleted.
        m_connection->execute(BackfillSpec::readProgressSql(), {m_spec.name}, this,
            [this](const QList<Result> &results, const PgError &error) {
                if (m_progress.isOver())
                    return;
                const Result r = results.value(0);
                if (error.isNull() && r.rowCount() > 0 && flag(r, "finished")) {
                    m_progress.rowsDone = number(r, "rows_done");
                    m_progress.batches = int(number(r, "batches"));
                    return finish({});
                }
                finish(
                    error.isNull() ? PgError::client(
                        QStringLiteral("the progress row of backfill %1 is gone").arg(m_spec.name),
                        QStringLiteral("55000"))
                                   : error);
            });
        return;
    }
    const qint64 updated = number(row, "updated");
    const qint64 seen = number(row, "seen");
    m_progress.rowsDone = number(row, "rows_done");
    m_rowsSeen = number(row, "rows_seen");
    m_progress.batches = int(number(row, "batches"));
    m_progress.lastKey = text(row, "last_key");
    m_progress.rowsThisRun = m_progress.rowsDone - m_rowsAtStart;
    m_progress.lastBatchMs = ms;
    m_progress.longestBatchMs = std::max(m_progress.longestBatchMs, ms);
    m_rate.add(m_clock.elapsed(), m_progress.rowsDone, walked());
    m_progress.rowsPerSecond = m_rate.rowsPerSecond();
    m_progress.etaSeconds = m_rate.etaSeconds();
    if (flag(row, "finished"))
        return finish({});
    QString status = m_spec.keyColumns.isEmpty()
        ? QStringLiteral("batch %1: %2 rows updated in %3")
              .arg(m_progress.batches)
              .arg(updated)
              .arg(durationText(ms))
        : QStringLiteral("batch %1: %2 of %3 rows updated in %4")
              .arg(m_progress.batches)
              .arg(updated)
              .arg(seen)
              .arg(durationText(ms));
    // Past the end read at the start the walk looks for rows moved or
    // added there (its own new versions among them) until a range is empty.
    if (m_spec.keyColumns.isEmpty() && walked() >= 1.0)
        status += QStringLiteral("; past the start's last page (%1), until a range is empty")
                      .arg(m_endPage);
    setState(BackfillProgress::State::Running, status);
    scheduleNext(m_spec.pauseMs);
}

void BackfillRun::batchFailed(const PgError &error)
{
    if (m_stopping && error.isCancellation())
        return finish(stoppedError());
    if (error.isConnectionFailure())
        return finish(sessionLost(error));
    if (isRetryable(error) && m_retriesInARow < m_spec.maxRetries && !m_stopping) {
        ++m_retriesInARow;
        ++m_progress.retries;
        const int delay =
            std::min(firstRetryMs << std::min(m_retriesInARow - 1, 16), longestRetryMs);
        setState(BackfillProgress::State::Waiting,
            QStringLiteral("retrying in %1 after %2 (%3), attempt %4 of %5")
                .arg(durationText(delay), error.message, error.sqlState)
                .arg(m_retriesInARow)
                .arg(m_spec.maxRetries));
        return scheduleNext(delay);
    }
    finish(error.explained(QStringLiteral("batch %1 of backfill %2 failed: %3")
                               .arg(m_progress.batches + 1)
                               .arg(m_spec.name, error.message)));
}

qint64 BackfillRun::step() const
{
    if (!m_spec.keyColumns.isEmpty())
        return m_spec.batchSize;
    return BackfillSpec::pagesPerBatch(m_spec.batchSize, m_target.reltuples, m_target.relpages);
}

// How far the walk is through the table, 0 to 1; negative when unknown.
double BackfillRun::walked() const
{
    if (m_spec.keyColumns.isEmpty()) {
        const qint64 page = QJsonDocument::fromJson(m_progress.lastKey.toUtf8())
                                .object()
                                .value(u"page")
                                .toInteger();
        return m_endPage > 0 ? std::min(1.0, double(page) / double(m_endPage)) : 1.0;
    }
    if (m_target.reltuples <= 0)
        return -1;
    return std::min(1.0, double(m_rowsSeen) / m_target.reltuples);
}

void BackfillRun::pause()
{
    if (!isRunning() || m_paused)
        return;
    m_paused = true;
    if (!m_busy && m_looping)
        scheduleNext(0);
}

void BackfillRun::resume()
{
    if (!isRunning() || !m_paused)
        return;
    m_paused = false;
    // The pause is no part of the pace.
    m_rate.reset();
    m_rate.add(m_clock.elapsed(), m_progress.rowsDone, walked());
    if (!m_looping || m_busy)
        return;
    setState(BackfillProgress::State::Running, QStringLiteral("resumed"));
    scheduleNext(0);
}

void BackfillRun::setBatchSize(int rows)
{
    if (rows >= 1)
        m_spec.batchSize = rows;
}

void BackfillRun::setPauseMs(int milliseconds)
{
    if (milliseconds >= 0)
        m_spec.pauseMs = milliseconds;
}

void BackfillRun::stop()
{
    if (!isRunning())
        return;
    m_stopping = true;
    if (m_busy)
        m_connection->cancel(); // the reply ends with 57014, then finish()
    else
        finish(stoppedError());
}

PgError BackfillRun::stoppedError() const
{
    return PgError::cancelled().explained(
        QStringLiteral("backfill %1 stopped; what committed is kept: resume it to go on")
            .arg(m_spec.name));
}

void BackfillRun::setState(BackfillProgress::State state, const QString &status)
{
    m_progress.state = state;
    m_progress.status = status;
    m_progress.elapsedSeconds = double(m_clock.elapsed()) / 1000.0;
    emit progress(m_progress);
}

void BackfillRun::finish(const PgError &error)
{
    if (m_progress.isOver())
        return;
    m_timer.stop();
    m_error = error;
    if (error.isNull()) {
        m_progress.etaSeconds = 0;
        setState(BackfillProgress::State::Finished,
            QStringLiteral("done: %1 rows updated in %2 batches")
                .arg(m_progress.rowsDone)
                .arg(m_progress.batches));
    } else {
        setState(BackfillProgress::State::Failed, error.message);
    }
    if (m_connection)
        m_connection->close();
    emit finished(error);
}

} // namespace tusk::core
