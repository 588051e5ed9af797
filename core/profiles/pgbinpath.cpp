#include "pgbinpath.h"

#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>

#include <algorithm>

namespace tusk::core {

bool PgBinPath::holdsClientPrograms(const QString &folder)
{
    return !folder.isEmpty() && QFileInfo(folder + QStringLiteral("/psql")).isExecutable();
}

QString PgBinPath::detect()
{
    const QString pgConfig = QStandardPaths::findExecutable(QStringLiteral("pg_config"));
    if (!pgConfig.isEmpty()) {
        QProcess process;
        process.start(pgConfig, {QStringLiteral("--bindir")});
        if (process.waitForFinished(5000) && process.exitCode() == 0) {
            const QString dir = QString::fromLocal8Bit(process.readAllStandardOutput()).trimmed();
            if (holdsClientPrograms(dir))
                return QDir::cleanPath(dir);
        }
    }
    QDir debian(QStringLiteral("/usr/lib/postgresql"));
    QStringList majors = debian.entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    std::sort(majors.begin(), majors.end(),
        [](const QString &a, const QString &b) { return a.toInt() > b.toInt(); });
    for (const QString &major : majors) {
        const QString dir = debian.filePath(major + QStringLiteral("/bin"));
        if (holdsClientPrograms(dir))
            return dir;
    }
    const QString psql = QStandardPaths::findExecutable(QStringLiteral("psql"));
    return psql.isEmpty() ? QString() : QFileInfo(psql).absolutePath();
}

} // namespace tusk::core
