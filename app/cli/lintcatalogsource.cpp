#include "lintcatalogsource.h"

#include "profilepasswords.h"
#include "profilescontext.h"

#include "keychain/keychainsecretstore.h"
#include "lint/lintcatalogloader.h"

#include <QDir>
#include <QEventLoop>
#include <QTimer>

namespace tusk::app {

using namespace tusk::core;

namespace {
constexpr int kTimeLimitMs = 60'000;

std::optional<ConnInfo> connInfoFor(const QString &profile, const QString &url, QString *error)
{
    if (!url.isEmpty()) {
        QString parseError;
        const ConnInfo info = ConnInfo::parse(url, &parseError);
        if (!parseError.isEmpty()) {
            *error = QStringLiteral("--db: %1").arg(parseError);
            return std::nullopt;
        }
        return info;
    }
    KeychainSecretStore keychain;
    ProfilesContext context;
    context.secrets = &keychain;
    context.store.load(QDir::currentPath(), QString());
    const std::optional<Profile> found = context.find(profile);
    if (!found) {
        *error = context.store.loadErrors().isEmpty()
            ? QStringLiteral("no profile named %1 (tusk profiles lists them)").arg(profile)
            : context.store.loadErrors().join(QStringLiteral("; "));
        return std::nullopt;
    }
    ConnInfo info = found->connInfo();
    QString note;
    if (const QString password = ProfilePasswords::lookup(context, *found, &note);
        !password.isEmpty())
        info.setValue(QStringLiteral("password"), password);
    return info;
}
} // namespace

std::optional<LintCatalog> LintCatalogSource::load(
    const QString &profile, const QString &url, QString *error)
{
    const std::optional<ConnInfo> info = connInfoFor(profile, url, error);
    if (!info)
        return std::nullopt;
    LintCatalogLoader loader;
    QEventLoop loop;
    std::optional<LintCatalog> catalog;
    *error = QStringLiteral("the server did not answer within %1 s").arg(kTimeLimitMs / 1000);
    QObject::connect(&loader, &LintCatalogLoader::loaded, &loop, [&](const LintCatalog &c) {
        catalog = c;
        loop.quit();
    });
    QObject::connect(&loader, &LintCatalogLoader::failed, &loop, [&](const QString &message) {
        *error = message;
        loop.quit();
    });
    QTimer::singleShot(kTimeLimitMs, &loop, &QEventLoop::quit);
    loader.load(*info);
    loop.exec();
    return catalog;
}

} // namespace tusk::app
