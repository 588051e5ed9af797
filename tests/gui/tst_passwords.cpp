// Passwords in the window, offscreen, against the fixture's server (SCRAM on
// TCP) and a real throwaway keychain (with-keyring.sh): the prompt when the
// server asks, "remember" storing it only once it works, the keychain used
// on the next start, a refused keychain password asked again, the profile
// dialog's storage choice, DB_URL saved as a profile, and pg_service.conf
// imported from the Profiles tool.

#include "testsecrets.h"
#include "testsupport.h"
#include "windowpages.h"

#include "app/keychain/keychainsecretstore.h"
#include "core/pg/connection.h"
#include "core/profiles/passwordkeeper.h"
#include "core/profiles/profileregistry.h"
#include "core/sandbox/localserver.h"
#include "widgets/profiles/passwordprompt.h"
#include "widgets/profiles/profileconnector.h"
#include "widgets/profiles/profiledialog.h"
#include "widgets/profiles/profilespage.h"
#include "widgets/shell/mainwindow.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTest>
#include <QTimer>
#include <QTreeWidget>

using namespace tusk::widgets;
using tusk::app::KeychainSecretStore;
using tusk::core::Connection;
using tusk::core::ConnInfo;
using tusk::core::Profile;
using tusk::core::SecretResult;
using tusk::core::SecretStore;
using tusk::test::profilesPage;

using tusk::test::readFile;
using tusk::test::writeFile;

namespace {
// A window over the test's files with the throwaway keychain, wired as the
// application wires it.
struct Session {
    Session(const QString &root, SecretStore *keychain)
        : catalog(root, root + QStringLiteral("/no-sandbox"))
        , window(&catalog)
    {
        catalog.passwords()->setSecretStore(keychain);
        window.show();
        exposed = QTest::qWaitForWindowExposed(&window);
    }
    Profile remote() const { return *catalog.find(QStringLiteral("remote")); }

    tusk::core::ProfileRegistry catalog;
    MainWindow window;
    bool exposed = false;
};

QString reasonOf(const PasswordPrompt *prompt)
{
    return prompt->findChild<QLabel *>(QStringLiteral("passwordReason"))->text();
}

bool isReady(const MainWindow &window)
{
    return window.connection() && window.connection()->state() == Connection::State::Ready;
}

// Runs `interact` on the next modal dialog once exec() has shown it.
void whenModal(const std::function<void(QWidget *)> &interact)
{
    QTimer::singleShot(0, [interact] {
        QWidget *modal = nullptr;
        if (QTest::qWaitFor(
                [&modal] { return (modal = QApplication::activeModalWidget()) != nullptr; }, 5000))
            interact(modal);
    });
}
} // namespace

class TestPasswords : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void promptsThenRemembersInKeychain();
    void nextStartUsesKeychain();
    void refusedKeychainPasswordAsksAgain();
    void dialogStoresPasswordInKeychain();
    void savesOneOffAsProfile();
    void importsServices();

private:
    SecretResult readSecret(const ConnInfo &info);
    void writeSecret(const ConnInfo &info, const QString &secret);
    PasswordPrompt *waitForPrompt(MainWindow &window);
    ConnInfo remoteInfo() const;

    KeychainSecretStore m_keychain;
    ConnInfo m_tcp;
    QString m_password;
    QString m_root;
    QString m_userFile;
};

void TestPasswords::initTestCase()
{
    QVERIFY2(
        !tusk::test::clusterConnInfo().isEmpty(), qPrintable(tusk::test::clusterMissingMessage()));
    QVERIFY2(!qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"),
        "run through tests/common/with-keyring.sh (CTest does)");
    m_tcp = tusk::core::LocalServer(qEnvironmentVariable("TUSK_TEST_CLUSTER")).tcpConnInfo();
    m_password = m_tcp.value(QStringLiteral("password"));
}

