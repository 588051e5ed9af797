#include "clicatalog.h"

#include "cliconnection.h"

#include "core/catalog/catalogsession.h"
#include "core/catalog/objectreader.h"
#include "core/pg/connection.h"
#include "core/workspace/workspace.h"

#include <QEventLoop>
#include <QTimer>

namespace tusk::app {

using namespace tusk::core;

namespace {
QString timeLimitMessage()
{
    return QStringLiteral("the server did not answer within %1 s")
        .arg(CliConnection::timeLimitMs / 1000);
}

// A function, type or schema spelled "schema.name" or "name".
CatalogObjectRef findOther(const CatalogSnapshot &s, const QString &name)
{
    const QString wanted = name.trimmed();
    for (const DbFunction &f : s.functions()) {
        if (s.qualifiedName(f.schemaOid, f.name) == wanted || f.name == wanted)
            return {CatalogObjectKind::Function, f.oid, 0};
    }
    for (const DbType &t : s.types()) {
        if (s.qualifiedName(t.schemaOid, t.name) == wanted || t.name == wanted)
            return {CatalogObjectKind::Type, t.oid, 0};
    }
    for (const DbIndex &x : s.indexes()) {
        const DbRelation *table = s.relation(x.relationOid);
        if (table && (s.qualifiedName(table->schemaOid, x.name) == wanted || x.name == wanted))
            return {CatalogObjectKind::Index, x.oid, 0};
    }
    for (const DbSchema &schema : s.schemas()) {
        if (schema.name == wanted)
            return {CatalogObjectKind::Schema, schema.oid, 0};
    }
    return {};
}
} // namespace

CliCatalog::CliCatalog() = default;
CliCatalog::~CliCatalog() = default;

std::optional<CatalogSnapshot> CliCatalog::load(
    const ConnInfo &info, bool systemSchemas, QString *error)
{
    // A workspace built from the command's options, as the window builds
    // one from its profile bar: the catalog only, the whole snapshot at
    // once, without the health checks (tusk health runs them).
    CatalogSession::Options options;
    options.systemSchemas = systemSchemas;
    options.quickFirst = false;
    options.healthChecks = false;
    m_workspace = std::make_unique<Workspace>();
    m_workspace->setReads(Workspace::Read::Catalog);
    m_workspace->setCatalogOptions(options);
    QEventLoop loop;
    std::optional<CatalogSnapshot> snapshot;
    *error = timeLimitMessage();
    Workspace *workspace = m_workspace.get();
    QObject::connect(workspace, &Workspace::catalogChanged, &loop, [&] {
        if (workspace->catalog().isNull())
            return; // the reset before a read
        snapshot = workspace->catalog();
        loop.quit();
    });
    QObject::connect(workspace, &Workspace::catalogFailed, &loop, [&](const PgError &failure) {
        *error = failure.message;
        loop.quit();
    });
    QObject::connect(
        workspace->session(), &Connection::openFailed, &loop, [&](const PgError &failure) {
            *error = QStringLiteral("cannot connect: %1").arg(failure.message);
            loop.quit();
        });
    QTimer::singleShot(CliConnection::timeLimitMs, &loop, &QEventLoop::quit);
    workspace->setTarget(WorkspaceTarget::forConnection(info, info.toDisplayString()));
    loop.exec();
    return snapshot;
}

std::optional<QString> CliCatalog::ddl(
    const CatalogSnapshot &snapshot, const QString &name, QString *error)
{
    CatalogObjectRef ref;
    if (const DbRelation *r = snapshot.findRelation(name))
        ref = {CatalogObjectKind::Relation, r->oid, 0};
    else
        ref = findOther(snapshot, name);
    if (ref.isNull()) {
        *error = QStringLiteral("no table, view, sequence, index, function, type or schema named "
                                "%1 (a bare name must be unique; write schema.name)")
                     .arg(name);
        return std::nullopt;
    }
    ObjectReader reader(m_workspace->catalogSession()->objectConnection());
    QEventLoop loop;
    std::optional<QString> ddl;
    *error = timeLimitMessage();
    QObject::connect(&reader, &ObjectReader::ddlReady, &loop,
        [&](const CatalogObjectRef &, const QString &text) {
            ddl = text;
            loop.quit();
        });
    QObject::connect(&reader, &ObjectReader::failed, &loop,
        [&](const CatalogObjectRef &, const PgError &failure) {
            *error = failure.message;
            loop.quit();
        });
    QTimer::singleShot(CliConnection::timeLimitMs, &loop, &QEventLoop::quit);
    reader.readDdl(snapshot, ref);
    loop.exec();
    return ddl;
}

} // namespace tusk::app
