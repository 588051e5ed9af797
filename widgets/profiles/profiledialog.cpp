#include "profiledialog.h"

#include "core/profiles/passwordkeeper.h"
#include "core/profiles/profileregistry.h"

#include "core/profiles/sslmode.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QVBoxLayout>

namespace tusk::widgets {

using namespace core;

namespace {
QLineEdit *lineEdit(const QString &objectName, const QString &text, const QString &placeholder = {})
{
    auto *edit = new QLineEdit(text);
    edit->setObjectName(objectName);
    edit->setPlaceholderText(placeholder);
    return edit;
}
} // namespace

ProfileDialog::ProfileDialog(
    core::ProfileRegistry *profiles, Mode mode, const Profile &profile, QWidget *parent)
    : QDialog(parent)
    , m_profiles(profiles)
    , m_mode(mode)
    , m_original(profile)
    , m_test(new ConnectionTest(this))
{
    setWindowTitle(
        mode == Mode::Edit ? tr("Edit profile %1").arg(profile.name) : tr("New profile"));
    const Profile &p = profile;
    QString name = p.name;
    if (mode == Mode::Duplicate)
        name += QStringLiteral("_copy");

    m_name = lineEdit(QStringLiteral("name"), name, tr("e.g. local, staging, db_test_1"));
    m_nameError = new QLabel(this);
    m_nameError->setObjectName(QStringLiteral("nameError"));
    m_nameError->setWordWrap(true);
    QPalette warning = m_nameError->palette();
    warning.setColor(QPalette::WindowText, QColor(0xc0, 0x39, 0x2b));
    m_nameError->setPalette(warning);

    m_file = new QComboBox(this);
    m_file->setObjectName(QStringLiteral("file"));
    ProfileStore &store = profiles->store();
    if (!store.projectRoot().isEmpty())
        m_file->addItem(
            tr("Project: %1").arg(store.projectFile().path()), int(ProfileScope::Project));
    m_file->addItem(tr("User: %1").arg(store.userFile().path()), int(ProfileScope::User));
    if (p.scope == ProfileScope::Project || p.scope == ProfileScope::User)
        m_file->setCurrentIndex(qMax(0, m_file->findData(int(p.scope))));
    m_file->setEnabled(mode != Mode::Edit);

    m_host = lineEdit(QStringLiteral("host"), p.host, tr("localhost, a name, or a socket folder"));
    m_port = new QSpinBox(this);
    m_port->setObjectName(QStringLiteral("port"));
    m_port->setRange(0, 65535);
    m_port->setSpecialValueText(tr("default (5432)"));
    m_port->setValue(p.port);
    m_database = lineEdit(QStringLiteral("database"), p.database);
    m_user = lineEdit(QStringLiteral("user"), p.user);
    // A one-off's password sits in its URL; it is offered, never written
    // to the file unless the user picks that below.
    const QString urlPassword =
        p.scope == ProfileScope::OneOff ? p.url.value(QStringLiteral("password")) : QString();
    m_password =
        lineEdit(QStringLiteral("password"), p.password.isEmpty() ? urlPassword : p.password,
            tr("from ~/.pgpass or the keychain, else asked when needed"));
    m_password->setEchoMode(QLineEdit::Password);
    m_passwordStorage = new QComboBox(this);
    m_passwordStorage->setObjectName(QStringLiteral("passwordStorage"));
    const QString keychain = profiles->passwords()->keychainName();
    m_passwordStorage->addItem(
        tr("Keep it in memory until Tusk quits; ask when needed"), int(PasswordStorage::Ask));
    m_passwordStorage->addItem(keychain.isEmpty() ? tr("In the system keychain (none available)")
                                                  : tr("In %1").arg(keychain),
        int(PasswordStorage::Keychain));
    m_passwordStorage->addItem(
        tr("In postgres.toml, in plain text (not recommended)"), int(PasswordStorage::File));
    if (keychain.isEmpty())
        qobject_cast<QStandardItemModel *>(m_passwordStorage->model())->item(1)->setEnabled(false);
    m_passwordStorage->setCurrentIndex(!p.password.isEmpty() && p.scope != ProfileScope::OneOff ? 2
            : keychain.isEmpty()                                                                ? 0
                                 : 1);
    m_passwordStorage->setToolTip(
        tr("Anyone who can read postgres.toml can read a password in it. The keychain and "
           "~/.pgpass (mode 0600) keep it out of the project."));
    lookUpStoredPassword();

    m_sslMode = new QComboBox(this);
    m_sslMode->setObjectName(QStringLiteral("sslmode"));
    m_sslMode->addItem(tr("disable (sslmode = false)"), QStringLiteral("disable"));
    m_sslMode->addItem(tr("require (sslmode = true)"), QStringLiteral("require"));
    for (const char *m : {"allow", "prefer", "verify-ca", "verify-full"})
        m_sslMode->addItem(QLatin1String(m), QLatin1String(m));
    m_sslMode->setCurrentIndex(
        qMax(0, m_sslMode->findData(p.sslMode.isEmpty() ? QStringLiteral("disable") : p.sslMode)));
    m_sslRootCert = lineEdit(QStringLiteral("sslrootcert"), p.sslRootCert);
    m_sslCert = lineEdit(QStringLiteral("sslcert"), p.sslCert);
    m_sslKey = lineEdit(QStringLiteral("sslkey"), p.sslKey);

    m_project = lineEdit(
        QStringLiteral("project"), p.project, tr("a subfolder of the project, e.g. services/api"));
    m_description = lineEdit(QStringLiteral("description"), p.description);
    m_migrationsPath = lineEdit(QStringLiteral("migrationsPath"), p.migrationsPath,
        tr("default: [migrations].path, AGENTS.md, db/migrations"));
    m_safety = new QComboBox(this);
    m_safety->setObjectName(QStringLiteral("safety"));
    m_safety->setEditable(true);
    m_safety->addItems({QString(), QStringLiteral("development"), QStringLiteral("staging"),
        QStringLiteral("production")});
    m_safety->setCurrentText(p.safety);
    m_lockTimeout = lineEdit(QStringLiteral("lockTimeout"), p.lockTimeout, tr("e.g. 3s"));
    m_statementTimeout =
        lineEdit(QStringLiteral("statementTimeout"), p.statementTimeout, tr("e.g. 5min"));
    m_readOnly = new QCheckBox(tr("Read-only sessions (default_transaction_read_only)"));
    m_readOnly->setObjectName(QStringLiteral("readOnly"));
    m_readOnly->setChecked(p.readOnly);

    auto *connection = new QGroupBox(tr("Connection"));
    auto *connectionForm = new QFormLayout(connection);
    connectionForm->addRow(tr("&Name:"), m_name);
    connectionForm->addRow(QString(), m_nameError);
    connectionForm->addRow(tr("Saved &in:"), m_file);
    connectionForm->addRow(tr("&Host:"), m_host);
    connectionForm->addRow(tr("&Port:"), m_port);
    connectionForm->addRow(tr("&Database:"), m_database);
    connectionForm->addRow(tr("&User:"), m_user);
    connectionForm->addRow(tr("Pass&word:"), m_password);
    connectionForm->addRow(tr("&Keep it:"), m_passwordStorage);

    auto *tls = new QGroupBox(tr("TLS"));
    auto *tlsForm = new QFormLayout(tls);
    tlsForm->addRow(tr("&sslmode:"), m_sslMode);
    tlsForm->addRow(tr("Root certificate:"), m_sslRootCert);
    tlsForm->addRow(tr("Client certificate:"), m_sslCert);
    tlsForm->addRow(tr("Client key:"), m_sslKey);

    auto *project = new QGroupBox(tr("Project and safety"));
    auto *projectForm = new QFormLayout(project);
    projectForm->addRow(tr("P&roject:"), m_project);
    projectForm->addRow(tr("Descrip&tion:"), m_description);
    projectForm->addRow(tr("&Migrations:"), m_migrationsPath);
    projectForm->addRow(tr("Sa&fety:"), m_safety);
    projectForm->addRow(tr("lock_timeout:"), m_lockTimeout);
    projectForm->addRow(tr("statement_timeout:"), m_statementTimeout);
    projectForm->addRow(QString(), m_readOnly);

    m_testButton = new QPushButton(tr("&Test connection"));
    m_testButton->setObjectName(QStringLiteral("testButton"));
    m_testResult = new QLabel(tr("Not tested yet."));
    m_testResult->setObjectName(QStringLiteral("testResult"));
    m_testResult->setWordWrap(true);
    m_testResult->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_useFallback = new QPushButton(this);
    m_useFallback->setObjectName(QStringLiteral("useFallback"));
    m_useFallback->hide();
    auto *testRow = new QHBoxLayout;
    testRow->addWidget(m_testButton, 0, Qt::AlignTop);
    testRow->addWidget(m_testResult, 1);
    testRow->addWidget(m_useFallback, 0, Qt::AlignTop);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel);
    m_ok = buttons->button(QDialogButtonBox::Save);
    m_ok->setObjectName(QStringLiteral("saveButton"));

