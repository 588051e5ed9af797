#include "schemafactssource.h"

#include "cliconnection.h"

#include "core/lint/schemafactsloader.h"

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
    SchemaFactsLoader loader;
    QEventLoop loop;
    std::optional<SchemaFacts> catalog;
    *error = QStringLiteral("the server did not answer within %1 s")
                 .arg(CliConnection::timeLimitMs / 1000);
    QObject::connect(&loader, &SchemaFactsLoader::loaded, &loop, [&](const SchemaFacts &c) {
        catalog = c;
        loop.quit();
    });
    QObject::connect(&loader, &SchemaFactsLoader::failed, &loop, [&](const PgError &failure) {
        *error = failure.message;
        loop.quit();
    });
    QTimer::singleShot(CliConnection::timeLimitMs, &loop, &QEventLoop::quit);
    loader.load(*info);
    loop.exec();
    return catalog;
}

} // namespace tusk::app
