#include "hostresolver.h"

#include "networkthreadpool.h"

#include <QFuture>
#include <QPromise>
#include <QStringList>
#include <QThreadPool>

#include <arpa/inet.h>
#include <netdb.h>
#include <sys/socket.h>

namespace tusk::core {

namespace {
bool isAddress(const QString &host)
{
    const QByteArray latin = host.toLatin1();
    unsigned char buffer[sizeof(in6_addr)];
    return inet_pton(AF_INET, latin.constData(), buffer) == 1
        || inet_pton(AF_INET6, latin.constData(), buffer) == 1;
}

bool isSocketFolder(const QString &host)
{
    return host.startsWith(QLatin1Char('/')) || host.startsWith(QLatin1Char('@'));
}

QString hostList(const ConnInfo &info)
{
    QString hosts = info.host();
    if (hosts.isEmpty() && !info.contains(QStringLiteral("hostaddr")))
        hosts = qEnvironmentVariable("PGHOST");
    return hosts;
}

struct Lookup {
    ConnInfo info;
    QString error;
};

// Runs on a pool thread: blocking lookups are fine here.
Lookup lookUp(ConnInfo info)
{
    const QStringList hosts = hostList(info).split(QLatin1Char(','));
    QStringList ports = info.port().split(QLatin1Char(','));
    if (info.port().isEmpty())
        ports = QStringList {QString()};
    QStringList outHosts, outAddrs, outPorts;
    QStringList errors;
    for (int i = 0; i < hosts.size(); ++i) {
        const QString host = hosts.at(i).trimmed();
        const QString port = ports.size() == 1 ? ports.first() : ports.value(i);
        if (host.isEmpty() || isSocketFolder(host) || isAddress(host)) {
            outHosts << host;
            outAddrs << (isAddress(host) ? host : QString());
            outPorts << port;
            continue;
        }
        addrinfo hints {};
        hints.ai_family = AF_UNSPEC;
        hints.ai_socktype = SOCK_STREAM;
        addrinfo *found = nullptr;
        const int rc = getaddrinfo(host.toUtf8().constData(), nullptr, &hints, &found);
        if (rc != 0) {
            errors << QStringLiteral("could not translate host name \"%1\" to address: %2")
                          .arg(host, QString::fromUtf8(gai_strerror(rc)));
            continue;
        }
        for (addrinfo *a = found; a; a = a->ai_next) {
            char text[INET6_ADDRSTRLEN] = {};
            const void *addr = a->ai_family == AF_INET
                ? static_cast<const void *>(&reinterpret_cast<sockaddr_in *>(a->ai_addr)->sin_addr)
                : static_cast<const void *>(
                    &reinterpret_cast<sockaddr_in6 *>(a->ai_addr)->sin6_addr);
            if (!inet_ntop(a->ai_family, addr, text, sizeof text))
                continue;
            const QString address = QString::fromLatin1(text);
            if (outAddrs.contains(address) && outHosts.at(outAddrs.indexOf(address)) == host)
                continue;
            outHosts << host;
            outAddrs << address;
            outPorts << port;
        }
        freeaddrinfo(found);
    }
    if (outHosts.isEmpty())
        return {{}, errors.join(QLatin1Char('\n'))};
    info.setValue(QStringLiteral("host"), outHosts.join(QLatin1Char(',')));
    info.setValue(QStringLiteral("hostaddr"), outAddrs.join(QLatin1Char(',')));
    if (!info.port().isEmpty() || ports.size() > 1)
        info.setValue(QStringLiteral("port"), outPorts.join(QLatin1Char(',')));
    return {info, {}};
}
} // namespace

HostResolver::HostResolver(QObject *parent)
    : QObject(parent)
{
}

bool HostResolver::needsLookup(const ConnInfo &info)
{
    if (info.contains(QStringLiteral("hostaddr")))
        return false;
    const QStringList hosts = hostList(info).split(QLatin1Char(','), Qt::SkipEmptyParts);
    for (const QString &host : hosts) {
        if (!isSocketFolder(host.trimmed()) && !isAddress(host.trimmed()))
            return true;
    }
    return false;
}

void HostResolver::resolve(const ConnInfo &info)
{
    const quint64 generation = ++m_generation;
    auto promise = std::make_shared<QPromise<Lookup>>();
    promise->start();
    // The continuation runs on this object's thread and is dropped by Qt if
    // the object is gone by then; a forgotten lookup is dropped by its
    // generation.
    promise->future().then(this, [this, generation](const Lookup &lookup) {
        if (m_generation != generation)
            return;
        if (lookup.info.isEmpty())
            emit failed(lookup.error);
        else
            emit resolved(lookup.info);
    });
    NetworkThreadPool::instance()->start([promise, info] {
        promise->addResult(lookUp(info));
        promise->finish();
    });
}

void HostResolver::abandon()
{
    ++m_generation;
}

} // namespace tusk::core
