#include "lintcatalogsource.h"

#include "cliconnection.h"

#include "core/lint/lintcatalogloader.h"

#include <QEventLoop>
#include <QTimer>

namespace tusk::app {

using namespace tusk::core;

std::optional<LintCatalog> LintCatalogSource::load(
    const QString &profile, const QString &url, QString *error)
{
    const std::optional<ConnInfo> info = CliConnection::resolve(profile, url, false, error);
    if (!info)
        return std::nullopt;
    LintCatalogLoader loader;
    QEventLoop loop;
    std::optional<LintCatalog> catalog;
    *error = QStringLiteral("the server did not answer within %1 s")
                 .arg(CliConnection::timeLimitMs / 1000);
    QObject::connect(&loader, &LintCatalogLoader::loaded, &loop, [&](const LintCatalog &c) {
        catalog = c;
        loop.quit();
    });
    QObject::connect(&loader, &LintCatalogLoader::failed, &loop, [&](const PgError &failure) {
        *error = failure.message;
        loop.quit();
    });
    QTimer::singleShot(CliConnection::timeLimitMs, &loop, &QEventLoop::quit);
    loader.load(*info);
    loop.exec();
    return catalog;
}

} // namespace tusk::app
