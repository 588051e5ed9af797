// The Rollout page on a copy of the demo migrations folder, offscreen: the
// list (pending in order, released greyed with their lock), the CHANGELOG
// rendered without Tusk's markers, the notice for a broken rule, Update
// CHANGELOG and Release through the inline confirmation, with the released
// files untouched; and a screenshot in the build tree to look at.

#include "testsupport.h"

#include "core/migrations/migrationsfolder.h"
#include "core/profiles/profileregistry.h"
#include "core/workspace/workspace.h"
#include "widgets/rollout/rolloutpage.h"

#include <QAction>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QTextBrowser>
#include <QTreeWidget>

using tusk::widgets::RolloutPage;

namespace {
// The window as far as the page asks it: the profiles and the status bar.
class TestHost : public tusk::widgets::ToolHost {
public:
    explicit TestHost(tusk::core::ProfileRegistry *profiles)
        : m_profiles(profiles)
    {
    }
    void showMessage(const QString &text) override { said = text; }
    bool handOff(const tusk::widgets::ToolHandoff &) override { return false; }
    bool canHandOff(const QString &) const override { return false; }
    void connectProfile(const tusk::core::Profile &) override { }
    tusk::core::ProfileRegistry *profileRegistry() const override { return m_profiles; }

    QString said;

private:
    tusk::core::ProfileRegistry *m_profiles;
};

void copyFolder(const QString &from, const QString &to)
{
    QDir().mkpath(to);
    for (const QFileInfo &entry :
        QDir(from).entryInfoList(QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot)) {
        const QString target = QDir(to).filePath(entry.fileName());
        if (entry.isDir())
            copyFolder(entry.absoluteFilePath(), target);
        else
            QFile::copy(entry.absoluteFilePath(), target);
    }
}

QByteArray read(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QStringList childTexts(QTreeWidgetItem *group)
{
    QStringList out;
    for (int i = 0; i < group->childCount(); ++i)
        out << group->child(i)->text(0);
    return out;
}
} // namespace

class TestRolloutPage : public QObject {
    Q_OBJECT
private slots:
    void init();
    void showsTheDemoFolder();
    void noticesABrokenRule();
    void updatesTheChangelogAndReleases();
    void createsAMissingFolder();
    void splitsWithAPreview();
    void compactsWithAPreview();
    void usesAnExistingFolder();
    void releasesIntoTheFoldersTool();
    void noticesAReleasedFileEditedSinceHead();

private:
    QString m_folder;
    std::unique_ptr<RolloutPage> m_page;
};

void TestRolloutPage::init()
{
    m_folder = tusk::test::scratchFolder(QStringLiteral("rollout")) + QStringLiteral("/migrations");
    copyFolder(QStringLiteral(TUSK_DEMO_MIGRATIONS), m_folder);
    m_page = std::make_unique<RolloutPage>();
    m_page->resize(1100, 640);
    m_page->setToday(QDate(2026, 12, 5));
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
    QSignalSpy refreshed(m_page.get(), &RolloutPage::refreshed);
    m_page->setFolder(m_folder);
    QVERIFY(refreshed.wait(10000));
}

void TestRolloutPage::showsTheDemoFolder()
{
    auto *files = m_page->findChild<QTreeWidget *>(QStringLiteral("rolloutFiles"));
    QCOMPARE(files->topLevelItemCount(), 2);
    QCOMPARE(childTexts(files->topLevelItem(0)), QStringList {QStringLiteral("prerelease.sql")});
    QCOMPARE(files->topLevelItem(0)->child(0)->text(1), QStringLiteral("6 entries"));
    QCOMPARE(childTexts(files->topLevelItem(1)),
        QStringList {QStringLiteral("2026-10-01_released/001_baseline.sql")});
    // Released history is greyed.
    QTreeWidgetItem *released = files->topLevelItem(1)->child(0);
    QCOMPARE(released->foreground(0).color(),
        m_page->palette().color(QPalette::Disabled, QPalette::Text));
    auto *changelog = m_page->findChild<QTextBrowser *>(QStringLiteral("rolloutChangelog"));
    const QString text = changelog->toPlainText();
    QVERIFY2(
        text.contains(QLatin1String("shop.orders: column tracking_code added")), qPrintable(text));
    QVERIFY2(!text.contains(QLatin1String("tusk:")), qPrintable(text)); // markers hidden
    // The demo keeps every rule: no notice.
    QVERIFY(!m_page->findChild<QLabel *>(QStringLiteral("rolloutNotice"))->isVisible());
    QVERIFY(tusk::test::saveArtifact(m_page->grab(), QStringLiteral("rollout-demo.png")));
}

void TestRolloutPage::noticesABrokenRule()
{
    QSignalSpy refreshed(m_page.get(), &RolloutPage::refreshed);
    QFile two(m_folder + QStringLiteral("/2_prerelease.sql"));
    QVERIFY(two.open(QIODevice::WriteOnly));
    two.write("ALTER TABLE shop.orders ADD COLUMN note text;\n");
    two.close();
    // The folder watcher notices; a refresh shows the problems.
    QVERIFY(refreshed.wait(10000));
    auto *notice = m_page->findChild<QLabel *>(QStringLiteral("rolloutNotice"));
    QTRY_VERIFY_WITH_TIMEOUT(notice->isVisible(), 5000);
    QVERIFY2(notice->text().contains(QLatin1String("prerelease.sql sits beside numbered")),
        qPrintable(notice->text()));
    QVERIFY(notice->text().contains(QLatin1String("no CHANGELOG entry for 2_prerelease.sql")));
}

void TestRolloutPage::updatesTheChangelogAndReleases()
{
    const QByteArray baseline =
        read(m_folder + QStringLiteral("/2026-10-01_released/001_baseline.sql"));
    QFile extra(m_folder + QStringLiteral("/prerelease.sql"));
    QVERIFY(extra.open(QIODevice::Append));
    extra.write("\nALTER TABLE shop.orders ADD COLUMN gift boolean;\n");
    extra.close();
    QSignalSpy refreshed(m_page.get(), &RolloutPage::refreshed);
    QSignalSpy said(m_page.get(), &RolloutPage::message);
    m_page->updateChangelog();
    QVERIFY(said.wait(10000));
    QCOMPARE(said.last().first().toString(), QStringLiteral("1 entry added to CHANGELOG.md"));
    QVERIFY(read(m_folder + QStringLiteral("/CHANGELOG.md"))
                .contains("## 2026-12-05\n- shop.orders: column gift added (boolean, nullable)"));

    // Release asks inline first, then moves the file.
    QSignalSpy asked(m_page.get(), &RolloutPage::confirmationAsked);
    m_page->askRelease();
    QVERIFY(asked.wait(10000));
    auto *confirm = m_page->findChild<QFrame *>(QStringLiteral("rolloutConfirm"));
    QVERIFY(confirm->isVisible());
    QTest::mouseClick(
        m_page->findChild<QPushButton *>(QStringLiteral("confirmRollout")), Qt::LeftButton);
    QVERIFY(said.wait(10000));
    QVERIFY2(said.last().first().toString().startsWith(QLatin1String("released prerelease.sql")),
        qPrintable(said.last().first().toString()));
    QTRY_VERIFY_WITH_TIMEOUT(m_page->overview().folder.pending().isEmpty(), 5000);
    QVERIFY(QFile::exists(m_folder + QStringLiteral("/2026-12-05_released/prerelease.sql")));
    QCOMPARE(read(m_folder + QStringLiteral("/2026-10-01_released/001_baseline.sql")), baseline);
    QVERIFY(!read(m_folder + QStringLiteral("/CHANGELOG.md")).contains("tusk: prerelease.sql"));
    QVERIFY(tusk::test::saveArtifact(m_page->grab(), QStringLiteral("rollout-released.png")));
}

void TestRolloutPage::createsAMissingFolder()
{
    const QString missing = m_folder + QStringLiteral("-new/db/migrations");
    QSignalSpy refreshed(m_page.get(), &RolloutPage::refreshed);
    m_page->setFolder(missing);
    QVERIFY(refreshed.wait(10000));
    QAction *create = nullptr;
    for (QAction *action : m_page->toolActions()) {
        if (action->text() == QLatin1String("Create Folder"))
            create = action;
    }
    QVERIFY(create && create->isEnabled());
    QVERIFY(m_page->findChild<QLabel *>(QStringLiteral("rolloutNotice"))
                ->text()
                .contains(QLatin1String("does not exist")));
    QSignalSpy said(m_page.get(), &RolloutPage::message);
    create->trigger();
    QVERIFY(said.wait(10000));
    QTRY_VERIFY_WITH_TIMEOUT(m_page->overview().folder.exists(), 5000);
    QCOMPARE(read(missing + QStringLiteral("/CHANGELOG.md")), QByteArray("# Changelog\n"));
    QTRY_VERIFY_WITH_TIMEOUT(!create->isEnabled(), 5000);
}

void TestRolloutPage::splitsWithAPreview()
{
    const QByteArray baseline =
        read(m_folder + QStringLiteral("/2026-10-01_released/001_baseline.sql"));
    QFile pending(m_folder + QStringLiteral("/prerelease.sql"));
    QVERIFY(pending.open(QIODevice::Append));
    pending.write("\nCREATE INDEX CONCURRENTLY orders_tracking_idx ON shop.orders "
                  "(tracking_code);\n");
    pending.close();
    QSignalSpy refreshed(m_page.get(), &RolloutPage::refreshed);
    m_page->refresh();
    QVERIFY(refreshed.wait(10000));
    auto *notice = m_page->findChild<QLabel *>(QStringLiteral("rolloutNotice"));
    QVERIFY2(notice->isVisible()
            && notice->text().contains(QLatin1String(
                "split prerelease.sql into 2 files: CREATE INDEX CONCURRENTLY cannot run")),
        qPrintable(notice->text()));
    QSignalSpy asked(m_page.get(), &RolloutPage::confirmationAsked);
    m_page->askSplit();
    QVERIFY(asked.wait(10000));
    auto *preview = m_page->findChild<QPlainTextEdit *>(QStringLiteral("rolloutPreview"));
    QVERIFY(preview->isVisible());
    QVERIFY2(preview->toPlainText().contains(
                 QLatin1String("new 2_prerelease.sql (1 statement, runs outside a transaction)")),
        qPrintable(preview->toPlainText()));
    QVERIFY(tusk::test::saveArtifact(m_page->grab(), QStringLiteral("rollout-split.png")));
    // Nothing is written before the click.
    QVERIFY(QFile::exists(m_folder + QStringLiteral("/prerelease.sql")));
    QSignalSpy said(m_page.get(), &RolloutPage::message);
    QTest::mouseClick(
        m_page->findChild<QPushButton *>(QStringLiteral("confirmRollout")), Qt::LeftButton);
    QVERIFY(said.wait(10000));
    QCOMPARE(said.last().first().toString(), QStringLiteral("split prerelease.sql into 2 files"));
    QTRY_COMPARE_WITH_TIMEOUT(m_page->overview().folder.pending().size(), 2, 5000);
    QVERIFY(!QFile::exists(m_folder + QStringLiteral("/prerelease.sql")));
    QVERIFY(read(m_folder + QStringLiteral("/2_prerelease.sql"))
                .startsWith("CREATE INDEX CONCURRENTLY orders_tracking_idx"));
    QVERIFY(read(m_folder + QStringLiteral("/CHANGELOG.md")).contains("tusk: 1_prerelease.sql"));
    QCOMPARE(read(m_folder + QStringLiteral("/2026-10-01_released/001_baseline.sql")), baseline);
}

void TestRolloutPage::compactsWithAPreview()
{
    // Two more pending files, both changing shop.orders today.
    QVERIFY(QFile::rename(m_folder + QStringLiteral("/prerelease.sql"),
        m_folder + QStringLiteral("/1_prerelease.sql")));
    QFile second(m_folder + QStringLiteral("/2_prerelease.sql"));
    QVERIFY(second.open(QIODevice::WriteOnly));
    second.write("ALTER TABLE shop.orders ADD COLUMN gift boolean;\n");
    second.close();
    QFile log(m_folder + QStringLiteral("/CHANGELOG.md"));
    QByteArray text =
        read(log.fileName()).replace("tusk: prerelease.sql", "tusk: 1_prerelease.sql");
    QVERIFY(log.open(QIODevice::WriteOnly));
    log.write(text);
    log.close();
    QSignalSpy said(m_page.get(), &RolloutPage::message);
    m_page->updateChangelog();
    QVERIFY(said.wait(10000));
    QSignalSpy asked(m_page.get(), &RolloutPage::confirmationAsked);
    m_page->askCompact();
    // The demo's entries are dated 2026-11-21, the new one 2026-12-05: not one day.
    QVERIFY(said.wait(10000));
    QCOMPARE(said.last().first().toString(),
        QStringLiteral("no table or view is changed in more than one pending file on one day"));
    QCOMPARE(asked.count(), 0);
    // Dated one day now (two sections of one date are still one day).
    text = read(log.fileName());
    QVERIFY(log.open(QIODevice::WriteOnly));
    log.write(text.replace("## 2026-11-21", "## 2026-12-05"));
    log.close();
    m_page->askCompact();
    QVERIFY(asked.wait(10000));
    QVERIFY(m_page->findChild<QPlainTextEdit *>(QStringLiteral("rolloutPreview"))
                ->toPlainText()
                .startsWith(QLatin1String("compact 1_prerelease.sql, 2_prerelease.sql into "
                                          "1_prerelease.sql\nwhy: shop.orders changed on")));
    QTest::mouseClick(
        m_page->findChild<QPushButton *>(QStringLiteral("confirmRollout")), Qt::LeftButton);
    QVERIFY(said.wait(10000));
    QTRY_COMPARE_WITH_TIMEOUT(m_page->overview().folder.pending().size(), 1, 5000);
    QVERIFY(read(m_folder + QStringLiteral("/1_prerelease.sql"))
                .endsWith("ALTER TABLE shop.orders ADD COLUMN gift boolean;\n"));
    QVERIFY(!read(m_folder + QStringLiteral("/CHANGELOG.md")).contains("tusk: 2_prerelease.sql"));
}

void TestRolloutPage::usesAnExistingFolder()
{
    // A project whose profile names a folder that is not there, and a
    // folder of Tusk's layout elsewhere in it.
    const QString project = tusk::test::scratchFolder(QStringLiteral("rollout-project"));
    QVERIFY(QDir().mkpath(project + QStringLiteral("/.git")));
    QVERIFY(QDir().mkpath(project + QStringLiteral("/.skills/postgres")));
    QVERIFY(QDir().mkpath(project + QStringLiteral("/src/db/sql/2024-06-01_released")));
    QVERIFY(QDir().mkpath(project + QStringLiteral("/node_modules/x/migrations")));
    auto write = [](const QString &path, const QByteArray &text) {
        QFile file(path);
        return file.open(QIODevice::WriteOnly) && file.write(text) == text.size();
    };
    QVERIFY(write(project + QStringLiteral("/.skills/postgres/postgres.toml"),
        "[configuration]\nschema_version = 1\n\n[database.app]\nhost = \"localhost\"\ndatabase = "
        "\"app\"\n"
        "migrations_path = \"db/migrations\"\n"));
    QVERIFY(write(project + QStringLiteral("/src/db/sql/prerelease.sql"), "SELECT 1;\n"));
    QVERIFY(write(project + QStringLiteral("/node_modules/x/migrations/1_prerelease.sql"), "\n"));
    tusk::core::ProfileRegistry registry(project, project + QStringLiteral("/sandbox"));
    const std::optional<tusk::core::Profile> app = registry.find(QStringLiteral("app"));
    QVERIFY(app);
    TestHost host(&registry);
    tusk::core::Workspace workspace;
    workspace.setTarget(tusk::core::WorkspaceTarget::forProfile(
        *app, tusk::core::ConnInfo(), project + QStringLiteral("/db/migrations")));
    QSignalSpy refreshed(m_page.get(), &RolloutPage::refreshed);
    m_page->attach(&workspace, &host);
    QVERIFY(refreshed.wait(10000));
    QAction *existing = nullptr;
    for (QAction *action : m_page->toolActions()) {
        if (action->text() == QStringLiteral("Use Existing Folder…"))
            existing = action;
    }
    QVERIFY(existing);
    QTRY_VERIFY_WITH_TIMEOUT(existing->isVisible() && existing->isEnabled(), 5000);
    QSignalSpy asked(m_page.get(), &RolloutPage::confirmationAsked);
    existing->trigger();
    QVERIFY(asked.wait(10000));
    auto *choices = m_page->findChild<QComboBox *>(QStringLiteral("rolloutChoices"));
    // Dependency trees are not looked into.
    QCOMPARE(choices->count(), 1);
    QCOMPARE(choices->itemText(0), QStringLiteral("src/db/sql"));
    QVERIFY(tusk::test::saveArtifact(m_page->grab(), QStringLiteral("rollout-pick.png")));
    QTest::mouseClick(
        m_page->findChild<QPushButton *>(QStringLiteral("confirmRollout")), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(m_page->folder(), project + QStringLiteral("/src/db/sql"), 5000);
    QCOMPARE(workspace.target().migrationsFolder, project + QStringLiteral("/src/db/sql"));
    QVERIFY2(host.said.endsWith(QLatin1String("saved as migrations_path of profile app")),
        qPrintable(host.said));
    QFile toml(project + QStringLiteral("/.skills/postgres/postgres.toml"));
    QVERIFY(toml.open(QIODevice::ReadOnly));
    QCOMPARE(toml.readAll(),
        QByteArray("[configuration]\nschema_version = 1\n\n[database.app]\nhost = "
                   "\"localhost\"\ndatabase = \"app\"\n"
                   "migrations_path = \"src/db/sql\"\n"));
}

void TestRolloutPage::releasesIntoTheFoldersTool()
{
    const QString folder = m_folder + QStringLiteral("-golang");
    copyFolder(
        QStringLiteral(TUSK_FRAMEWORKS_DATA "/golang-migrate-sequence/before/migrations"), folder);
    QSignalSpy refreshed(m_page.get(), &RolloutPage::refreshed);
    m_page->setFolder(folder);
    QVERIFY(refreshed.wait(10000));
    QSignalSpy asked(m_page.get(), &RolloutPage::confirmationAsked);
    m_page->askRelease();
    QVERIFY(asked.wait(10000));
    const QString preview =
        m_page->findChild<QPlainTextEdit *>(QStringLiteral("rolloutPreview"))->toPlainText();
    QVERIFY2(preview.startsWith(QLatin1String("release prerelease.sql as golang-migrate "
                                              "000010_items_column_price_cents_added.up.sql")),
        qPrintable(preview));
    QVERIFY(tusk::test::saveArtifact(m_page->grab(), QStringLiteral("rollout-golang.png")));
    QSignalSpy said(m_page.get(), &RolloutPage::message);
    QTest::mouseClick(
        m_page->findChild<QPushButton *>(QStringLiteral("confirmRollout")), Qt::LeftButton);
    QVERIFY(said.wait(10000));
    QVERIFY2(said.last().first().toString().startsWith(QLatin1String("released prerelease.sql")),
        qPrintable(said.last().first().toString()));
    QVERIFY(
        QFile::exists(folder + QStringLiteral("/000010_items_column_price_cents_added.up.sql")));
    QVERIFY(
        QFile::exists(folder + QStringLiteral("/000010_items_column_price_cents_added.down.sql")));
    QVERIFY(!QFile::exists(folder + QStringLiteral("/prerelease.sql")));
}

void TestRolloutPage::noticesAReleasedFileEditedSinceHead()
{
    auto git = [this](const QStringList &arguments) {
        QProcess process;
        process.setWorkingDirectory(m_folder);
        process.start(QStringLiteral("git"),
            QStringList {QStringLiteral("-c"), QStringLiteral("user.email=t@example.com"),
                QStringLiteral("-c"), QStringLiteral("user.name=t")}
                + arguments);
        const bool ran = process.waitForFinished(30000) && process.exitCode() == 0;
        tusk::test::skipStallCount(); // the test's own git, not the window's
        return ran;
    };
    QVERIFY(git({QStringLiteral("init"), QStringLiteral("-q")}));
    QVERIFY(git({QStringLiteral("add"), QStringLiteral(".")}));
    QVERIFY(git({QStringLiteral("commit"), QStringLiteral("-q"), QStringLiteral("-m"),
        QStringLiteral("demo")}));
    QSignalSpy refreshed(m_page.get(), &RolloutPage::refreshed);
    m_page->refresh();
    QVERIFY(refreshed.wait(10000));
    auto *notice = m_page->findChild<QLabel *>(QStringLiteral("rolloutNotice"));
    QVERIFY2(!notice->isVisible(), qPrintable(notice->text()));
    // Someone edits history by hand.
    QFile released(m_folder + QStringLiteral("/2026-10-01_released/001_baseline.sql"));
    QVERIFY(released.open(QIODevice::Append));
    released.write("-- edited\n");
    released.close();
    m_page->refresh();
    QVERIFY(refreshed.wait(10000));
    QVERIFY(notice->isVisible());
    QVERIFY2(notice->text().contains(
                 QLatin1String("2026-10-01_released/001_baseline.sql differs from git's HEAD")),
        qPrintable(notice->text()));
}

QTEST_MAIN(TestRolloutPage)
#include "tst_rolloutpage.moc"
