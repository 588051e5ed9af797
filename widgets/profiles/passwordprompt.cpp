#include "passwordprompt.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace tusk::widgets {

PasswordPrompt::PasswordPrompt(const QString &profileName, const QString &target,
    const QString &reason, const QString &keychain, QWidget *parent)
    : QDialog(parent)
    , m_password(new QLineEdit(this))
    , m_remember(new QCheckBox(this))
{
    setObjectName(QStringLiteral("passwordPrompt"));
    setWindowTitle(tr("Password for %1").arg(profileName));
    setWindowModality(Qt::WindowModal);

    auto *why = new QLabel(
        QStringLiteral("<b>%1</b><br>%2").arg(target.toHtmlEscaped(), reason.toHtmlEscaped()),
        this);
    why->setObjectName(QStringLiteral("passwordReason"));
    why->setWordWrap(true);
    why->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_password->setObjectName(QStringLiteral("passwordField"));
    m_password->setEchoMode(QLineEdit::Password);
    m_remember->setObjectName(QStringLiteral("rememberPassword"));
    if (keychain.isEmpty()) {
        m_remember->setText(tr("Remember it in the system keychain"));
        m_remember->setEnabled(false);
        m_remember->setToolTip(tr("No keychain is available; ~/.pgpass (mode 0600) can hold "
                                  "it instead."));
    } else {
        m_remember->setText(tr("Remember it in %1").arg(keychain));
        m_remember->setToolTip(tr("Stored once the connection works, under %1. Without it, "
                                  "Tusk keeps the password in memory until it quits.")
                                   .arg(target));
    }

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("&Connect"));
    buttons->button(QDialogButtonBox::Ok)->setEnabled(false);
    connect(m_password, &QLineEdit::textChanged, this, [buttons](const QString &text) {
        buttons->button(QDialogButtonBox::Ok)->setEnabled(!text.isEmpty());
    });
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *form = new QFormLayout;
    form->addRow(tr("&Password:"), m_password);
    form->addRow(QString(), m_remember);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(why);
    layout->addLayout(form);
    layout->addWidget(buttons);
    setMinimumWidth(420);
}

QString PasswordPrompt::password() const
{
    return m_password->text();
}

bool PasswordPrompt::remember() const
{
    return m_remember->isEnabled() && m_remember->isChecked();
}

void PasswordPrompt::setPassword(const QString &password)
{
    m_password->setText(password);
}

void PasswordPrompt::setRemember(bool remember)
{
    m_remember->setChecked(remember);
}

} // namespace tusk::widgets
