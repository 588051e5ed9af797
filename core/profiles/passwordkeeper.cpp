#include "passwordkeeper.h"

#include "passwordsource.h"

namespace tusk::core {

PasswordKeeper::PasswordKeeper(QObject *parent)
    : QObject(parent)
{
}

void PasswordKeeper::setSecretStore(SecretStore *store)
{
    m_store = store;
    emit secretStoreChanged();
}

QString PasswordKeeper::keychainName() const
{
    return m_store ? m_store->displayName() : QString();
}

void PasswordKeeper::withPassword(const Profile &profile, QObject *context, Reply reply)
{
    ConnInfo info = profile.connInfo();
    if (!PasswordSource::of(profile).needsLookup()) {
        reply(info, From::Libpq, {});
        return;
    }
    const QString key = SecretStore::keyFor(info);
    if (const auto typed = m_session.constFind(key); typed != m_session.constEnd()) {
        info.setValue(QStringLiteral("password"), *typed);
        reply(info, From::Session, {});
        return;
    }
    if (!m_store) {
        reply(info, From::Nothing, {});
        return;
    }
    const QString keychain = keychainName();
    m_store->read(key, context, [keychain, info, reply](const SecretResult &result) mutable {
        // A keychain that is locked or missing is not an error here: the
        // server will say whether it wants a password, and the window asks.
        if (!result.found()) {
            reply(info, From::Nothing,
                result.status == SecretResult::Status::Failed
                    ? tr("%1 could not be read: %2").arg(keychain, result.error)
                    : QString());
            return;
        }
        info.setValue(QStringLiteral("password"), result.secret);
        reply(info, From::Keychain, {});
    });
}

void PasswordKeeper::rememberForSession(const ConnInfo &info, const QString &password)
{
    m_session.insert(SecretStore::keyFor(info), password);
}

void PasswordKeeper::store(const ConnInfo &info, const QString &password)
{
    const QString key = SecretStore::keyFor(info);
    if (!m_store) {
        emit notice(tr("The password for %1 was not stored: no keychain.").arg(key));
        return;
    }
    m_store->write(key, password, this, [this, key](const SecretResult &result) {
        emit notice(result.status == SecretResult::Status::Done
                ? tr("The password for %1 is in %2.").arg(key, keychainName())
                : tr("The password for %1 was not stored: %2.").arg(key, result.error));
    });
}

void PasswordKeeper::forget(const ConnInfo &info)
{
    const QString key = SecretStore::keyFor(info);
    m_session.remove(key);
    if (!m_store)
        return;
    m_store->remove(key, this, [this, key](const SecretResult &result) {
        if (result.status == SecretResult::Status::Done)
            emit notice(tr("The password for %1 was removed from %2.").arg(key, keychainName()));
        else if (result.status == SecretResult::Status::Failed)
            emit notice(tr("The password for %1 was not removed: %2.").arg(key, result.error));
    });
}

} // namespace tusk::core
