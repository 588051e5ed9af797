#include "catalogsnapshotloader.h"

#include "catalogresultreader.h"

#include "core/pg/connection.h"
#include "core/sql/sqlidentifier.h"

#include <QDateTime>
#include <QFile>
#include <QHash>

#include <utility>

namespace tusk::core {

namespace {
const QString kSavepoint = QStringLiteral("tusk_catalog_kind");

// Every query file, read once (thread-safe static initialisation: loaders
// may run on any thread).
QString sqlFor(const QString &kind)
{
    static const QHash<QString, QString> files = [] {
        QHash<QString, QString> all;
        for (const QString &name :
            CatalogResultReader::kinds() + CatalogResultReader::definitionKinds()) {
            QFile file(QStringLiteral(":/sql/catalog/%1.sql").arg(name));
            if (file.open(QIODevice::ReadOnly))
                all.insert(name, QString::fromUtf8(file.readAll()));
        }
        return all;
    }();
    return files.value(kind);
}

// The costliest first (server time on 10,000 tables, docs/performance.md),
// so two sessions pulling from one queue end close together.
QStringList kindsByCost()
{
    QStringList kinds = {QStringLiteral("relations"), QStringLiteral("columns"),
        QStringLiteral("indexes"), QStringLiteral("constraints"), QStringLiteral("sequences"),
        QStringLiteral("types"), QStringLiteral("functions"), QStringLiteral("triggers")};
    for (const QString &kind : CatalogResultReader::kinds()) {
        if (!kinds.contains(kind))
            kinds << kind;
    }
    return kinds;
}
} // namespace

CatalogSnapshotLoader::CatalogSnapshotLoader(Connection *connection, QObject *parent)
    : QObject(parent)
    , m_connection(connection)
{
    // The first session gone ends the load at once, also when it was
    // waiting for the second one (or a kind the second one gave back was
    // queued on it): that kind would otherwise wait for the reconnect, and
    // run outside the load's transaction.
    connect(connection, &Connection::lost, this, [this](const PgError &error) {
        if (!m_loading || m_committing)
            return;
        ++m_generation; // replies of the lost load are dropped
        finish(
            error.explained(QStringLiteral("the connection was lost while reading the catalog: %1")
                                .arg(error.message)));
    });
}

void CatalogSnapshotLoader::setSecondConnection(Connection *connection)
{
    m_second = connection;
}

QString CatalogSnapshotLoader::querySql(const QString &kind)
{
    return sqlFor(kind);
}

bool CatalogSnapshotLoader::isRelationScoped(const QString &kind)
{
    return sqlFor(kind).contains(QLatin1String("$2"));
}

void CatalogSnapshotLoader::load(const Options &options)
{
    if (m_loading) {
        m_pending = options;
        m_reloadAsked = true;
        return;
    }
    m_options = options;
    begin();
}

QString CatalogSnapshotLoader::localSettings() const
{
    // Numbers from our own options, not user text: safe to spell inline
    // (SET takes no bind parameters).
    return QStringLiteral("SET LOCAL lock_timeout = %1; SET LOCAL statement_timeout = %2; "
                          // 100,000 columns sort in memory, not in temporary files.
                          "SET LOCAL work_mem = '64MB'")
        .arg(m_options.lockTimeoutMs)
        .arg(m_options.statementTimeoutMs);
}

void CatalogSnapshotLoader::begin()
{
    if (!m_connection) {
        emit failed(PgError::client(QStringLiteral("no connection"), QStringLiteral("08003")));
        return;
    }
    if (m_connection->transactionStatus() == Connection::TransactionStatus::InTransaction
        || m_connection->transactionStatus()
            == Connection::TransactionStatus::InFailedTransaction) {
        emit failed(PgError::client(
            QStringLiteral("the session is inside a transaction; the catalog is read on a "
                           "session of its own"),
            QStringLiteral("25001")));
        return;
    }
    m_loading = true;
    m_committing = false;
    ++m_generation;
    m_startedMs = QDateTime::currentMSecsSinceEpoch();
    m_builder = std::make_unique<CatalogSnapshot::Builder>();
    m_readingDefinitions = false;
    m_quick = CatalogSnapshot();
    m_definitions = CatalogDefinitions();
    m_timings.clear();
    m_queue.clear();
    for (const QString &kind : kindsByCost()) {
        // One relation: its own rows, plus the schemas to spell its name.
        if (!m_options.relationOid || isRelationScoped(kind) || kind == QLatin1String("schemas"))
            m_queue << kind;
    }
    m_lanes[0] = Lane {};
    m_lanes[0].connection = m_connection;
    m_lanes[1] = Lane {};
    // One relation is a few rows: not worth a second transaction.
    const bool shared = m_second && m_second != m_connection && !m_exportRefused
        && !m_options.relationOid && m_second->state() == Connection::State::Ready
        && m_second->transactionStatus() == Connection::TransactionStatus::Idle;
    m_lanes[0].busy = true;
    const quint64 generation = m_generation;
    m_connection->execute(
        QStringLiteral("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY; ") + localSettings(), {},
        this, [this, generation, shared](const QList<Result> &, const PgError &error) {
            if (generation != m_generation)
                return;
            if (!error.isNull()) {
                finish(error.explained(
                    QStringLiteral("cannot read the catalog: %1").arg(error.toString())));
                return;
            }
            m_lanes[0].joined = true;
            if (shared) {
                exportSnapshot();
                return;
            }
            m_lanes[0].busy = false;
            if (!pull(0))
                settleIfDone();
        });
}

void CatalogSnapshotLoader::exportSnapshot()
{
    const quint64 generation = m_generation;
    m_connection->execute(QStringLiteral("SELECT pg_export_snapshot()"), {}, this,
        [this, generation](const QList<Result> &results, const PgError &error) {
            if (generation != m_generation)
                return;
            if (error.isConnectionFailure()) {
                finish(error.explained(
                    QStringLiteral("the connection was lost: %1").arg(error.message)));
                return;
            }
            if (!error.isNull() || results.isEmpty()) {
                // A standby, or a server that forbids it: the failed
                // transaction goes, and everything is read on one session.
                m_exportRefused = true;
                m_connection->execute(QStringLiteral("ROLLBACK"), {}, this,
                    [this, generation](const QList<Result> &, const PgError &) {
                        if (generation == m_generation)
                            begin();
                    });
                return;
            }
            m_lanes[0].busy = false;
            joinSecondLane(results.last().text(0, 0));
            // Joining may have failed at once and the first session taken
            // over everything already.
            if (generation == m_generation && !m_lanes[0].busy && !pull(0))
                settleIfDone();
        });
}

void CatalogSnapshotLoader::joinSecondLane(const QString &snapshotId)
{
    if (!m_second)
        return; // gone since the load began: the first session reads all
    Lane &lane = m_lanes[1];
    lane.connection = m_second;
    lane.busy = true;
    const quint64 generation = m_generation;
    // SET TRANSACTION SNAPSHOT must come before the transaction's first
    // query; SET commands take no snapshot of their own.
    m_second->execute(QStringLiteral("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY; "
                                     "SET TRANSACTION SNAPSHOT %1; ")
                          .arg(SqlIdentifier::literal(snapshotId))
            + localSettings(),
        {}, this, [this, generation](const QList<Result> &, const PgError &error) {
            if (generation != m_generation)
                return;
            Lane &lane = m_lanes[1];
            lane.busy = false;
            if (!error.isNull()) {
                // Too late to import (the first session already finished)
                // or the session failed: the first one reads the rest.
                lane.joined = !error.isConnectionFailure();
                dropSecondLane(QString());
                return;
            }
            lane.joined = true;
            m_usedSecond = true;
            if (!pull(1))
                settleIfDone();
        });
}

bool CatalogSnapshotLoader::pull(int laneIndex)
{
    Lane &lane = m_lanes[laneIndex];
    while (lane.connection && !m_queue.isEmpty()) {
        const QString kind = m_queue.takeFirst();
        const QString sql = sqlFor(kind);
        if (sql.isEmpty()) {
            addProblem(kind, QStringLiteral("the query is missing from the build"));
            continue;
        }
        QVariantList params;
        if (sql.contains(QLatin1String("$1")))
            params << m_options.systemSchemas;
        if (sql.contains(QLatin1String("$2")))
            params << (m_options.relationOid ? QVariant(qlonglong(m_options.relationOid))
                                             : QVariant());
        if (sql.contains(QLatin1String("$3")))
            params << m_options.definitions;
        lane.busy = true;
        lane.sent.start();
        const quint64 generation = m_generation;
        lane.connection->execute(QStringLiteral("SAVEPOINT ") + kSavepoint);
        lane.connection->execute(sql, params, this,
            [this, generation, laneIndex, kind](
                const QList<Result> &results, const PgError &error) {
                if (generation == m_generation)
                    kindDone(laneIndex, kind, results, error);
            });
        return true;
    }
    return false;
}

void CatalogSnapshotLoader::kindDone(
    int laneIndex, const QString &kind, const QList<Result> &results, const PgError &error)
{
    Lane &lane = m_lanes[laneIndex];
    lane.busy = false;
    KindTiming timing {kind, laneIndex, double(lane.sent.nsecsElapsed()) / 1e6, 0};
    if (error.isConnectionFailure() || !lane.connection || !lane.connection->isOpen()) {
        if (laneIndex == 1) {
            lane.joined = false;
            dropSecondLane(kind);
            return;
        }
        const PgError lost = error.isNull()
            ? PgError::connection(QStringLiteral("closed"), QStringLiteral("08006"))
            : error;
        finish(lost.explained(QStringLiteral("the connection was lost while reading %1: %2")
                                  .arg(kind, lost.message)));
        return;
    }
    if (!error.isNull()) {
        QString message = error.message;
        if (error.sqlState == QLatin1String("55P03"))
            message = QStringLiteral("a lock was held past the lock timeout (%1 ms): %2")
                          .arg(m_options.lockTimeoutMs)
                          .arg(error.message);
        else if (error.isCancellation())
            message = QStringLiteral("the query ran past the statement timeout (%1 ms)")
                          .arg(m_options.statementTimeoutMs);
        addProblem(kind, message);
        lane.connection->execute(QStringLiteral("ROLLBACK TO SAVEPOINT ") + kSavepoint);
        m_timings << timing;
        if (!pull(laneIndex))
            settleIfDone();
        return;
    }
    // The next kind goes out first: the server works on it while these
    // rows are read.
    const bool sent = pull(laneIndex);
    if (!results.isEmpty()) {
        QElapsedTimer reading;
        reading.start();
        if (m_readingDefinitions)
            CatalogResultReader::readDefinitions(kind, results.last(), m_definitions);
        else
            CatalogResultReader::read(kind, results.last(), *m_builder);
        timing.readMs = double(reading.nsecsElapsed()) / 1e6;
    }
    m_timings << timing;
    if (!sent)
        settleIfDone();
}

void CatalogSnapshotLoader::dropSecondLane(const QString &requeue)
{
    Lane &lane = m_lanes[1];
    if (!requeue.isEmpty())
        m_queue.prepend(requeue);
    if (lane.joined && lane.connection && lane.connection->isOpen())
        lane.connection->execute(QStringLiteral("ROLLBACK"));
    lane = Lane {};
    if (!m_lanes[0].busy && !pull(0))
        settleIfDone();
}

void CatalogSnapshotLoader::addProblem(const QString &kind, const QString &message)
{
    if (m_readingDefinitions)
        m_definitions.problems << CatalogProblem {kind, message};
    else
        m_builder->addProblem(kind, message);
}

bool CatalogSnapshotLoader::readDefinitionsNext()
{
    if (m_readingDefinitions || m_options.definitions || !m_options.definitionsAfterwards
        || m_options.relationOid)
        return false;
    m_builder->setSource(m_connection->server().database, m_connection->server().versionNumber,
        m_options.systemSchemas, false);
    m_quick = m_builder->build();
    m_readingDefinitions = true;
    m_queue = CatalogResultReader::definitionKinds();
    m_lastLoadMs = QDateTime::currentMSecsSinceEpoch() - m_startedMs;
    m_lastTimings = m_timings;
    m_lastSessionCount = m_usedSecond ? 2 : 1;
    const quint64 generation = m_generation;
    const QPointer<CatalogSnapshotLoader> alive(this);
    emit loaded(m_quick);
    // A receiver may have deleted this loader. The definitions are asked
    // for after the receivers had the quick snapshot: what they commit
    // meanwhile must not show in the whole one, and does not.
    if (alive && generation == m_generation) {
        const bool sent = pull(0);
        const bool sentToo = m_lanes[1].joined && pull(1);
        if (!sent && !sentToo)
            settleIfDone();
    }
    return true;
}

void CatalogSnapshotLoader::settleIfDone()
{
    if (!m_queue.isEmpty() || m_lanes[0].busy || m_lanes[1].busy || m_committing)
        return;
    if (readDefinitionsNext())
        return;
    m_committing = true;
    // Both transactions end before the load does, so the next load finds
    // both sessions idle; the first one's answer decides.
    m_pendingCommits = 0;
    m_commitFailure = PgError();
    const quint64 generation = m_generation;
    for (int index : {1, 0}) {
        const Lane &lane = m_lanes[index];
        if (!lane.joined || !lane.connection)
            continue;
        ++m_pendingCommits;
        lane.connection->execute(QStringLiteral("COMMIT"), {}, this,
            [this, generation, index](const QList<Result> &, const PgError &error) {
                if (generation != m_generation)
                    return;
                if (index == 0 && error.isConnectionFailure())
                    m_commitFailure = error.explained(
                        QStringLiteral("the connection was lost: %1").arg(error.message));
                if (--m_pendingCommits == 0)
                    finish(m_commitFailure);
            });
    }
    if (m_pendingCommits == 0)
        finish(PgError::connection(
            QStringLiteral("the connection was lost"), QStringLiteral("08006")));
}

void CatalogSnapshotLoader::finish(const PgError &failure)
{
    m_loading = false;
    m_committing = false;
    m_lastLoadMs = QDateTime::currentMSecsSinceEpoch() - m_startedMs;
    m_lastTimings = m_timings;
    m_lastSessionCount = m_usedSecond ? 2 : 1;
    m_usedSecond = false;
    std::unique_ptr<CatalogSnapshot::Builder> builder = std::move(m_builder);
    // Reset before the signals: a slot may start the next load at once.
    const Lane second = m_lanes[1];
    m_lanes[0] = Lane {};
    m_lanes[1] = Lane {};
    const CatalogSnapshot quick = std::exchange(m_quick, CatalogSnapshot());
    const CatalogDefinitions definitions = std::exchange(m_definitions, CatalogDefinitions());
    const bool readingDefinitions = std::exchange(m_readingDefinitions, false);
    if (failure.isNull() && readingDefinitions) {
        emit loaded(quick.withDefinitions(definitions));
    } else if (failure.isNull() && builder) {
        builder->setSource(m_connection->server().database, m_connection->server().versionNumber,
            m_options.systemSchemas, m_options.definitions);
        emit loaded(builder->build());
    } else {
        // A transaction left open by a failed step must not outlive it.
        if (m_connection && m_connection->isOpen())
            m_connection->execute(QStringLiteral("ROLLBACK"));
        if (second.joined && second.connection && second.connection->isOpen())
            second.connection->execute(QStringLiteral("ROLLBACK"));
        emit failed(failure);
    }
    // A slot of the signals above may have started a load already; the
    // asked-for one then waits for that one.
    if (m_reloadAsked && !m_loading) {
        m_reloadAsked = false;
        m_options = m_pending;
        begin();
    }
}

} // namespace tusk::core
