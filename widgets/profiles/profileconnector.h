#pragma once

#include "core/profiles/passwordkeeper.h"
#include "passwordprompt.h"

#include "core/profiles/profile.h"

#include <QObject>
#include <QPointer>

namespace tusk::core {
struct PgError;
}

namespace tusk::widgets {

// Turns a profile into the parameters a session opens with, and asks for a
// password when the server wants one: libpq's own sources first (the file,
// a URL, ~/.pgpass), then a password typed earlier in this run, then the
// keychain; when the server still answers 28P01, a PasswordPrompt. A
// password the user asked to remember is stored only once it has worked.
class ProfileConnector : public QObject {
    Q_OBJECT
public:
    ProfileConnector(core::PasswordKeeper *passwords, QWidget *window);

    // Looks up the password (maybe asynchronously) and emits ready().
    void start(const core::Profile &profile);
    // Forgets the profile in flight (the window opens something else).
    void clear();
    // The session did not open. Returns true when the user is asked for a
    // password; ready() follows if they give one.
    bool retry(const core::PgError &error);
    // The session opened: keep a typed password for this run, and in the
    // keychain when asked.
    void opened();

    PasswordPrompt *prompt() const { return m_prompt; }

signals:
    void ready(const tusk::core::Profile &profile, const tusk::core::ConnInfo &info);
    void message(const QString &text);

private:
    QString promptReason(const core::PgError &error) const;
    void ask(const QString &reason);

    core::PasswordKeeper *m_passwords;
    QWidget *m_window;
    std::optional<core::Profile> m_profile;
    core::ConnInfo m_info;
    core::PasswordKeeper::From m_from = core::PasswordKeeper::From::Nothing; // of m_info's password
    bool m_typed = false;
    bool m_remember = false;
    quint64 m_generation = 0; // a newer start() makes older lookups moot
    QPointer<PasswordPrompt> m_prompt;
};

} // namespace tusk::widgets
