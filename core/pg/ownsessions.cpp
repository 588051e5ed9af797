#include "ownsessions.h"

#include <QMutex>
#include <QSet>

namespace tusk::core {

namespace {
QMutex &mutex()
{
    static QMutex m;
    return m;
}

QSet<QString> &sessions()
{
    static QSet<QString> s;
    return s;
}

QString key(const QString &server, int pid)
{
    return server + QLatin1Char('#') + QString::number(pid);
}
} // namespace

void OwnSessions::add(const QString &server, int pid)
{
    const QMutexLocker lock(&mutex());
    sessions().insert(key(server, pid));
}

void OwnSessions::remove(const QString &server, int pid)
{
    const QMutexLocker lock(&mutex());
    sessions().remove(key(server, pid));
}

bool OwnSessions::contains(const QString &server, int pid)
{
    const QMutexLocker lock(&mutex());
    return sessions().contains(key(server, pid));
}

QString OwnSessions::serverKey(const QString &host, const QString &port)
{
    return (host.isEmpty() ? QStringLiteral("local") : host) + QLatin1Char(':')
        + (port.isEmpty() ? QStringLiteral("5432") : port);
}

} // namespace tusk::core
