#include "cliconnection.h"

#include "profilepasswords.h"
#include "profilescontext.h"

#include "app/keychain/keychainsecretstore.h"
#include "core/profiles/migrationspath.h"
#include "core/sandbox/localserver.h"

#include <QDir>

namespace tusk::app {

using namespace tusk::core;

std::optional<ConnInfo> CliConnection::resolve(
    const QString &profile, const QString &url, bool resolveDefault, QString *error, QString *label)
{
    if (!url.isEmpty()) {
        QString parseError;
        const ConnInfo info = ConnInfo::parse(url, &parseError);
        if (!parseError.isEmpty()) {
            *error = QStringLiteral("--db: %1").arg(parseError);
            return std::nullopt;
        }
        if (label)
            *label = info.toDisplayString();
        return info;
    }
    KeychainSecretStore keychain;
    ProfilesContext context(LocalServer::defaultFolder());
    context.profiles.passwords()->setSecretStore(&keychain);
    std::optional<Profile> found;
    if (!profile.isEmpty() || !resolveDefault) {
        found = context.profiles.find(profile);
        if (!found) {
            *error = context.profiles.store().loadErrors().isEmpty()
                ? QStringLiteral("no profile named %1 (tusk profiles lists them)").arg(profile)
                : context.profiles.store().loadErrors().join(QStringLiteral("; "));
            return std::nullopt;
        }
    } else {
        const ProfileResolution resolution = context.profiles.resolve();
        if (!resolution.isResolved() || !resolution.profile) {
            *error = QStringLiteral("no profile chosen: %1 (use --profile NAME, --db URL, or set "
                                    "DB_PROFILE)")
                         .arg(resolution.reason);
            return std::nullopt;
        }
        found = resolution.profile;
    }
    ConnInfo info = found->connInfo();
    QString note;
    if (const QString password = ProfilePasswords::lookup(context, *found, &note);
        !password.isEmpty())
        info.setValue(QStringLiteral("password"), password);
    if (label)
        *label = found->name;
    return info;
}

WorkspaceTarget CliConnection::offlineTarget(const QString &profile)
{
    ProfilesContext context(LocalServer::defaultFolder());
    std::optional<Profile> found =
        profile.isEmpty() ? context.profiles.resolve().profile : context.profiles.find(profile);
    const QString folder =
        MigrationsPath::resolve(context.profiles.store(), found ? &*found : nullptr).path;
    if (!found) {
        WorkspaceTarget target;
        target.migrationsFolder = folder;
        return target;
    }
    return WorkspaceTarget::forProfile(*found, {}, folder);
}

} // namespace tusk::app
