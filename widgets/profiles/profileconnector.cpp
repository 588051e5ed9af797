#include "profileconnector.h"

#include "core/pg/pgerror.h"
#include "core/profiles/passwordsource.h"

#include <QWidget>

namespace tusk::widgets {

using namespace core;

ProfileConnector::ProfileConnector(core::PasswordKeeper *passwords, QWidget *window)
    : QObject(window)
    , m_passwords(passwords)
    , m_window(window)
{
}

void ProfileConnector::clear()
{
    ++m_generation;
    m_profile.reset();
    m_info = ConnInfo();
    m_typed = m_remember = false;
    if (m_prompt)
        m_prompt->deleteLater();
}

void ProfileConnector::start(const Profile &profile)
{
    clear();
    m_profile = profile;
    const quint64 generation = m_generation;
    m_passwords->withPassword(profile, this,
        [this, generation](const ConnInfo &info, core::PasswordKeeper::From from, const QString &) {
            if (generation != m_generation)
                return;
            m_info = info;
            m_from = from;
            emit ready(*m_profile, m_info);
        });
}

bool ProfileConnector::retry(const PgError &error)
{
    // Only a password problem is the user's to answer here; the sandbox
    // trusts its owner, so a password is never the issue there.
    if (!m_profile || error.sqlState != QLatin1String("28P01")
        || m_profile->scope == ProfileScope::Sandbox)
        return false;
    ask(promptReason(error));
    return true;
}

QString ProfileConnector::promptReason(const PgError &error) const
{
    if (error.message.contains(QLatin1String("no password supplied")))
        return tr("The server asks for a password, and none is stored for this role.");
    if (m_typed)
        return tr("The server refused that password. Try again.");
    switch (m_from) {
    case core::PasswordKeeper::From::Keychain:
        return tr("The server refused the password stored in %1.").arg(m_passwords->keychainName());
    case core::PasswordKeeper::From::Session:
        return tr("The server refused the password typed earlier.");
    default:
        break;
    }
    switch (PasswordSource::of(*m_profile).kind) {
    case PasswordSource::Kind::ProfileFile:
        return tr("The server refused the password in postgres.toml.");
    case PasswordSource::Kind::Url:
        return tr("The server refused the password in the connection URL.");
    case PasswordSource::Kind::PassFile:
        return tr("The server refused the password in %1.")
            .arg(PasswordSource::of(*m_profile).passFile);
    default:
        return error.message;
    }
}

void ProfileConnector::ask(const QString &reason)
{
    const bool rememberBefore = m_prompt ? m_prompt->remember() : m_remember;
    if (m_prompt)
        m_prompt->deleteLater();
    m_prompt = new PasswordPrompt(
        m_profile->name, m_info.toDisplayString(), reason, m_passwords->keychainName(), m_window);
    m_prompt->setRemember(rememberBefore || m_from == core::PasswordKeeper::From::Keychain);
    m_prompt->setAttribute(Qt::WA_DeleteOnClose);
    const quint64 generation = m_generation;
    PasswordPrompt *prompt = m_prompt;
    connect(prompt, &QDialog::accepted, this, [this, prompt, generation] {
        if (generation != m_generation)
            return;
        m_info.setValue(QStringLiteral("password"), prompt->password());
        m_typed = true;
        m_remember = prompt->remember();
        emit ready(*m_profile, m_info);
    });
    connect(prompt, &QDialog::rejected, this, [this, generation] {
        if (generation == m_generation)
            emit message(tr("Not connected: no password given."));
    });
    m_prompt->open();
}

void ProfileConnector::opened()
{
    if (!m_profile || !m_typed)
        return;
    const QString password = m_info.value(QStringLiteral("password"));
    m_passwords->rememberForSession(m_info, password);
    if (m_remember)
        m_passwords->store(m_info, password);
    m_typed = m_remember = false;
}

} // namespace tusk::widgets