    auto *columns = new QHBoxLayout;
    auto *left = new QVBoxLayout;
    left->addWidget(connection);
    left->addWidget(tls);
    columns->addLayout(left);
    auto *right = new QVBoxLayout;
    right->addWidget(project);
    right->addStretch();
    columns->addLayout(right);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(columns);
    layout->addLayout(testRow);
    layout->addWidget(buttons);

    connect(buttons, &QDialogButtonBox::accepted, this, &ProfileDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &ProfileDialog::reject);
    connect(m_name, &QLineEdit::textChanged, this, &ProfileDialog::validate);
    connect(m_testButton, &QPushButton::clicked, this, &ProfileDialog::runTest);
    connect(m_test, &ConnectionTest::finished, this, &ProfileDialog::showTest);
    connect(m_useFallback, &QPushButton::clicked, this, [this] {
        m_sslMode->setCurrentIndex(m_sslMode->findData(m_useFallback->property("mode")));
        m_useFallback->hide();
    });
    validate();
}

ProfileDialog::~ProfileDialog() = default;

ProfileFile *ProfileDialog::targetFile() const
{
    ProfileStore &store = m_profiles->store();
    return ProfileScope(m_file->currentData().toInt()) == ProfileScope::Project
        ? &store.projectFile()
        : &store.userFile();
}

