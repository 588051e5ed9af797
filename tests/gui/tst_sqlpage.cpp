// The SQL tool's files, offscreen: open (UTF-8, or Latin-1 when the user
// agrees), save in one step, unsaved changes asked about, a file changed
// by another program read again, released migrations never written.

#include "testsupport.h"

#include "widgets/sql/editorautosave.h"
#include "widgets/sql/sqleditor.h"
#include "widgets/sql/sqleditortab.h"
#include "widgets/sql/sqlpage.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QLockFile>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace tusk::test;
using namespace tusk::widgets;

class TestSqlWorkbench : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void opensAFileAndLintsIt();
    void notUtf8IsAskedAbout();
    void largeFileIsAskedAbout();
    void saveWritesTheFile();
    void unsavedChangesAreAskedAbout();
    void changedOnDiskIsReadAgain();
    void releasedMigrationsAreNotWritten();
    void unsavedTextSurvivesACrash();
    void migrationsAreLintedWithTheirToolsTransactions();
    void savingAPendingFileFollowsTheChangelog();
    void editorOperationsLeaveReleasedFilesAlone();

private:
    QString write(const QString &name, const QByteArray &bytes);
    QByteArray read(const QString &path);

    QTemporaryDir m_dir;
    std::unique_ptr<SqlPage> m_bench;
    QStringList m_asked; // titles of the questions asked
    QMessageBox::StandardButton m_answer = QMessageBox::Cancel;
};

void TestSqlWorkbench::initTestCase()
{
    // Recent files go to a test location, not the user's settings.
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("tusk-tests"));
    QSettings().remove(QStringLiteral("editor/recentFiles"));
}

void TestSqlWorkbench::init()
{
    m_bench = std::make_unique<SqlPage>();
    m_bench->resize(900, 600);
    m_bench->show();
    m_asked.clear();
    m_bench->setAsker([this](const QString &title, const QString &, QMessageBox::StandardButtons) {
        m_asked << title;
        return m_answer;
    });
}

QString TestSqlWorkbench::write(const QString &name, const QByteArray &bytes)
{
    const QString path = m_dir.filePath(name);
    QDir().mkpath(QFileInfo(path).path());
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
        return {};
    return path;
}

QByteArray TestSqlWorkbench::read(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray("<unreadable>");
}

void TestSqlWorkbench::opensAFileAndLintsIt()
{
    const QString path = write(QStringLiteral("001_index.sql"),
        "CREATE INDEX orders_created_idx ON public.orders (created_at);\n");
    QVERIFY(m_bench->openFiles({path}));
    // The untouched empty tab was reused.
    QCOMPARE(m_bench->tabs()->count(), 1);
    SqlEditorTab *tab = m_bench->currentTab();
    QCOMPARE(tab->filePath(), QFileInfo(path).absoluteFilePath());
    QCOMPARE(m_bench->tabs()->tabText(0), QStringLiteral("001_index.sql"));
    QTRY_VERIFY_WITH_TIMEOUT(!tab->editor()->findings().isEmpty(), 5000);
    // Opening it again shows the same tab.
    QVERIFY(m_bench->openFiles({path}));
    QCOMPARE(m_bench->tabs()->count(), 1);
    QCOMPARE(m_bench->recentFiles().value(0), tab->filePath());
}