void TestPasswords::init()
{
    m_root = tusk::test::scratchFolder(QStringLiteral("passwords"));
    qputenv("XDG_CONFIG_HOME", QFile::encodeName(m_root + QStringLiteral("/config")));
    // Nothing but the keychain and the prompt may supply a password.
    qputenv("PGPASSFILE", QFile::encodeName(m_root + QStringLiteral("/no-pgpass")));
    m_userFile = m_root + QStringLiteral("/config/tusk/postgres.toml");
    QVERIFY(writeFile(m_userFile,
        QStringLiteral("[configuration]\nschema_version = 1\n"
                       "pg_bin_path = \"/usr/lib/postgresql/15/bin\"\n\n"
                       "[database.remote]\nhost = \"127.0.0.1\"\nport = %1\n"
                       "database = \"postgres\"\nuser = \"%2\"\n")
            .arg(m_tcp.port(), m_tcp.user())
            .toUtf8()));
    // Every test starts with an empty keychain entry for the server.
    bool done = false;
    m_keychain.remove(SecretStore::keyFor(remoteInfo()), this, [&done](auto) { done = true; });
    QVERIFY(QTest::qWaitFor([&done] { return done; }, 10000));
}

ConnInfo TestPasswords::remoteInfo() const
{
    ConnInfo info = m_tcp;
    info.remove(QStringLiteral("password"));
    return info;
}

SecretResult TestPasswords::readSecret(const ConnInfo &info)
{
    SecretResult result;
    bool done = false;
    m_keychain.read(SecretStore::keyFor(info), this, [&](const SecretResult &r) {
        result = r;
        done = true;
    });
    if (!QTest::qWaitFor([&done] { return done; }, 10000))
        result.error = QStringLiteral("the keychain did not answer");
    return result;
}

void TestPasswords::writeSecret(const ConnInfo &info, const QString &secret)
{
    bool done = false;
    m_keychain.write(SecretStore::keyFor(info), secret, this, [&done](auto) { done = true; });
    QVERIFY(QTest::qWaitFor([&done] { return done; }, 10000));
}

PasswordPrompt *TestPasswords::waitForPrompt(MainWindow &window)
{
    PasswordPrompt *prompt = nullptr;
    const bool shown = QTest::qWaitFor(
        [&] {
            prompt = window.profileConnector()->prompt();
            return prompt && prompt->isVisible();
        },
        15000);
    return shown ? prompt : nullptr;
}

void TestPasswords::promptsThenRemembersInKeychain()
{
    Session session(m_root, &m_keychain);
    MainWindow &window = session.window;
    QVERIFY(session.exposed);
    window.openProfile(session.remote());

    PasswordPrompt *prompt = waitForPrompt(window);
    QVERIFY(prompt);
    const QString reason = reasonOf(prompt);
    QVERIFY2(reason.contains(QLatin1String("asks for a password")), qPrintable(reason));
    QVERIFY(prompt->findChild<QCheckBox *>(QStringLiteral("rememberPassword"))->isEnabled());
    QVERIFY(tusk::test::saveArtifact(prompt->grab(), QStringLiteral("password-prompt.png")));

    // A wrong password: refused, asked again, and nothing is stored.
    QTest::keyClicks(
        prompt->findChild<QLineEdit *>(QStringLiteral("passwordField")), QStringLiteral("wrong"));
    prompt->findChild<QCheckBox *>(QStringLiteral("rememberPassword"))->setChecked(true);
    prompt->accept();
    QTRY_VERIFY_WITH_TIMEOUT(window.profileConnector()->prompt() != prompt
            && window.profileConnector()->prompt()
            && window.profileConnector()->prompt()->isVisible(),
        15000);
    prompt = window.profileConnector()->prompt();
    const QString again = reasonOf(prompt);
    QVERIFY2(again.contains(QLatin1String("refused that password")), qPrintable(again));
    QVERIFY(prompt->remember()); // the choice carries over
    QCOMPARE(int(readSecret(remoteInfo()).status), int(SecretResult::Status::NotFound));

    QTest::keyClicks(prompt->findChild<QLineEdit *>(QStringLiteral("passwordField")), m_password);
    prompt->accept();
    QTRY_VERIFY_WITH_TIMEOUT(isReady(window), 15000);
    QTRY_VERIFY_WITH_TIMEOUT(readSecret(remoteInfo()).found(), 10000);
    QCOMPARE(readSecret(remoteInfo()).secret, m_password);
    QTRY_VERIFY(window.statusBar()->currentMessage().contains(QLatin1String("is in")));
    // The file never saw it.
    QVERIFY(!readFile(m_userFile).contains(m_password.toUtf8()));
}

