#include "catalogsnapshotloader.h"

#include "catalogresultreader.h"

#include "pg/connection.h"

#include <QDateTime>
#include <QFile>
#include <QHash>

namespace tusk::core {

namespace {
const QString kSavepoint = QStringLiteral("tusk_catalog_kind");

// Every query file, read once (thread-safe static initialisation: loaders
// may run on any thread).
QString sqlFor(const QString &kind)
{
    static const QHash<QString, QString> files = [] {
        QHash<QString, QString> all;
        for (const QString &name : CatalogResultReader::kinds()) {
            QFile file(QStringLiteral(":/sql/catalog/%1.sql").arg(name));
            if (file.open(QIODevice::ReadOnly))
                all.insert(name, QString::fromUtf8(file.readAll()));
        }
        return all;
    }();
    return files.value(kind);
}
} // namespace

CatalogSnapshotLoader::CatalogSnapshotLoader(Connection *connection, QObject *parent)
    : QObject(parent)
    , m_connection(connection)
{
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

void CatalogSnapshotLoader::begin()
{
    if (!m_connection) {
        emit failed(QStringLiteral("no connection"));
        return;
    }
    if (m_connection->transactionStatus() == Connection::TransactionStatus::InTransaction
        || m_connection->transactionStatus()
            == Connection::TransactionStatus::InFailedTransaction) {
        emit failed(QStringLiteral(
            "the session is inside a transaction; the catalog is read on a session of its own"));
        return;
    }
    m_loading = true;
    ++m_generation;
    m_startedMs = QDateTime::currentMSecsSinceEpoch();
    m_builder = std::make_unique<CatalogSnapshot::Builder>();
    // Numbers from our own options, not user text: safe to spell inline
    // (SET takes no bind parameters).
    const QString start =
        QStringLiteral("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY; "
                       "SET LOCAL lock_timeout = %1; SET LOCAL statement_timeout = %2; "
                       // 100,000 columns sort in memory, not in temporary files.
                       "SET LOCAL work_mem = '64MB'")
            .arg(m_options.lockTimeoutMs)
            .arg(m_options.statementTimeoutMs);
    const quint64 generation = m_generation;
    m_connection->execute(
        start, {}, this, [this, generation](const QList<Result> &, const PgError &error) {
            if (generation != m_generation)
                return;
            if (!error.isNull()) {
                finish(QStringLiteral("cannot read the catalog: %1").arg(error.toString()));
                return;
            }
            runKind(0);
        });
}

void CatalogSnapshotLoader::runKind(int position)
{
    const QStringList &kinds = CatalogResultReader::kinds();
    // One relation: its own rows, plus the schemas to spell its name.
    while (position < kinds.size() && m_options.relationOid && !isRelationScoped(kinds.at(position))
        && kinds.at(position) != QLatin1String("schemas"))
        ++position;
    if (position >= kinds.size()) {
        const quint64 generation = m_generation;
        m_connection->execute(QStringLiteral("COMMIT"), {}, this,
            [this, generation](const QList<Result> &, const PgError &error) {
                if (generation == m_generation)
                    finish(error.isConnectionFailure()
                            ? QStringLiteral("the connection was lost: %1").arg(error.message)
                            : QString());
            });
        return;
    }
    const QString &kind = kinds.at(position);
    const QString sql = sqlFor(kind);
    if (sql.isEmpty()) {
        m_builder->addProblem(kind, QStringLiteral("the query is missing from the build"));
        runKind(position + 1);
        return;
    }
    QVariantList params;
    if (sql.contains(QLatin1String("$1")))
        params << m_options.systemSchemas;
    if (sql.contains(QLatin1String("$2")))
        params << (m_options.relationOid ? QVariant(qlonglong(m_options.relationOid)) : QVariant());
    if (sql.contains(QLatin1String("$3")))
        params << m_options.definitions;
    const quint64 generation = m_generation;
    m_connection->execute(QStringLiteral("SAVEPOINT ") + kSavepoint);
    m_connection->execute(sql, params, this,
        [this, generation, position](const QList<Result> &results, const PgError &error) {
            if (generation == m_generation)
                kindDone(position, results, error);
        });
}

void CatalogSnapshotLoader::kindDone(
    int position, const QList<Result> &results, const PgError &error)
{
    const QString &kind = CatalogResultReader::kinds().at(position);
    if (error.isConnectionFailure() || !m_connection || !m_connection->isOpen()) {
        finish(QStringLiteral("the connection was lost while reading %1: %2")
                   .arg(kind, error.isNull() ? QStringLiteral("closed") : error.message));
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
        m_builder->addProblem(kind, message);
        m_connection->execute(QStringLiteral("ROLLBACK TO SAVEPOINT ") + kSavepoint);
    } else if (!results.isEmpty()) {
        CatalogResultReader::read(kind, results.last(), *m_builder);
    }
    runKind(position + 1);
}

void CatalogSnapshotLoader::finish(const QString &failure)
{
    m_loading = false;
    m_lastLoadMs = QDateTime::currentMSecsSinceEpoch() - m_startedMs;
    std::unique_ptr<CatalogSnapshot::Builder> builder = std::move(m_builder);
    if (failure.isEmpty() && builder) {
        builder->setSource(m_connection->server().database, m_connection->server().versionNumber,
            m_options.systemSchemas, m_options.definitions);
        emit loaded(builder->build());
    } else {
        // A transaction left open by a failed step must not outlive it.
        if (m_connection && m_connection->isOpen())
            m_connection->execute(QStringLiteral("ROLLBACK"));
        emit failed(failure);
    }
    if (m_reloadAsked) {
        m_reloadAsked = false;
        m_options = m_pending;
        begin();
    }
}

} // namespace tusk::core