void TestSqlWorkbench::largeFileIsAskedAbout()
{
    const QString path = m_dir.filePath(QStringLiteral("dump.sql"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    QVERIFY(file.resize(65'000'000)); // sparse: no disk used
    file.close();
    m_answer = QMessageBox::Cancel;
    QVERIFY(!m_bench->openFiles({path}));
    QCOMPARE(m_asked, QStringList {QStringLiteral("Large file")});
    QCOMPARE(m_bench->tabs()->count(), 1);
    QVERIFY(m_bench->currentTab()->filePath().isEmpty());
}

void TestSqlWorkbench::notUtf8IsAskedAbout()
{
    const QString path = write(QStringLiteral("latin1.sql"), "SELECT 'caf\xE9';\n");
    m_answer = QMessageBox::Cancel;
    QVERIFY(!m_bench->openFiles({path}));
    QCOMPARE(m_asked, QStringList {QStringLiteral("Not UTF-8")});
    QVERIFY(m_bench->currentTab()->filePath().isEmpty());
    m_answer = QMessageBox::Open;
    QVERIFY(m_bench->openFiles({path}));
    SqlEditorTab *tab = m_bench->currentTab();
    QCOMPARE(tab->editor()->text(), QStringLiteral("SELECT 'café';\n"));
    // Saving writes UTF-8, so the tab starts out changed.
    QVERIFY(tab->isModified());
    QVERIFY(m_bench->save(tab));
    QCOMPARE(read(path), QByteArray("SELECT 'caf\xC3\xA9';\n"));
}

void TestSqlWorkbench::saveWritesTheFile()
{
    const QString path = write(QStringLiteral("save.sql"), "SELECT 1;\n");
    QVERIFY(m_bench->openFiles({path}));
    SqlEditorTab *tab = m_bench->currentTab();
    tab->editor()->append(QStringLiteral("SELECT 2;\n"));
    QVERIFY(tab->isModified());
    QVERIFY(m_bench->tabs()->tabText(0).endsWith(QStringLiteral("•")));
    QVERIFY(m_bench->save(tab));
    QCOMPARE(read(path), QByteArray("SELECT 1;\nSELECT 2;\n"));
    QVERIFY(!tab->isModified());
    QCOMPARE(m_bench->tabs()->tabText(0), QStringLiteral("save.sql"));
    // Save as: a new name, and the tab follows it.
    const QString other = m_dir.filePath(QStringLiteral("other.sql"));
    QVERIFY(m_bench->saveAs(tab, other));
    QCOMPARE(tab->filePath(), other);
    QCOMPARE(read(other), read(path));
}

void TestSqlWorkbench::unsavedChangesAreAskedAbout()
{
    SqlEditorTab *tab = m_bench->currentTab();
    tab->editor()->setText(QStringLiteral("SELECT 'draft';"));
    m_answer = QMessageBox::Cancel;
    QVERIFY(!m_bench->closeTab(0));
    QVERIFY(!m_bench->closeAll());
    QCOMPARE(m_bench->tabs()->widget(0), tab);
    m_answer = QMessageBox::Discard;
    QVERIFY(m_bench->closeTab(0));
    // A fresh empty tab takes its place.
    QCOMPARE(m_bench->tabs()->count(), 1);
    QVERIFY(m_bench->currentTab() != tab);
    QVERIFY(m_bench->closeAll());
    QCOMPARE(m_asked.count(QStringLiteral("Unsaved changes")), 3);
}

void TestSqlWorkbench::changedOnDiskIsReadAgain()
{
    const QString path = write(QStringLiteral("outside.sql"), "SELECT 1;\n");
    QVERIFY(m_bench->openFiles({path}));
    SqlEditorTab *tab = m_bench->currentTab();
    QTest::qWait(1100); // a later modification time than the first write
    QVERIFY(!write(QStringLiteral("outside.sql"), "SELECT 'changed elsewhere';\n").isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(
        tab->editor()->text(), QStringLiteral("SELECT 'changed elsewhere';\n"), 5000);
    QVERIFY(!tab->isModified());
    QVERIFY(m_asked.isEmpty());
}

void TestSqlWorkbench::releasedMigrationsAreNotWritten()
{
    const QString migrations = m_dir.filePath(QStringLiteral("db/migrations"));
    const QString released = write(
        QStringLiteral("db/migrations/2024_released/001_init.sql"), "CREATE TABLE t (a int);\n");
    m_bench->setMigrationsFolder(migrations);
    QVERIFY(m_bench->openFiles({released}));
    SqlEditorTab *tab = m_bench->currentTab();
    tab->editor()->append(QStringLiteral("DROP TABLE t;\n"));
    m_answer = QMessageBox::Ok;
    QVERIFY(!m_bench->saveAs(tab, released));
    QCOMPARE(m_asked, QStringList {QStringLiteral("Released migration")});
    QCOMPARE(read(released), QByteArray("CREATE TABLE t (a int);\n"));
    // A new file next to the migrations folder's current part is fine.
    const QString pending = migrations + QStringLiteral("/current/002_drop.sql");
    QVERIFY(QDir().mkpath(QFileInfo(pending).path()));
    QVERIFY(m_bench->saveAs(tab, pending));
    QVERIFY(read(pending).endsWith("DROP TABLE t;\n"));
}

void TestSqlWorkbench::savingAPendingFileFollowsTheChangelog()
{
    // docs/migrations-folder.md: every change of a pending file gets its
    // CHANGELOG entry; a file elsewhere gets none.
    const QString pending = write(QStringLiteral("mf/prerelease.sql"), "SELECT 1;\n");
    write(QStringLiteral("mf/2024_released/001.sql"), "CREATE TABLE t (a int);\n");
    m_bench->setMigrationsFolder(m_dir.filePath(QStringLiteral("mf")));
    QVERIFY(m_bench->openFiles({pending}));
    SqlEditorTab *tab = m_bench->currentTab();
    tab->editor()->append(QStringLiteral("ALTER TABLE shop.orders ADD COLUMN gift boolean;\n"));
    QSignalSpy followed(m_bench.get(), &SqlPage::changelogFollowed);
    QVERIFY(m_bench->save(tab));
    QVERIFY(followed.wait(10000));
    QVERIFY(followed.first().first().toBool());
    const QByteArray log = read(m_dir.filePath(QStringLiteral("mf/CHANGELOG.md")));
    QVERIFY2(log.contains("- shop.orders: column gift added (boolean, nullable) <!-- tusk: "
                          "prerelease.sql -->"),
        log.constData());
    QCOMPARE(read(m_dir.filePath(QStringLiteral("mf/2024_released/001.sql"))),
        QByteArray("CREATE TABLE t (a int);\n"));
    // Saved elsewhere: not a pending migration, no CHANGELOG work.
    const QString other = write(QStringLiteral("scratch.sql"), "SELECT 2;\n");
    QVERIFY(m_bench->openFiles({other}));
    QVERIFY(m_bench->save(m_bench->currentTab()));
    QVERIFY(!followed.wait(500));
}

void TestSqlWorkbench::editorOperationsLeaveReleasedFilesAlone()
{
    // docs/migrations-folder.md, point 2 of the migrations issue: around
    // every write the editor can make, each released file keeps its bytes,
    // mode and modification time.
    const QString folder = m_dir.filePath(QStringLiteral("mr"));
    const QString baseline =
        write(QStringLiteral("mr/2024-06-01_released/001.sql"), "CREATE TABLE t (a int);\n");
    const QString loose = write(QStringLiteral("mr/002_hotfix.Released"), "SELECT 1;\n");
    const QString pending = write(QStringLiteral("mr/prerelease.sql"), "SELECT 2;\n");
    for (const QString &path : {baseline, loose}) {
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadWrite));
        QVERIFY(file.setFileTime(
            QDateTime(QDate(2024, 6, 1), QTime(12, 0)), QFileDevice::FileModificationTime));
        QVERIFY(file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner
            | QFileDevice::ReadGroup | QFileDevice::ReadOther));
    }
    struct State {
        QByteArray bytes;
        QFileDevice::Permissions mode;
        QDateTime modified;
        bool operator==(const State &) const = default;
    };
    auto state = [this](const QString &path) {
        const QFileInfo info(path);
        return State {read(path), info.permissions(), info.lastModified()};
    };
    const State baselineBefore = state(baseline);
    const State looseBefore = state(loose);
    m_bench->setMigrationsFolder(folder);
    m_answer = QMessageBox::Ok;

    // Open a released file, edit it, try to save it and to save over the other.
    QVERIFY(m_bench->openFiles({baseline}));
    SqlEditorTab *tab = m_bench->currentTab();
    tab->editor()->append(QStringLiteral("DROP TABLE t;\n"));
    QVERIFY(!m_bench->saveAs(tab, baseline));
    QVERIFY(!m_bench->saveAs(tab, loose));
    QVERIFY(!m_bench->saveAs(tab, folder + QStringLiteral("/2024-06-01_released/002_new.sql")));
    // Save it as a pending file instead, and save that again (the CHANGELOG
    // follows both times).
    QSignalSpy followed(m_bench.get(), &SqlPage::changelogFollowed);
    QVERIFY(m_bench->saveAs(tab, pending));
    QVERIFY(followed.wait(10000));
    tab->editor()->append(QStringLiteral("ALTER TABLE t ADD COLUMN b int;\n"));
    QVERIFY(m_bench->save(tab));
    QVERIFY(followed.wait(10000));

    QVERIFY(state(baseline) == baselineBefore);
    QVERIFY(state(loose) == looseBefore);
    QVERIFY(!QFile::exists(folder + QStringLiteral("/2024-06-01_released/002_new.sql")));
}

