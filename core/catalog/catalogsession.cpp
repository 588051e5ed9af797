#include "catalogsession.h"

#include "catalogsnapshotloader.h"
#include "catalogsnapshotworker.h"
#include "healthchecker.h"
#include "objectreader.h"

#include "core/pg/connection.h"
#include "core/support/backgroundpool.h"

#include <QFile>

namespace tusk::core {

CatalogSession::CatalogSession(const ConnInfo &info, QObject *parent)
    : CatalogSession(info, Options(), parent)
{
}

CatalogSession::CatalogSession(const ConnInfo &info, const Options &options, QObject *parent)
    : QObject(parent)
    , m_snapshots(CatalogSnapshotWorker::start(info))
    , m_objects(new Connection(this))
    , m_reader(new ObjectReader(m_objects, this))
    , m_info(info)
    , m_options(options)
{
    m_objects->open(info);
    // Queued: the worker answers from its own thread.
    connect(m_snapshots, &CatalogSnapshotWorker::loaded, this,
        [this](const CatalogSnapshot &snapshot, qint64 elapsedMs, bool loading) {
            m_loading = loading;
            delivered(snapshot, elapsedMs);
        });
    connect(m_snapshots, &CatalogSnapshotWorker::failed, this,
        [this](const PgError &error, bool loading) {
            m_loading = loading;
            emit failed(error);
        });
    connect(m_snapshots, &CatalogSnapshotWorker::openFailed, this, [this](const PgError &error) {
        m_loading = false;
        emit failed(error.explained(QStringLiteral("cannot connect: %1").arg(error.message)));
    });
}

CatalogSession::~CatalogSession()
{
    // No answer of the worker may reach this half-destroyed object.
    m_snapshots->disconnect(this);
    m_snapshots->stop();
}

// Two steps in one transaction: the quick snapshot (no deparsed defaults or
// index definitions, no sequence values) puts the tree up at once on a big
// catalog; the whole one follows, sharing the quick one's objects. The
// health checks wait for the whole one, which they need (duplicate indexes,
// sequence ranges): checking both would only make findings to throw away.
void CatalogSession::delivered(const CatalogSnapshot &s, qint64 elapsedMs)
{
    if (!s.hasDefinitions() || !m_options.healthChecks) {
        // The last check's findings stand until the new ones are in,
        // so a refresh does not blink every mark off and on.
        emit loaded(s, m_lastFindings, elapsedMs);
        return;
    }
    ++m_checking;
    const quint64 sequence = ++m_checksStarted;
    // About 0.1 s on 10,000 tables: too long for the GUI thread. The answer
    // is dropped if this session is gone by then, and so is one overtaken
    // by the checks of a newer snapshot.
    BackgroundPool::run<QList<HealthFinding>>(
        this, [s] { return HealthChecker::run(s); },
        [this, s, elapsedMs, sequence](QList<HealthFinding> &&findings) {
            --m_checking;
            if (sequence < m_checksDelivered)
                return;
            m_checksDelivered = sequence;
            m_lastFindings = findings;
            emit loaded(s, findings, elapsedMs);
        });
}

QString CatalogSession::database() const
{
    return m_info.database();
}

bool CatalogSession::isLoading() const
{
    return m_loading || m_checking > 0;
}

void CatalogSession::refresh()
{
    CatalogSnapshotLoader::Options quick;
    quick.systemSchemas = m_options.systemSchemas;
    quick.definitions = !m_options.quickFirst;
    quick.definitionsAfterwards = m_options.quickFirst;
    m_loading = true;
    m_snapshots->load(quick);
}

void CatalogSession::listDatabases()
{
    QFile file(QStringLiteral(":/sql/objects/databases.sql"));
    if (!file.open(QIODevice::ReadOnly))
        return;
    m_objects->execute(QString::fromUtf8(file.readAll()), {}, this,
        [this](const QList<Result> &results, const PgError &error) {
            if (!error.isNull() || results.isEmpty())
                return;
            QStringList names;
            const Result &r = results.last();
            for (int row = 0; row < r.rowCount(); ++row) {
                if (r.text(row, 2) == QLatin1String("t"))
                    names << r.text(row, 0);
            }
            emit databasesListed(names);
        });
}

} // namespace tusk::core
