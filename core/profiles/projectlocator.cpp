#include "projectlocator.h"

#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

namespace tusk::core {

QString ProjectLocator::findProjectRoot(const QString &workingDir)
{
    // .git is a folder in a clone and a file in a worktree or submodule.
    for (QString dir = QDir(workingDir).absolutePath();; dir = QFileInfo(dir).path()) {
        if (QFileInfo::exists(dir + QStringLiteral("/.git")))
            return QDir::cleanPath(dir);
        if (QFileInfo(dir).path() == dir)
            return {};
    }
}

QString ProjectLocator::projectFile(const QString &projectRoot)
{
    return projectRoot.isEmpty()
        ? QString()
        : QDir::cleanPath(projectRoot + QStringLiteral("/.skills/postgres/postgres.toml"));
}

QString ProjectLocator::userFile()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation)
        + QStringLiteral("/tusk/postgres.toml");
}

} // namespace tusk::core
