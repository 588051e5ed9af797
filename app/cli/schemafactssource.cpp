#include "schemafactssource.h"

#include "cliconnection.h"

#include "core/lint/schemafacts.h"
#include "core/pg/connection.h"
#include "core/workspace/workspace.h"

#include <QEventLoop>
#include <QTimer>

namespace tusk::app {

using namespace tusk::core;

std::optional<SchemaFacts> SchemaFactsSource::load(
    const QString &profile, const QString &url, QString *error)
{
    const std::optional<ConnInfo> info = CliConnection::resolve(profile, url, false, error);
    if (!info)
        return std::nullopt;
    // A workspace built from the options, reading the schema facts only.
    Workspace workspace;
    workspace.setReads(Workspace::Read::SchemaFacts);
    QEventLoop loop;
    std::optional<SchemaFacts> facts;
    *error = QStringLiteral("the server did not answer within %1 s")
                 .arg(CliConnection::timeLimitMs / 1000);
    QObject::connect(&workspace, &Workspace::schemaFactsChanged, &loop, [&] {
        if (!workspace.schemaFacts())
            return; // the reset before a read
        facts = *workspace.schemaFacts();
        loop.quit();
    });
    QObject::connect(&workspace, &Workspace::schemaFactsFailed, &loop, [&](const PgError &failure) {
        *error = failure.message;
        loop.quit();
    });
    QObject::connect(
        workspace.session(), &Connection::openFailed, &loop, [&](const PgError &failure) {
            *error = QStringLiteral("cannot connect: %1").arg(failure.toString());
            loop.quit();
        });
    QTimer::singleShot(CliConnection::timeLimitMs, &loop, &QEventLoop::quit);
    workspace.setTarget(WorkspaceTarget::forConnection(*info, info->toDisplayString()));
    loop.exec();
    return facts;
}

} // namespace tusk::app
