#pragma once

#include "core/pg/conninfo.h"

#include <QObject>
#include <QString>

#include <functional>

namespace tusk::core {

// What a keychain call came back with.
struct SecretResult {
    enum class Status {
        Found, // read: `secret` holds it
        NotFound, // read or remove: no entry for the key
        Done, // write or remove succeeded
        Failed, // no keychain running, access denied, …: `error` says which
    };
    Status status = Status::Failed;
    QString secret;
    QString error;

    bool found() const { return status == Status::Found; }
};

// Where passwords live when they are not in postgres.toml or ~/.pgpass: the
// system keychain. Core only knows this interface (core links Qt6::Core
// alone); the QtKeychain implementation sits outside core and is handed in
// by the application. Every call is asynchronous, because a keychain may ask
// the user or wake a daemon: `reply` runs later on the caller's thread,
// unless `context` is gone by then.
class SecretStore : public QObject {
    Q_OBJECT
public:
    using Reply = std::function<void(const SecretResult &result)>;

    using QObject::QObject;

    // For people: "the system keychain (Secret Service)".
    virtual QString displayName() const = 0;
    virtual void read(const QString &key, QObject *context, Reply reply) = 0;
    virtual void write(
        const QString &key, const QString &secret, QObject *context, Reply reply) = 0;
    virtual void remove(const QString &key, QObject *context, Reply reply) = 0;

    // The entry for a connection: "postgresql://user@host:port/database",
    // with libpq's defaults filled in. Keyed by server and role rather than
    // by profile name, like ~/.pgpass, so a password survives a renamed
    // profile and is shared by two profiles of the same role.
    static QString keyFor(const ConnInfo &info);
};

} // namespace tusk::core
