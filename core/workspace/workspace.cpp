#include "workspace.h"

#include "core/catalog/catalogsession.h"
#include "core/lint/schemafacts.h"
#include "core/lint/schemafactsloader.h"
#include "core/pg/connection.h"

namespace tusk::core {

Workspace::Workspace(QObject *parent)
    : QObject(parent)
    , m_session(new Connection(this))
{
    connect(m_session, &Connection::opened, this, &Workspace::onSessionOpened);
}

Workspace::~Workspace() = default;

void Workspace::setTarget(const WorkspaceTarget &target)
{
    m_target = target;
    m_ready = false;
    emit targetChanged();
    if (!target.connInfo.isEmpty())
        open(target.connInfo);
}

void Workspace::setMigrationsFolder(const QString &folder)
{
    if (folder == m_target.migrationsFolder)
        return;
    m_target.migrationsFolder = folder;
    emit migrationsFolderChanged();
}

void Workspace::open(const ConnInfo &info)
{
    m_target.connInfo = info;
    m_ready = false;
    m_session->open(info);
}

ServerInfo Workspace::server() const
{
    return m_session->server();
}

CatalogSession *Workspace::catalogSession() const
{
    return m_catalogSession;
}

ConfirmationPolicy Workspace::confirmationPolicy() const
{
    // Any profile but the sandbox asks before a structure change; a bare
    // connection (tests, a tool handed a session) has no profile to say.
    const bool approve = m_target.profile && m_target.profile->scope != ProfileScope::Sandbox
        && m_target.profile->confirmDdl;
    return ConfirmationPolicy(m_target.production, m_target.readOnly, approve);
}

UserFileWriter::Options Workspace::fileWriteOptions() const
{
    UserFileWriter::Options options;
    if (!m_target.migrationsFolder.isEmpty())
        options.migrationsFolders = {m_target.migrationsFolder};
    return options;
}

void Workspace::onSessionOpened()
{
    m_ready = true;
    // A reconnect to the same place (a dropped network, the same profile
    // chosen again) keeps what was read.
    if (m_readFor == m_target.connInfo && m_readsDone)
        return;
    m_readsDone = true;
    m_readFor = m_target.connInfo;
    readTarget();
    emit ready();
}

void Workspace::readTarget()
{
    delete m_catalogSession;
    m_catalog = CatalogSnapshot();
    m_findings.clear();
    m_schemaFacts.reset();
    m_targetFacts.reset();
    m_keywords.clear();
    emit catalogChanged();
    emit schemaFactsChanged();

    if (m_reads.testFlag(Read::Catalog))
        readCatalog();
    if (m_reads.testFlag(Read::SchemaFacts))
        readSchemaFacts();
    if (m_reads.testFlag(Read::Keywords))
        readKeywords();
}

void Workspace::readCatalog()
{
    m_catalogSession = new CatalogSession(m_target.connInfo, m_catalogOptions, this);
    connect(m_catalogSession, &CatalogSession::loaded, this,
        [this](const CatalogSnapshot &snapshot, const QList<HealthFinding> &findings) {
            m_catalog = snapshot;
            m_findings = findings;
            emit catalogChanged();
        });
    connect(m_catalogSession, &CatalogSession::failed, this, &Workspace::catalogFailed);
    m_catalogSession->refresh();
}

void Workspace::readSchemaFacts()
{
    // The linter reads sizes and the version on a session of its own that
    // takes no relation locks (resources/sql/lint/catalog.sql).
    delete m_factsLoader;
    m_factsLoader = new SchemaFactsLoader(this);
    SchemaFactsLoader *loader = m_factsLoader;
    connect(loader, &SchemaFactsLoader::loaded, this, [this, loader](const SchemaFacts &catalog) {
        m_targetFacts = std::make_shared<const SchemaFacts>(catalog);
        loader->deleteLater();
        combineSchemaFacts();
    });
    connect(loader, &SchemaFactsLoader::failed, this, [this, loader](const PgError &error) {
        loader->deleteLater();
        emit schemaFactsFailed(error);
    });
    loader->load(m_target.connInfo);
}

void Workspace::setSizesSource(const ConnInfo &info, const QString &label)
{
    delete m_sizesLoader;
    m_sizeFacts.reset();
    m_sizesLabel = info.isEmpty() ? QString() : label;
    if (info.isEmpty()) {
        combineSchemaFacts();
        return;
    }
    m_sizesLoader = new SchemaFactsLoader(this);
    SchemaFactsLoader *loader = m_sizesLoader;
    connect(loader, &SchemaFactsLoader::loaded, this, [this, loader](const SchemaFacts &sizes) {
        m_sizeFacts = std::make_shared<const SchemaFacts>(sizes);
        loader->deleteLater();
        combineSchemaFacts();
    });
    connect(loader, &SchemaFactsLoader::failed, this, [this, loader](const PgError &error) {
        loader->deleteLater();
        emit sizesSourceFailed(error);
    });
    loader->load(info);
}

void Workspace::combineSchemaFacts()
{
    if (!m_targetFacts && !m_sizeFacts) {
        if (m_schemaFacts) {
            m_schemaFacts.reset();
            emit schemaFactsChanged();
        }
        return;
    }
    // Types, checks and indexes from the target; sizes from the database
    // the migration runs on when one is named. A production target's own
    // sizes are that database's; any other target's are only local sizes.
    SchemaFacts facts = m_targetFacts ? *m_targetFacts : *m_sizeFacts;
    if (m_targetFacts && m_sizeFacts)
        facts.takeSizesFrom(*m_sizeFacts);
    else
        facts.sizesFromTarget = m_sizeFacts ? true : m_target.production;
    m_schemaFacts = std::make_shared<const SchemaFacts>(std::move(facts));
    emit schemaFactsChanged();
}

void Workspace::readKeywords()
{
    // The server's own keyword list, for highlighting and completion; the
    // grammar's list stands until it comes (or if it never does).
    const ConnInfo asked = m_target.connInfo;
    m_session->execute(QStringLiteral("SELECT word FROM pg_get_keywords() ORDER BY word"), {}, this,
        [this, asked](const QList<Result> &results, const PgError &error) {
            if (!error.isNull() || results.isEmpty() || asked != m_readFor)
                return;
            QStringList words;
            for (int row = 0; row < results.first().rowCount(); ++row)
                words << results.first().text(row, 0);
            m_keywords = words;
            emit serverKeywordsChanged();
        });
}

} // namespace tusk::core