void TestPasswords::nextStartUsesKeychain()
{
    writeSecret(remoteInfo(), m_password);
    Session session(m_root, &m_keychain);
    MainWindow &window = session.window;
    QVERIFY(session.exposed);
    window.openProfile(session.remote());
    QTRY_VERIFY_WITH_TIMEOUT(isReady(window), 15000);
    QVERIFY(!window.profileConnector()->prompt());

    // The Profiles tool says where the password comes from.
    profilesPage(window)->selectProfile(QStringLiteral("remote"));
    auto *details = profilesPage(window)->findChild<QLabel *>(QStringLiteral("details"));
    QTRY_VERIFY_WITH_TIMEOUT(details->text().contains(QLatin1String("system keychain")), 10000);
    QVERIFY(tusk::test::saveArtifact(window.grab(), QStringLiteral("profiles-keychain.png")));
}

void TestPasswords::refusedKeychainPasswordAsksAgain()
{
    writeSecret(remoteInfo(), QStringLiteral(TUSK_TEST_PASSWORD_STALE));
    Session session(m_root, &m_keychain);
    MainWindow &window = session.window;
    QVERIFY(session.exposed);
    window.openProfile(session.remote());
    PasswordPrompt *prompt = waitForPrompt(window);
    QVERIFY(prompt);
    const QString reason = reasonOf(prompt);
    QVERIFY2(reason.contains(QLatin1String("refused the password stored in")), qPrintable(reason));
    QVERIFY(prompt->remember()); // replacing the stale entry is the default
    prompt->reject();
    QTRY_VERIFY(window.statusBar()->currentMessage().contains(QLatin1String("no password given")));
    QVERIFY(!isReady(window));
    QCOMPARE(readSecret(remoteInfo()).secret, QStringLiteral(TUSK_TEST_PASSWORD_STALE));
}

void TestPasswords::dialogStoresPasswordInKeychain()
{
    tusk::core::ProfileRegistry catalog(m_root, m_root + QStringLiteral("/no-sandbox"));
    catalog.passwords()->setSecretStore(&m_keychain);
    const Profile remote = *catalog.find(QStringLiteral("remote"));
    ProfileDialog dialog(&catalog, ProfileDialog::Mode::Edit, remote);
    dialog.show();
    auto *storage = dialog.findChild<QComboBox *>(QStringLiteral("passwordStorage"));
    QVERIFY(storage->currentText().contains(QLatin1String("keychain")));
    QTest::keyClicks(dialog.findChild<QLineEdit *>(QStringLiteral("password")), m_password);
    // The typed password makes the test work without any stored one.
    QSignalSpy tested(&dialog, &ProfileDialog::testFinished);
    QTest::mouseClick(
        dialog.findChild<QPushButton *>(QStringLiteral("testButton")), Qt::LeftButton);
    QVERIFY(tested.wait(15000));
    QVERIFY(dialog.lastTest().ok);
    dialog.accept();
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QTRY_VERIFY_WITH_TIMEOUT(readSecret(remoteInfo()).found(), 10000);
    QVERIFY(!readFile(m_userFile).contains("password"));

    // Edited again: the dialog knows the keychain has it, and "ask" removes it.
    ProfileDialog again(
        &catalog, ProfileDialog::Mode::Edit, *catalog.find(QStringLiteral("remote")));
    auto *field = again.findChild<QLineEdit *>(QStringLiteral("password"));
    QTRY_VERIFY_WITH_TIMEOUT(field->placeholderText().contains(QLatin1String("stored in")), 10000);
    auto *againStorage = again.findChild<QComboBox *>(QStringLiteral("passwordStorage"));
    againStorage->setCurrentIndex(0);
    again.accept();
    QTRY_COMPARE_WITH_TIMEOUT(
        int(readSecret(remoteInfo()).status), int(SecretResult::Status::NotFound), 10000);
}