Profile ProfileDialog::profile() const
{
    Profile p = m_original;
    p.name = m_name->text().trimmed();
    p.scope = ProfileScope(m_file->currentData().toInt());
    p.host = m_host->text().trimmed();
    p.port = m_port->value();
    p.database = m_database->text().trimmed();
    p.user = m_user->text().trimmed();
    p.password = storage() == PasswordStorage::File ? m_password->text() : QString();
    if (m_original.scope == ProfileScope::OneOff)
        p.url = ConnInfo(); // saved as a profile: the file's keys say it all
    p.sslMode = m_sslMode->currentData().toString();
    p.sslRootCert = m_sslRootCert->text().trimmed();
    p.sslCert = m_sslCert->text().trimmed();
    p.sslKey = m_sslKey->text().trimmed();
    p.project = m_project->text().trimmed();
    p.description = m_description->text().trimmed();
    p.migrationsPath = m_migrationsPath->text().trimmed();
    p.safety = m_safety->currentText().trimmed();
    p.lockTimeout = m_lockTimeout->text().trimmed();
    p.statementTimeout = m_statementTimeout->text().trimmed();
    p.readOnly = m_readOnly->isChecked();
    return p;
}

void ProfileDialog::validate()
{
    const QString name = m_name->text().trimmed();
    QString problem;
    if (!name.isEmpty() && !Profile::isValidName(name))
        problem = tr("Names use %1.").arg(Profile::nameRule());
    m_nameError->setText(problem);
    m_nameError->setVisible(!problem.isEmpty());
    m_ok->setEnabled(!name.isEmpty() && problem.isEmpty());
}