void TestSqlWorkbench::migrationsAreLintedWithTheirToolsTransactions()
{
    // graphile-migrate runs current.sql in one transaction: CONCURRENTLY
    // cannot work there. The same text outside the migrations folder is
    // plain SQL and gets no such finding.
    const QByteArray sql = "CREATE INDEX CONCURRENTLY orders_at_idx ON orders (created_at);\n";
    write(QStringLiteral("gm/.gmrc"), "{}");
    const QString inside = write(QStringLiteral("gm/migrations/current.sql"), sql);
    const QString outside = write(QStringLiteral("scratch/try.sql"), sql);
    m_bench->setMigrationsFolder(m_dir.filePath(QStringLiteral("gm/migrations")));
    auto rulesOf = [](SqlEditorTab *tab) {
        QStringList rules;
        for (const auto &finding : tab->editor()->findings())
            rules << finding.rule;
        return rules;
    };
    const QString rule = QStringLiteral("ban-concurrent-index-creation-in-transaction");
    QVERIFY(m_bench->openFiles({inside}));
    SqlEditorTab *migration = m_bench->currentTab();
    QCOMPARE(
        migration->lintMode(), QStringLiteral("a graphile-migrate migration in one transaction"));
    QTRY_VERIFY_WITH_TIMEOUT(rulesOf(migration).contains(rule), 5000);
    QVERIFY(migration->lintStatus().contains(QStringLiteral("graphile-migrate")));
    QVERIFY(m_bench->openFiles({outside}));
    SqlEditorTab *plain = m_bench->currentTab();
    QVERIFY(plain != migration);
    QCOMPARE(plain->lintMode(), QStringLiteral("plain SQL"));
    QTRY_VERIFY_WITH_TIMEOUT(plain->lintStatus().contains(QStringLiteral("linted")), 5000);
    QVERIFY(!rulesOf(plain).contains(rule));
}

