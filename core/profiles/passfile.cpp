#include "passfile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace tusk::core {

namespace {
// Splits a .pgpass line on unescaped colons, unescaping \: and \\.
QStringList fields(const QString &line)
{
    QStringList parts(QString {});
    for (qsizetype i = 0; i < line.size(); ++i) {
        const QChar c = line.at(i);
        if (c == QLatin1Char('\\') && i + 1 < line.size()) {
            parts.last() += line.at(++i);
        } else if (c == QLatin1Char(':') && parts.size() < 5) {
            parts << QString();
        } else {
            parts.last() += c;
        }
    }
    return parts;
}

bool matches(const QString &pattern, const QString &value)
{
    return pattern == QLatin1String("*") || pattern == value;
}
} // namespace

QString PassFile::pathFor(const ConnInfo &info)
{
    if (info.contains(QStringLiteral("passfile")))
        return info.value(QStringLiteral("passfile"));
    const QString fromEnv = qEnvironmentVariable("PGPASSFILE");
    return fromEnv.isEmpty() ? QDir::homePath() + QStringLiteral("/.pgpass") : fromEnv;
}

QString PassFile::problem(const QString &path)
{
    const QFileInfo info(path);
    if (!info.exists())
        return QStringLiteral("%1 does not exist").arg(path);
    if (info.permissions()
        & (QFileDevice::ReadGroup | QFileDevice::WriteGroup | QFileDevice::ExeGroup
            | QFileDevice::ReadOther | QFileDevice::WriteOther | QFileDevice::ExeOther))
        return QStringLiteral("%1 can be read by others, so libpq ignores it (chmod 0600 %1)")
            .arg(path);
    return {};
}

bool PassFile::hasEntryFor(const ConnInfo &info)
{
    const QString path = pathFor(info);
    if (!problem(path).isEmpty())
        return false;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return false;
    QString host = info.host();
    if (host.isEmpty() || host.startsWith(QLatin1Char('/')))
        host = QStringLiteral("localhost");
    const QString port = info.port().isEmpty() ? QStringLiteral("5432") : info.port();
    const QString user = info.user().isEmpty() ? qEnvironmentVariable("USER") : info.user();
    const QString database = info.database().isEmpty() ? user : info.database();
    while (!file.atEnd()) {
        const QString line = QString::fromUtf8(file.readLine()).trimmed();
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')))
            continue;
        const QStringList f = fields(line);
        if (f.size() == 5 && matches(f[0], host) && matches(f[1], port) && matches(f[2], database)
            && matches(f[3], user))
            return true;
    }
    return false;
}

} // namespace tusk::core
