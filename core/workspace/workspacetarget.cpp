#include "workspacetarget.h"

#include <QCoreApplication>

namespace tusk::core {

WorkspaceTarget WorkspaceTarget::forProfile(
    const Profile &profile, const ConnInfo &info, const QString &migrationsFolder)
{
    WorkspaceTarget target;
    target.profile = profile;
    target.connInfo = info;
    target.production = profile.isProduction();
    target.readOnly = profile.readOnly;
    target.label = target.production
        ? QCoreApplication::translate("WorkspaceTarget", "%1 (production)").arg(profile.name)
        : profile.name;
    target.migrationsFolder = migrationsFolder;
    return target;
}

WorkspaceTarget WorkspaceTarget::forConnection(const ConnInfo &info, const QString &label)
{
    WorkspaceTarget target;
    target.connInfo = info;
    target.label = label;
    return target;
}

} // namespace tusk::core
