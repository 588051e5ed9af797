#pragma once

#include "profiles/profile.h"
#include "profiles/secretstore.h"

#include <QHash>
#include <QObject>
#include <QPointer>

#include <functional>

namespace tusk::widgets {

// Where the window finds a password when libpq would not: passwords typed
// in this run (kept in memory only, per server and role) and the system
// keychain. postgres.toml, a URL and ~/.pgpass come first, as libpq reads
// them itself. Every keychain step is asynchronous. GUI thread.
class PasswordKeeper : public QObject {
    Q_OBJECT
public:
    explicit PasswordKeeper(QObject *parent = nullptr);

    // Not owned; null when this build or test has no keychain.
    void setSecretStore(core::SecretStore *store);
    core::SecretStore *secretStore() const { return m_store; }
    // "the system keychain (Secret Service)", or empty without one.
    QString keychainName() const;

    enum class From { Libpq, Session, Keychain, Nothing };
    // The profile's parameters with a password from this session or the
    // keychain when libpq has none of its own. `reply` may run before
    // withPassword() returns (nothing to look up) or later; never after
    // `context` is gone.
    using Reply = std::function<void(const core::ConnInfo &info, From from)>;
    void withPassword(const core::Profile &profile, QObject *context, Reply reply);

    // A password that worked, kept for this run only.
    void rememberForSession(const core::ConnInfo &info, const QString &password);
    // Keychain writes; the outcome arrives as notice().
    void store(const core::ConnInfo &info, const QString &password);
    void forget(const core::ConnInfo &info);

signals:
    // One sentence for a status bar: stored, removed, or why not.
    void notice(const QString &text);
    // A keychain was set or taken away: views showing password sources redo them.
    void secretStoreChanged();

private:
    QPointer<core::SecretStore> m_store;
    QHash<QString, QString> m_session; // SecretStore::keyFor → password
};

} // namespace tusk::widgets
