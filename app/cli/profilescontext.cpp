#include "profilescontext.h"

#include <QDir>

namespace tusk::app {

ProfilesContext::ProfilesContext(const QString &sandboxFolder, const QString &projectRoot)
    : profiles(QDir::currentPath(), sandboxFolder, nullptr, projectRoot)
{
}

} // namespace tusk::app
