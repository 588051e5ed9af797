#include "demomigrations.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>

namespace tusk::core {

QString DemoMigrations::folderFor(const QString &sandboxFolder)
{
    return sandboxFolder + QStringLiteral("/migrations");
}

bool DemoMigrations::install(const QString &sandboxFolder, QString *error)
{
    const QString target = folderFor(sandboxFolder);
    if (QFileInfo::exists(target))
        return true;
    const QString source = QStringLiteral(":/sql/demo-migrations");
    QDirIterator files(source, QDir::Files, QDirIterator::Subdirectories);
    while (files.hasNext()) {
        const QString from = files.next();
        const QString to = target + from.mid(source.size());
        QDir().mkpath(QFileInfo(to).path());
        QFile::remove(to);
        if (!QFile::copy(from, to)) {
            *error = QStringLiteral("cannot write %1").arg(to);
            return false;
        }
        // Resource files copy read-only; these are the user's to edit.
        QFile::setPermissions(
            to, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther);
    }
    return true;
}

} // namespace tusk::core