void TestSqlWorkbench::unsavedTextSurvivesACrash()
{
    const QString root = m_dir.filePath(QStringLiteral("state/autosave"));
    const QString pid = QString::number(QCoreApplication::applicationPid());
    const QString file = write(QStringLiteral("kept.sql"), "SELECT 1;\n");
    {
        SqlPage first;
        QCOMPARE(first.enableAutosave(root), 0);
        first.currentTab()->editor()->setText(
            QStringLiteral("CREATE INDEX i ON t (a); -- ünsaved"));
        QVERIFY(first.openFiles({file}));
        first.currentTab()->editor()->append(QStringLiteral("SELECT 2;\n"));
        first.newTab(); // empty and unmodified: nothing to keep
        first.autosaveNow(); // written by a worker
        QTRY_COMPARE(
            QDir(root + QLatin1Char('/') + pid).entryList({QStringLiteral("*.sql")}).size(), 2);
        QTRY_COMPARE(
            QDir(root + QLatin1Char('/') + pid).entryList({QStringLiteral("*.json")}).size(), 2);
        // The window goes away without asking (a crash, a kill).
    }
    // Another Tusk, still running, keeps its own buffers.
    QDir().mkpath(root + QStringLiteral("/424242"));
    QVERIFY(tusk::test::writeFile(root + QStringLiteral("/424242/x.sql"), "SELECT 'theirs';"));
    QLockFile live(root + QStringLiteral("/424242.lock"));
    QVERIFY(live.tryLock(0));
    // A dead Tusk's folder (no live lock) is adopted, like our pid's.
    QVERIFY(QDir().rename(root + QLatin1Char('/') + pid, root + QStringLiteral("/999999")));

    SqlPage second;
    second.setAsker([](const QString &, const QString &, QMessageBox::StandardButtons) {
        return QMessageBox::Discard;
    });
    QCOMPARE(second.enableAutosave(root), 2);
    QCOMPARE(second.tabs()->count(), 2); // the blank tab gave way
    QStringList texts;
    for (int i = 0; i < 2; ++i) {
        SqlEditorTab *tab = second.tabAt(i);
        QVERIFY(tab->isModified());
        texts << tab->editor()->text();
        if (!tab->filePath().isEmpty())
            QCOMPARE(tab->filePath(), QFileInfo(file).absoluteFilePath());
    }
    QVERIFY(texts.contains(QStringLiteral("CREATE INDEX i ON t (a); -- ünsaved")));
    QVERIFY(texts.contains(QStringLiteral("SELECT 1;\nSELECT 2;\n")));
    QVERIFY(!QDir(root + QStringLiteral("/999999")).exists());
    QVERIFY(QFile::exists(root + QStringLiteral("/424242/x.sql")));
    // Saving a tab lets its autosave go; closing without saving too.
    SqlEditorTab *withFile =
        second.tabAt(0)->filePath().isEmpty() ? second.tabAt(1) : second.tabAt(0);
    QVERIFY(second.save(withFile));
    QCOMPARE(tusk::test::readFile(file), QByteArray("SELECT 1;\nSELECT 2;\n"));
    second.autosaveNow();
    QTRY_COMPARE(
        QDir(root + QLatin1Char('/') + pid).entryList({QStringLiteral("*.sql")}).size(), 1);
    QVERIFY(second.closeAll());
    QVERIFY(QDir(root + QLatin1Char('/') + pid).entryList(QDir::Files).isEmpty());
}

QTEST_MAIN(TestSqlWorkbench)
#include "tst_sqlpage.moc"
