#pragma once

#include "conninfo.h"

#include <QObject>

namespace tusk::core {

// Resolves the host names of a ConnInfo on a worker thread, because libpq
// would call the blocking getaddrinfo() inside PQconnectPoll() on the
// caller's thread. The result carries a hostaddr for every host entry, so
// libpq connects without looking anything up; the host names stay for TLS
// verification and .pgpass. Lives on the thread that created it.
class HostResolver : public QObject {
    Q_OBJECT
public:
    explicit HostResolver(QObject *parent = nullptr);

    // Starts a lookup; emits resolved() or failed() once, on this object's
    // thread. A lookup started earlier and not yet finished is forgotten.
    void resolve(const ConnInfo &info);
    void abandon();

    // True when the ConnInfo names a host that is neither an address, a
    // socket folder, nor already paired with a hostaddr.
    static bool needsLookup(const ConnInfo &info);

signals:
    void resolved(const tusk::core::ConnInfo &info);
    void failed(const QString &message);

private:
    quint64 m_generation = 0;
};

} // namespace tusk::core
