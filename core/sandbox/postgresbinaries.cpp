#include "postgresbinaries.h"

#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

#include <algorithm>

namespace tusk::core {

namespace {
bool hasServerPrograms(const QString &dir)
{
    return QFileInfo(dir + QStringLiteral("/initdb")).isExecutable()
        && QFileInfo(dir + QStringLiteral("/pg_ctl")).isExecutable()
        && QFileInfo(dir + QStringLiteral("/postgres")).isExecutable();
}
} // namespace

QString PostgresBinaries::findBinDir(const QString &preferred)
{
    if (!preferred.isEmpty())
        return hasServerPrograms(preferred) ? QDir(preferred).absolutePath() : QString();

    for (const QString &dir : debianBinDirs()) {
        if (hasServerPrograms(dir))
            return dir;
    }
    const QString onPath = QStandardPaths::findExecutable(QStringLiteral("pg_ctl"));
    if (!onPath.isEmpty()) {
        const QString dir = QFileInfo(onPath).canonicalPath();
        if (hasServerPrograms(dir))
            return dir;
    }
    return {};
}

QStringList PostgresBinaries::debianBinDirs()
{
    QDir debian(QStringLiteral("/usr/lib/postgresql"));
    QStringList majors = debian.entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    std::sort(majors.begin(), majors.end(),
        [](const QString &a, const QString &b) { return a.toInt() > b.toInt(); });
    QStringList dirs;
    for (const QString &major : majors)
        dirs << debian.filePath(major + QStringLiteral("/bin"));
    return dirs;
}

int PostgresBinaries::majorVersionOf(const QString &binDir)
{
    const QString parent = QFileInfo(QDir(binDir).absolutePath()).dir().dirName();
    bool ok = false;
    const int major = parent.toInt(&ok);
    return ok ? major : 0;
}

} // namespace tusk::core