void ProfileDialog::runTest()
{
    ConnInfo info = profile().connInfo();
    if (!m_password->text().isEmpty())
        info.setValue(QStringLiteral("password"), m_password->text());
    else if (!m_storedPassword.isEmpty() && SecretStore::keyFor(info) == m_storedKey)
        info.setValue(QStringLiteral("password"), m_storedPassword);
    m_testResult->setText(tr("Connecting to %1…").arg(info.toDisplayString()));
    m_testButton->setEnabled(false);
    m_test->start(info);
}

void ProfileDialog::showTest(const ConnectionTestOutcome &outcome)
{
    m_lastTest = outcome;
    m_testButton->setEnabled(true);
    m_useFallback->hide();
    if (!outcome.ok) {
        m_testResult->setText(
            tr("<b>Failed.</b> %1").arg(outcome.error.toString().toHtmlEscaped()));
    } else {
        QString text = tr("<b>Connected</b> to PostgreSQL %1 as %2 in %3 ms (round trip %4 ms), "
                          "TLS %5.")
                           .arg(outcome.serverVersion.toHtmlEscaped(), outcome.user.toHtmlEscaped())
                           .arg(outcome.connectMs)
                           .arg(outcome.roundTripMs, 0, 'f', 2)
                           .arg(outcome.sslInUse ? outcome.sslVersion : tr("off"));
        if (!outcome.fallbackSslMode.isEmpty()) {
            text += tr("<br>Only with sslmode %1: %2")
                        .arg(outcome.fallbackSslMode, outcome.error.message.toHtmlEscaped());
            // docs/profiles.md: the form (and so the file) changes only with a yes.
            m_useFallback->setText(tr("Use sslmode %1").arg(outcome.fallbackSslMode));
            m_useFallback->setProperty("mode", outcome.fallbackSslMode);
            m_useFallback->show();
        }
        m_testResult->setText(text);
    }
    emit testFinished(outcome);
}

void ProfileDialog::accept()
{
    const Profile p = profile();
    const QString previous = m_mode == Mode::Edit ? m_original.name : QString();
    QString error;
    if (!m_profiles->saveProfile(p, previous, targetFile(), &error)) {
        QMessageBox::warning(this, tr("Profile not saved"), error);
        return;
    }
    // The keychain steps run on after the dialog closes; their outcome is
    // the keeper's notice in the status bar.
    core::PasswordKeeper *passwords = m_profiles->passwords();
    const ConnInfo info = p.connInfo();
    const QString typed = m_password->text();
    switch (storage()) {
    case PasswordStorage::Keychain:
        if (!typed.isEmpty() && typed != m_storedPassword)
            passwords->store(info, typed);
        break;
    case PasswordStorage::Ask:
        if (!m_storedKey.isEmpty())
            passwords->forget(m_original.connInfo());
        if (!typed.isEmpty())
            passwords->rememberForSession(info, typed);
        break;
    case PasswordStorage::File:
        break;
    }
    QDialog::accept();
}

ProfileDialog::PasswordStorage ProfileDialog::storage() const
{
    return PasswordStorage(m_passwordStorage->currentData().toInt());
}

void ProfileDialog::lookUpStoredPassword()
{
    SecretStore *store = m_profiles->passwords()->secretStore();
    if (!store || m_mode == Mode::Add || m_original.scope == ProfileScope::OneOff)
        return;
    const QString key = SecretStore::keyFor(m_original.connInfo());
    store->read(key, this, [this, key](const SecretResult &result) {
        if (!result.found())
            return;
        m_storedKey = key;
        m_storedPassword = result.secret;
        m_password->setPlaceholderText(
            tr("stored in %1; type to replace").arg(m_profiles->passwords()->keychainName()));
        if (storage() == PasswordStorage::Ask)
            m_passwordStorage->setCurrentIndex(1);
    });
}

} // namespace tusk::widgets
