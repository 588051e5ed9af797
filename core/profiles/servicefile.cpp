#include "servicefile.h"

#include "sslmode.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>

namespace tusk::core {

QStringList ServiceFile::defaultPaths()
{
    QStringList candidates;
    const QString own = qEnvironmentVariable("PGSERVICEFILE");
    candidates << (own.isEmpty() ? QDir::homePath() + QStringLiteral("/.pg_service.conf") : own);
    const QString sysconf = qEnvironmentVariable("PGSYSCONFDIR");
    candidates << (sysconf.isEmpty() ? QStringLiteral("/etc/postgresql-common") : sysconf)
            + QStringLiteral("/pg_service.conf");
    QStringList existing;
    for (const QString &path : candidates) {
        if (QFile::exists(path))
            existing << path;
    }
    return existing;
}

QString ServiceFile::profileNameFor(const QString &service)
{
    QString name = service.toLower();
    name.replace(QRegularExpression(QStringLiteral("[^a-z0-9_]")), QStringLiteral("_"));
    return name;
}

QList<Profile> ServiceFile::read(const QString &path, QStringList *skipped, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text)) {
        *error = QStringLiteral("cannot read %1: %2").arg(path, file.errorString());
        return {};
    }
    QList<Profile> profiles;
    Profile *current = nullptr;
    int lineNumber = 0;
    while (!file.atEnd()) {
        ++lineNumber;
        const QString line = QString::fromUtf8(file.readLine()).trimmed();
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')))
            continue;
        if (line.startsWith(QLatin1Char('[')) && line.endsWith(QLatin1Char(']'))) {
            Profile p;
            p.name = profileNameFor(line.mid(1, line.size() - 2).trimmed());
            p.description = QStringLiteral("imported from service %1 in %2")
                                .arg(line.mid(1, line.size() - 2).trimmed(), path);
            profiles << p;
            current = &profiles.last();
            continue;
        }
        const qsizetype equals = line.indexOf(QLatin1Char('='));
        if (!current || equals < 0) {
            *error = QStringLiteral("%1:%2: expected [service] or keyword=value")
                         .arg(path)
                         .arg(lineNumber);
            return {};
        }
        const QString key = line.left(equals).trimmed();
        const QString value = line.mid(equals + 1).trimmed();
        if (key == QLatin1String("host") || key == QLatin1String("hostaddr"))
            current->host = value;
        else if (key == QLatin1String("port"))
            current->port = value.toInt();
        else if (key == QLatin1String("dbname"))
            current->database = value;
        else if (key == QLatin1String("user"))
            current->user = value;
        else if (key == QLatin1String("sslmode") && SslMode::isKnownMode(value))
            current->sslMode = value;
        else if (key == QLatin1String("sslrootcert"))
            current->sslRootCert = value;
        else if (key == QLatin1String("sslcert"))
            current->sslCert = value;
        else if (key == QLatin1String("sslkey"))
            current->sslKey = value;
        else if (key == QLatin1String("password"))
            *skipped << QStringLiteral("%1: the password stays in %2 (put it in ~/.pgpass)")
                            .arg(current->name, path);
        else
            *skipped << QStringLiteral("%1: %2 is not imported").arg(current->name, key);
    }
    return profiles;
}

} // namespace tusk::core
