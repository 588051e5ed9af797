#pragma once

#include "core/profiles/secretstore.h"

namespace QKeychain {
class Job;
}

namespace tusk::app {

// SecretStore over QtKeychain: the Secret Service (GNOME Keyring, KeePassXC,
// …) or KWallet on Linux, the Keychain on macOS, the Credential Store on
// Windows. Entries live under the service name "tusk". Kept out of core
// because QtKeychain brings Qt D-Bus with it.
class KeychainSecretStore : public core::SecretStore {
    Q_OBJECT
public:
    explicit KeychainSecretStore(QObject *parent = nullptr);

    QString displayName() const override;
    void read(const QString &key, QObject *context, Reply reply) override;
    void write(const QString &key, const QString &secret, QObject *context, Reply reply) override;
    void remove(const QString &key, QObject *context, Reply reply) override;

    static QString serviceName();

private:
    // Starts the job and turns its end into a SecretResult for `reply`.
    void run(QKeychain::Job *job, QObject *context, Reply reply, bool isRead);
};

} // namespace tusk::app
