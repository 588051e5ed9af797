#pragma once

#include "profile.h"
#include "secretstore.h"

#include <QHash>
#include <QObject>
#include <QPointer>

#include <functional>

namespace tusk::core {

// Where Tusk finds a password when libpq would not: passwords typed in this
// run (kept in memory only, per server and role) and the system keychain.
// postgres.toml, a URL and ~/.pgpass come first, as libpq reads them
// itself. The one lookup both faces use (the window before it connects,
// the command line's --profile). Every keychain step is asynchronous; the
// thread it lives on.
class PasswordKeeper : public QObject {
    Q_OBJECT
public:
    explicit PasswordKeeper(QObject *parent = nullptr);

    // Not owned; null when this build or test has no keychain.
    void setSecretStore(SecretStore *store);
    SecretStore *secretStore() const { return m_store; }
    // "the system keychain (Secret Service)", or empty without one.
    QString keychainName() const;

    enum class From { Libpq, Session, Keychain, Nothing };
    // The profile's parameters with a password from this session or the
    // keychain when libpq has none of its own. `reply` may run before
    // withPassword() returns (nothing to look up) or later; never after
    // `context` is gone.
    // `problem` says why the keychain could not be read (locked, no
    // service), empty when it simply holds nothing for this server.
    using Reply = std::function<void(const ConnInfo &info, From from, const QString &problem)>;
    void withPassword(const Profile &profile, QObject *context, Reply reply);

    // A password that worked, kept for this run only.
    void rememberForSession(const ConnInfo &info, const QString &password);
    // Keychain writes; the outcome arrives as notice().
    void store(const ConnInfo &info, const QString &password);
    void forget(const ConnInfo &info);

signals:
    // One sentence for a status bar: stored, removed, or why not.
    void notice(const QString &text);
    // A keychain was set or taken away: views showing password sources redo them.
    void secretStoreChanged();

private:
    QPointer<SecretStore> m_store;
    QHash<QString, QString> m_session; // SecretStore::keyFor → password
};

} // namespace tusk::core
