#pragma once

#include <QDialog>

class QCheckBox;
class QLabel;
class QLineEdit;

namespace tusk::widgets {

// Asks for the password the server wants, saying why it asks (none was
// supplied, or the one tried was refused), with "remember it in the
// keychain" as the user's choice. Window-modal and opened with open(), so
// the event loop keeps running behind it.
class PasswordPrompt : public QDialog {
    Q_OBJECT
public:
    // `target` is "user@host:port/database"; `keychain` names the keychain
    // (empty: none, and the checkbox says so).
    PasswordPrompt(const QString &profileName, const QString &target, const QString &reason,
        const QString &keychain, QWidget *parent = nullptr);

    QString password() const;
    bool remember() const;
    // For tests and for a retry that keeps what the user chose.
    void setPassword(const QString &password);
    void setRemember(bool remember);

private:
    QLineEdit *m_password;
    QCheckBox *m_remember;
};

} // namespace tusk::widgets
