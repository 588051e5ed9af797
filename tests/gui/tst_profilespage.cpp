// The profile manager offscreen against the fixture's server: the dialog's
// add → test → save path, the tree and its tags, the ssl fallback offered
// and saved only on a click, and a broken file shown but never written.

#include "testsupport.h"
#include "windowpages.h"

#include "core/profiles/profileregistry.h"
#include "core/sandbox/localserver.h"
#include "widgets/profiles/connectionbar.h"
#include "widgets/profiles/profiledialog.h"
#include "widgets/profiles/profilespage.h"
#include "widgets/shell/mainwindow.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTest>
#include <QTreeWidget>

using namespace tusk::widgets;
using tusk::core::ConnectionTestOutcome;
using tusk::core::Profile;
using tusk::test::profilesPage;

using tusk::test::readFile;
using tusk::test::writeFile;

namespace {
QStringList treeRows(QTreeWidget *tree)
{
    QStringList rows;
    for (QTreeWidgetItemIterator it(tree); *it; ++it)
        rows << (*it)->text(0) + QLatin1Char('|') + (*it)->text(2);
    return rows;
}
} // namespace

class TestProfileManager : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void dialogAddsTestsAndSaves();
    void dialogRefusesBadName();
    void managerShowsTagsAndNeverDowngradesSsl();
    void brokenFileIsShownNotWritten();
    void offersGitignore();

private:
    QString m_root;
    QString m_projectFile;
    tusk::core::ConnInfo m_tcp;
};

void TestProfileManager::initTestCase()
{
    QVERIFY2(
        !tusk::test::clusterConnInfo().isEmpty(), qPrintable(tusk::test::clusterMissingMessage()));
    m_tcp = tusk::core::LocalServer(qEnvironmentVariable("TUSK_TEST_CLUSTER")).tcpConnInfo();
}

void TestProfileManager::init()
{
    m_root = tusk::test::scratchFolder(QStringLiteral("profilemanager"));
    QVERIFY(QDir().mkpath(m_root + QStringLiteral("/.git")));
    m_projectFile = m_root + QStringLiteral("/.skills/postgres/postgres.toml");
    qputenv("XDG_CONFIG_HOME", QFile::encodeName(m_root + QStringLiteral("/config")));
    // Passwords come from a .pgpass file, as Tusk recommends.
    const QString passfile = m_root + QStringLiteral("/pgpass");
    QVERIFY(writeFile(passfile,
        QStringLiteral("127.0.0.1:%1:*:postgres:%2\n")
            .arg(m_tcp.port(), m_tcp.value(QStringLiteral("password")))
            .toUtf8()));
    QFile::setPermissions(passfile, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    qputenv("PGPASSFILE", QFile::encodeName(passfile));
}

void TestProfileManager::dialogAddsTestsAndSaves()
{
    QVERIFY(writeFile(m_projectFile,
        "[configuration]\nschema_version = 1\npg_bin_path = \"/usr/lib/postgresql/15/bin\"\n\n"
        "# kept as it is\n[database.local]\nhost = \"127.0.0.1\"\n"));
    tusk::core::ProfileRegistry catalog(m_root, m_root + QStringLiteral("/no-sandbox"));
    Profile blank;
    blank.scope = tusk::core::ProfileScope::Project;
    ProfileDialog dialog(&catalog, ProfileDialog::Mode::Add, blank);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));

    auto field = [&dialog](const char *name) {
        return dialog.findChild<QLineEdit *>(QLatin1String(name));
    };
    QTest::keyClicks(field("name"), QStringLiteral("test_cluster"));
    QTest::keyClicks(field("host"), QStringLiteral("127.0.0.1"));
    dialog.findChild<QSpinBox *>(QStringLiteral("port"))->setValue(m_tcp.port().toInt());
    QTest::keyClicks(field("database"), QStringLiteral("postgres"));
    QTest::keyClicks(field("user"), QStringLiteral("postgres"));
    QTest::keyClicks(field("description"), QStringLiteral("The fixture's server"));
    QTest::keyClicks(field("lockTimeout"), QStringLiteral("2s"));

    QSignalSpy tested(&dialog, &ProfileDialog::testFinished);
    QTest::mouseClick(
        dialog.findChild<QPushButton *>(QStringLiteral("testButton")), Qt::LeftButton);
    QVERIFY(tested.wait(15000));
    const auto outcome = tested.first().first().value<ConnectionTestOutcome>();
    QVERIFY2(outcome.ok, qPrintable(outcome.error.toString()));
    const QString result = dialog.findChild<QLabel *>(QStringLiteral("testResult"))->text();
    QVERIFY2(result.contains(QLatin1String("Connected")) && result.contains(QLatin1String("15.")),
        qPrintable(result));
    QVERIFY(tusk::test::saveArtifact(dialog.grab(), QStringLiteral("profile-dialog.png")));

    QTest::mouseClick(
        dialog.findChild<QPushButton *>(QStringLiteral("saveButton")), Qt::LeftButton);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    // A minimal edit: the new section follows the old one; no password.
    QCOMPARE(readFile(m_projectFile),
        QStringLiteral("[configuration]\nschema_version = 1\n"
                       "pg_bin_path = \"/usr/lib/postgresql/15/bin\"\n\n"
                       "# kept as it is\n[database.local]\nhost = \"127.0.0.1\"\n\n"
                       "[database.test_cluster]\nhost = \"127.0.0.1\"\nport = %1\n"
                       "database = \"postgres\"\nuser = \"postgres\"\nsslmode = false\n"
                       "description = \"The fixture's server\"\nlock_timeout = \"2s\"\n")
            .arg(m_tcp.port())
            .toUtf8());
    QVERIFY(catalog.find(QStringLiteral("test_cluster")));
}

