#include "app/keychain/keychainsecretstore.h"

#include <qt6keychain/keychain.h>

namespace tusk::app {

using core::SecretResult;

KeychainSecretStore::KeychainSecretStore(QObject *parent)
    : SecretStore(parent)
{
}

QString KeychainSecretStore::serviceName()
{
    return QStringLiteral("tusk");
}

QString KeychainSecretStore::displayName() const
{
#if defined(Q_OS_MACOS)
    return tr("the macOS Keychain");
#elif defined(Q_OS_WIN)
    return tr("the Windows Credential Manager");
#else
    return tr("the system keychain (Secret Service)");
#endif
}

void KeychainSecretStore::read(const QString &key, QObject *context, Reply reply)
{
    auto *job = new QKeychain::ReadPasswordJob(serviceName());
    job->setKey(key);
    run(job, context, std::move(reply), true);
}

void KeychainSecretStore::write(
    const QString &key, const QString &secret, QObject *context, Reply reply)
{
    auto *job = new QKeychain::WritePasswordJob(serviceName());
    job->setKey(key);
    job->setTextData(secret);
    run(job, context, std::move(reply), false);
}

void KeychainSecretStore::remove(const QString &key, QObject *context, Reply reply)
{
    auto *job = new QKeychain::DeletePasswordJob(serviceName());
    job->setKey(key);
    run(job, context, std::move(reply), false);
}

void KeychainSecretStore::run(QKeychain::Job *job, QObject *context, Reply reply, bool isRead)
{
    // Never fall back to a plain-text QSettings file: that would be a
    // password on disk the user did not choose.
    job->setInsecureFallback(false);
    job->setAutoDelete(true);
    connect(job, &QKeychain::Job::finished, context ? context : this,
        [reply = std::move(reply), isRead](QKeychain::Job *finished) {
            SecretResult result;
            switch (finished->error()) {
            case QKeychain::NoError:
                result.status = isRead ? SecretResult::Status::Found : SecretResult::Status::Done;
                if (isRead)
                    result.secret = static_cast<QKeychain::ReadPasswordJob *>(finished)->textData();
                break;
            case QKeychain::EntryNotFound:
                result.status = SecretResult::Status::NotFound;
                break;
            default:
                result.status = SecretResult::Status::Failed;
                result.error = finished->errorString();
                break;
            }
            reply(result);
        });
    job->start();
}

} // namespace tusk::app