void TestPasswords::savesOneOffAsProfile()
{
    Session session(m_root, &m_keychain);
    MainWindow &window = session.window;
    QVERIFY(session.exposed);
    window.openProfile(Profile::oneOff(m_tcp, QStringLiteral("db_url")));
    QTRY_VERIFY_WITH_TIMEOUT(isReady(window), 15000);
    auto *save = profilesPage(window)->findChild<QPushButton *>(QStringLiteral("saveOneOffButton"));
    QVERIFY(save->isVisible());

    whenModal([this](QWidget *modal) {
        QTest::keyClicks(
            modal->findChild<QLineEdit *>(QStringLiteral("name")), QStringLiteral("kept"));
        // The URL's password is offered, for the keychain, not the file.
        QCOMPARE(modal->findChild<QLineEdit *>(QStringLiteral("password"))->text(), m_password);
        auto *storage = modal->findChild<QComboBox *>(QStringLiteral("passwordStorage"));
        QVERIFY(storage->currentText().contains(QLatin1String("keychain")));
        static_cast<QDialog *>(modal)->accept();
    });
    QTest::mouseClick(save, Qt::LeftButton);
    // The dialog is window-modal and answers by signal: wait for the file.
    QTRY_VERIFY_WITH_TIMEOUT(readFile(m_userFile).contains("[database.kept]"), 10000);
    const QByteArray file = readFile(m_userFile);
    QVERIFY2(file.contains("[database.kept]"), file.constData());
    QVERIFY(!file.contains(m_password.toUtf8()));
    QVERIFY(!save->isVisible());
    QTRY_VERIFY_WITH_TIMEOUT(readSecret(remoteInfo()).found(), 10000);
    QVERIFY(profilesPage(window)->selectedProfile()->name == QStringLiteral("kept"));
}

void TestPasswords::importsServices()
{
    const QString serviceFile = m_root + QStringLiteral("/pg_service.conf");
    QVERIFY(writeFile(serviceFile,
        "# the team's services\n[billing-prod]\nhost=db.example\nport=6432\ndbname=billing\n"
        "user=app\npassword=" TUSK_TEST_PASSWORD_IN_SERVICE_FILE
        "\n\n[Remote]\nhost=127.0.0.1\ndbname=x\n"));
    qputenv("PGSERVICEFILE", QFile::encodeName(serviceFile));
    tusk::core::ProfileRegistry catalog(m_root, m_root + QStringLiteral("/no-sandbox"));
    ProfilesPage manager(&catalog);
    manager.show();

    QStringList listed;
    QString notes;
    whenModal([&](QWidget *modal) {
        auto *list = modal->findChild<QTreeWidget *>(QStringLiteral("serviceList"));
        for (int i = 0; i < list->topLevelItemCount(); ++i)
            listed << list->topLevelItem(i)->text(0) + QLatin1Char('|')
                    + QString::number(list->topLevelItem(i)->checkState(0));
        notes = modal->findChild<QLabel *>(QStringLiteral("serviceNotes"))->text();
        tusk::test::saveArtifact(modal->grab(), QStringLiteral("service-import.png"));
        QTest::mouseClick(
            modal->findChild<QPushButton *>(QStringLiteral("importButton")), Qt::LeftButton);
    });
    QTest::mouseClick(
        manager.findChild<QPushButton *>(QStringLiteral("importServicesButton")), Qt::LeftButton);
    // The dialog is window-modal and answers by signal.
    QTRY_VERIFY_WITH_TIMEOUT(readFile(m_userFile).contains("[database.billing_prod]"), 10000);
    qunsetenv("PGSERVICEFILE");

    // "remote" exists already: shown, not checked, not imported.
    QCOMPARE(listed, QStringList({QStringLiteral("billing_prod|2"), QStringLiteral("remote|0")}));
    QVERIFY2(notes.contains(QLatin1String("password")), qPrintable(notes));
    const QByteArray file = readFile(m_userFile);
    QVERIFY2(file.contains("[database.billing_prod]"), file.constData());
    QVERIFY(!file.contains(TUSK_TEST_PASSWORD_IN_SERVICE_FILE));
    QCOMPARE(file.count("[database.remote]"), 1);
    QCOMPARE(manager.selectedProfile()->name, QStringLiteral("billing_prod"));
}

QTEST_MAIN(TestPasswords)
#include "tst_passwords.moc"
