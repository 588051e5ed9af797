#include "pgbinpath.h"

#include "core/sandbox/postgresbinaries.h"

#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>

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
    return detectWithoutPgConfig();
}

QString PgBinPath::detectWithoutPgConfig()
{
    for (const QString &dir : PostgresBinaries::debianBinDirs()) {
        if (holdsClientPrograms(dir))
            return dir;
    }
    const QString psql = QStandardPaths::findExecutable(QStringLiteral("psql"));
    return psql.isEmpty() ? QString() : QFileInfo(psql).absolutePath();
}

} // namespace tusk::core