void TestProfileManager::dialogRefusesBadName()
{
    tusk::core::ProfileRegistry catalog(m_root, m_root + QStringLiteral("/no-sandbox"));
    ProfileDialog dialog(&catalog, ProfileDialog::Mode::Add, Profile());
    dialog.show();
    auto *name = dialog.findChild<QLineEdit *>(QStringLiteral("name"));
    auto *save = dialog.findChild<QPushButton *>(QStringLiteral("saveButton"));
    auto *error = dialog.findChild<QLabel *>(QStringLiteral("nameError"));
    QVERIFY(!save->isEnabled()); // empty
    QTest::keyClicks(name, QStringLiteral("Staging-1"));
    QVERIFY(!save->isEnabled());
    QVERIFY(error->isVisible());
    QVERIFY2(error->text().contains(QLatin1String("^[a-z0-9_]+$")), qPrintable(error->text()));
    name->setText(QStringLiteral("staging_1"));
    QVERIFY(save->isEnabled());
    QVERIFY(!error->isVisible());
}

void TestProfileManager::managerShowsTagsAndNeverDowngradesSsl()
{
    const QByteArray original = QStringLiteral(
        "[configuration]\nschema_version = 1\npg_bin_path = \"/usr/lib/postgresql/15/bin\"\n\n"
        "[database]\nhost = \"127.0.0.1\"\nport = %1\nuser = \"postgres\"\n\n"
        "[database.local]\ndatabase = \"postgres\"\nsslmode = true\n\n"
        "[database.prod]\ndatabase = \"postgres\"\nsafety = \"production\"\n"
        "project = \"services/api\"\n")
                                    .arg(m_tcp.port())
                                    .toUtf8();
    QVERIFY(writeFile(m_projectFile, original));
    tusk::core::ProfileRegistry catalog(m_root, m_root + QStringLiteral("/no-sandbox"));
    MainWindow window(&catalog);
    window.resize(1200, 700);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    ProfilesPage *manager = profilesPage(window);
    // The profile this folder resolves to starts selected, with its details.
    QVERIFY(manager->selectedProfile());
    QCOMPARE(manager->selectedProfile()->name, QStringLiteral("local"));
    QVERIFY(manager->findChild<QLabel *>(QStringLiteral("details"))
                ->text()
                .contains(QLatin1String("<h3>local</h3>")));
    auto *tree = manager->findChild<QTreeWidget *>(QStringLiteral("profileTree"));
    const QStringList rows = treeRows(tree);
    QVERIFY2(
        rows.contains(QStringLiteral("local|used here")), qPrintable(rows.join(QLatin1Char('\n'))));
    QVERIFY2(rows.contains(QStringLiteral("prod|production, project services/api")),
        qPrintable(rows.join(QLatin1Char('\n'))));
    auto *resolution = manager->findChild<QLabel *>(QStringLiteral("resolution"));
    QVERIFY2(
        resolution->text().contains(QLatin1String("<b>local</b>")), qPrintable(resolution->text()));
    // The connection bar marks production in red.
    auto *combo = window.findChild<QComboBox *>(QStringLiteral("profileCombo"));
    const int prod = combo->findData(QStringLiteral("prod"));
    QVERIFY(prod >= 0);
    QVERIFY(combo->itemText(prod).contains(QLatin1String("[production]")));
    QCOMPARE(combo->itemData(prod, Qt::ForegroundRole).value<QColor>(), QColor(0xc0, 0x39, 0x2b));

    // local says sslmode = true; the server has no TLS. The test fails and
    // offers nothing: a profile that asks for TLS never falls back to plain
    // text (docs/profiles.md), and the file stays as it is.
    QVERIFY(manager->selectProfile(QStringLiteral("local")));
    QSignalSpy tested(manager, &ProfilesPage::testFinished);
    manager->testSelected();
    QVERIFY(tested.wait(15000));
    auto *save = manager->findChild<QPushButton *>(QStringLiteral("saveFallback"));
    QVERIFY(!save->isVisible());
    auto *result = manager->findChild<QLabel *>(QStringLiteral("testResult"));
    QVERIFY2(result->text().contains(QLatin1String("local failed"))
            && result->text().contains(QLatin1String("server does not support SSL"))
            && result->text().contains(QLatin1String("never falls back")),
        qPrintable(result->text()));
    QTest::qWait(50); // let the layout take the new text's height before the picture
    QVERIFY2(result->height() >= 2 * result->fontMetrics().height(),
        qPrintable(QString::number(result->height())));
    QVERIFY(tusk::test::saveArtifact(window.grab(), QStringLiteral("profile-manager.png")));
    QCOMPARE(readFile(m_projectFile), original);
    // The user turns TLS off by hand; the manager reads the file again.
    QVERIFY(writeFile(
        m_projectFile, QByteArray(original).replace("sslmode = true\n", "sslmode = false\n")));
    catalog.reload();
    QCOMPARE(catalog.find(QStringLiteral("local"))->sslMode, QStringLiteral("disable"));

    // Connect from the manager: the window's session uses the profile.
    QVERIFY(manager->selectProfile(QStringLiteral("local")));
    QTest::mouseClick(
        manager->findChild<QPushButton *>(QStringLiteral("connectButton")), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(window.statusText().contains(QLatin1String("PostgreSQL 15")), 10000);
    QVERIFY2(window.statusText().contains(QLatin1String("local")), qPrintable(window.statusText()));
}

void TestProfileManager::brokenFileIsShownNotWritten()
{
    const QByteArray broken("[database.local]\nhost = \"127.0.0.1\nport = 5432\n");
    QVERIFY(writeFile(m_projectFile, broken));
    tusk::core::ProfileRegistry catalog(m_root, m_root + QStringLiteral("/no-sandbox"));
    ProfilesPage manager(&catalog);
    manager.show();
    auto *notices = manager.findChild<QLabel *>(QStringLiteral("fileNotices"));
    QVERIFY(notices->isVisible());
    QVERIFY2(notices->text().contains(m_projectFile + QStringLiteral(":2:")),
        qPrintable(notices->text()));
    // Adding to the broken file is refused with the reason; the file stays.
    Profile p;
    p.name = QStringLiteral("other");
    QString error;
    QVERIFY(!catalog.saveProfile(p, {}, &catalog.store().projectFile(), &error));
    QVERIFY2(error.contains(QLatin1String("not valid TOML")), qPrintable(error));
    QCOMPARE(readFile(m_projectFile), broken);
}

void TestProfileManager::offersGitignore()
{
    QVERIFY(QDir(m_root + QStringLiteral("/.git")).removeRecursively());
    QProcess git;
    git.setWorkingDirectory(m_root);
    git.start(QStringLiteral("git"), {QStringLiteral("init"), QStringLiteral("-q")});
    QVERIFY(git.waitForFinished(10000) && git.exitCode() == 0);
    tusk::test::skipStallCount(); // the test's own git, not the window's
    QVERIFY(writeFile(m_projectFile, "[configuration]\nschema_version = 1\n"));
    QVERIFY(writeFile(m_root + QStringLiteral("/.gitignore"), "build/\n"));
    tusk::core::ProfileRegistry catalog(m_root, m_root + QStringLiteral("/no-sandbox"));
    ProfilesPage manager(&catalog);
    manager.show();
    auto *button = manager.findChild<QPushButton *>(QStringLiteral("gitignoreButton"));
    QTRY_VERIFY_WITH_TIMEOUT(button->isVisible(), 5000); // git answers asynchronously
    QTest::mouseClick(button, Qt::LeftButton);
    QCOMPARE(readFile(m_root + QStringLiteral("/.gitignore")),
        QByteArray("build/\n# Tusk / postgres skill connection profiles (may hold connection "
                   "details)\n/.skills/postgres/postgres.toml\n"));
    QTest::qWait(300); // the re-check after the edit has time to answer
    QVERIFY(!button->isVisible());
}

QTEST_MAIN(TestProfileManager)
#include "tst_profilespage.moc"
