// A structure change from the SQL tool on a profile that is not the
// sandbox, against the throwaway server, offscreen (docs/migrations-folder.md
// "DDL only after approval" and "post-change verification"): the approval
// shows the statement with its lock and lint verdict and nothing runs on
// No; after Yes the catalog confirms the change (✓) in Messages, or says
// what it found instead (✗); Add to Migration appends the statements as
// they ran (not the editor's SELECTs) to the latest pending file and the
// CHANGELOG follows; Add Selection to Migration does it without running;
// confirm_ddl = false and the sandbox do not ask.

#include "testsupport.h"

#include "core/pg/queryrunner.h"
#include "core/workspace/workspace.h"
#include "widgets/results/resultspane.h"
#include "widgets/sql/addtomigrationbar.h"
#include "widgets/sql/sqleditor.h"
#include "widgets/sql/sqleditortab.h"
#include "widgets/sql/sqlpage.h"

#include <QAction>
#include <QDir>
#include <QFile>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace tusk::core;
using namespace tusk::test;
using namespace tusk::widgets;

namespace {
QByteArray read(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}
} // namespace

class TestStructureChange : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void asksVerifiesAndAddsToTheMigration();
    void saysWhatTheCatalogFoundInstead();
    void addsASelectionWithoutRunningIt();
    void confirmDdlFalseAndTheSandboxDoNotAsk();

private:
    void setTarget(ProfileScope scope, bool confirmDdl, bool waitReady = false);
    bool runScript(const QString &text);
    bool columnExists(const QString &table, const QString &column);

    std::unique_ptr<ScratchDatabase> m_db;
    std::unique_ptr<Workspace> m_workspace;
    std::unique_ptr<SqlPage> m_page;
    QString m_folder;
    QStringList m_asked; // "title\ntext" of each question
    QMessageBox::StandardButton m_answer = QMessageBox::Yes;
};

void TestStructureChange::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY2(!clusterConnInfo().isEmpty(), qPrintable(clusterMissingMessage()));
    m_db = std::make_unique<ScratchDatabase>(QStringLiteral("structure"));
    QVERIFY2(m_db->isValid(), qPrintable(m_db->error()));
    Connection setup;
    QVERIFY(openAndWait(setup, m_db->connInfo()).isNull());
    const Reply reply = tusk::test::runAndWait(setup,
        QStringLiteral("CREATE TABLE items (id int PRIMARY KEY, name text, note text); "
                       "INSERT INTO items SELECT g, 'same', NULL FROM generate_series(1, 50) g"));
    QVERIFY2(reply.error.isNull(), qPrintable(reply.error.toString()));
}

void TestStructureChange::init()
{
    m_folder = scratchFolder(QStringLiteral("structure-%1").arg(QTest::currentTestFunction()))
        + QStringLiteral("/migrations");
    QVERIFY(QDir().mkpath(m_folder));
    m_workspace = std::make_unique<Workspace>();
    m_page = std::make_unique<SqlPage>();
    m_page->resize(1100, 700);
    m_asked.clear();
    m_answer = QMessageBox::Yes;
    m_page->setAsker([this](const QString &title, const QString &text, auto) {
        m_asked << title + QLatin1Char('\n') + text;
        return m_answer;
    });
    m_page->attach(m_workspace.get(), nullptr);
    setTarget(ProfileScope::Project, true, true);
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
}

void TestStructureChange::setTarget(ProfileScope scope, bool confirmDdl, bool waitReady)
{
    Profile profile;
    profile.name = QStringLiteral("staging");
    profile.scope = scope;
    profile.confirmDdl = confirmDdl;
    // The first target opens the session (ready); another profile on the
    // same server may keep it without a new ready(), and its policy applies
    // at targetChanged() at once.
    QSignalSpy ready(m_workspace.get(), &Workspace::ready);
    m_workspace->setTarget(WorkspaceTarget::forProfile(profile, m_db->connInfo(), m_folder));
    if (waitReady)
        QVERIFY(ready.count() > 0 || ready.wait(10000));
}

void TestStructureChange::cleanup()
{
    m_page.reset();
    m_workspace.reset();
}

bool TestStructureChange::runScript(const QString &text)
{
    SqlEditorTab *tab = m_page->currentTab();
    tab->editor()->setText(text);
    QSignalSpy finished(tab->queryRunner(), &QueryRunner::finished);
    if (!tab->runScript())
        return false;
    return finished.wait(30000);
}

bool TestStructureChange::columnExists(const QString &table, const QString &column)
{
    Connection c;
    if (!openAndWait(c, m_db->connInfo()).isNull())
        return false;
    const Reply reply = tusk::test::runAndWait(c,
        QStringLiteral("SELECT 1 FROM pg_attribute WHERE attrelid = $1::regclass AND attname = $2 "
                       "AND NOT attisdropped"),
        {table, column});
    return reply.error.isNull() && !reply.results.isEmpty()
        && reply.results.first().rowCount() == 1;
}

void TestStructureChange::asksVerifiesAndAddsToTheMigration()
{
    const QString sql =
        QStringLiteral("SELECT count(*) FROM items;\nALTER TABLE items ADD COLUMN code text;\n");
    SqlEditorTab *tab = m_page->currentTab();
    // No: nothing runs.
    m_answer = QMessageBox::No;
    tab->editor()->setText(sql);
    // The approval waits for the lock check (LockWaitCheck): asked once it answers.
    QVERIFY(tab->runScript());
    QTRY_COMPARE_WITH_TIMEOUT(m_asked.size(), 1, 10000);
    QVERIFY(!tab->isCheckingLocks());
    QVERIFY(!tab->queryRunner()->isRunning());
    QVERIFY2(m_asked.first().startsWith(QStringLiteral(
                 "Change the database structure?\nThese statements change the structure of the "
                 "database:\n\n• ALTER TABLE items ADD COLUMN code text\n    lock: ACCESS "
                 "EXCLUSIVE on items")),
        qPrintable(m_asked.first()));
    QVERIFY2(m_asked.first().contains(QStringLiteral("    lint: ")), qPrintable(m_asked.first()));
    QVERIFY(!m_asked.first().contains(QStringLiteral("SELECT count")));
    QVERIFY(!columnExists(QStringLiteral("items"), QStringLiteral("code")));

    // Yes: it runs, the catalog confirms it, and the migration is offered.
    m_answer = QMessageBox::Yes;
    QVERIFY(runScript(sql));
    QVERIFY(columnExists(QStringLiteral("items"), QStringLiteral("code")));
    QTRY_VERIFY_WITH_TIMEOUT(tab->resultsPane()->messagesText().contains(
                                 QStringLiteral("✓ column items.code: text, nullable (found text, "
                                                "nullable)")),
        10000);
    AddToMigrationBar *offer = tab->migrationOffer();
    QVERIFY(offer->isVisible());
    QVERIFY(saveArtifact(m_page->grab(), QStringLiteral("structure-change.png")));
    QSignalSpy said(m_page.get(), &SqlPage::message);
    QTest::mouseClick(
        offer->findChild<QPushButton *>(QStringLiteral("addToMigration")), Qt::LeftButton);
    QVERIFY(said.wait(10000));
    QVERIFY2(said.last().first().toString().startsWith(QStringLiteral("added to prerelease.sql")),
        qPrintable(said.last().first().toString()));
    QCOMPARE(read(m_folder + QStringLiteral("/prerelease.sql")),
        QByteArray("ALTER TABLE items ADD COLUMN code text;\n"));
    QVERIFY(read(m_folder + QStringLiteral("/CHANGELOG.md"))
                .contains("- items: column code added (text, nullable) <!-- tusk: prerelease.sql "
                          "-->"));
    QVERIFY(!offer->isVisible());
}

void TestStructureChange::saysWhatTheCatalogFoundInstead()
{
    // A concurrent unique build over duplicates fails and leaves an invalid
    // index; IF NOT EXISTS then succeeds with a notice.
    Connection setup;
    QVERIFY(openAndWait(setup, m_db->connInfo()).isNull());
    tusk::test::runAndWait(
        setup, QStringLiteral("CREATE UNIQUE INDEX CONCURRENTLY items_name_key ON items (name)"));
    QVERIFY(runScript(QStringLiteral("CREATE UNIQUE INDEX IF NOT EXISTS items_name_key ON items "
                                     "(name);")));
    SqlEditorTab *tab = m_page->currentTab();
    QTRY_VERIFY_WITH_TIMEOUT(
        tab->resultsPane()->messagesText().contains(
            QStringLiteral("✗ index items_name_key exists and is valid (found INVALID: a build "
                           "that failed left it; drop it and build it again on items)")),
        10000);
    tusk::test::runAndWait(setup, QStringLiteral("DROP INDEX items_name_key"));
}

void TestStructureChange::addsASelectionWithoutRunningIt()
{
    SqlEditorTab *tab = m_page->currentTab();
    tab->editor()->setText(
        QStringLiteral("SELECT 1;\nCREATE INDEX CONCURRENTLY items_note_idx ON items (note);\n"));
    tab->editor()->selectAll();
    QAction *add = nullptr;
    for (QAction *action : m_page->toolActions()) {
        if (action->objectName() == QLatin1String("addSelectionToMigration"))
            add = action;
    }
    QVERIFY(add && add->isEnabled());
    tab->editor()->setFocus();
    QSignalSpy said(m_page.get(), &SqlPage::message);
    add->trigger();
    QVERIFY(said.wait(10000));
    QCOMPARE(read(m_folder + QStringLiteral("/prerelease.sql")),
        QByteArray("CREATE INDEX CONCURRENTLY items_note_idx ON items (note);\n"));
    QVERIFY(m_asked.isEmpty()); // nothing ran, nothing to approve
    QVERIFY(read(m_folder + QStringLiteral("/CHANGELOG.md"))
                .contains("index items_note_idx on items (note), built concurrently"));
}

void TestStructureChange::confirmDdlFalseAndTheSandboxDoNotAsk()
{
    setTarget(ProfileScope::Project, false);
    QVERIFY(runScript(QStringLiteral("ALTER TABLE items ADD COLUMN a1 int;")));
    setTarget(ProfileScope::Sandbox, true);
    QVERIFY(runScript(QStringLiteral("ALTER TABLE items ADD COLUMN a2 int;")));
    QVERIFY2(m_asked.isEmpty(), qPrintable(m_asked.join(QLatin1Char('\n'))));
    QVERIFY(columnExists(QStringLiteral("items"), QStringLiteral("a1")));
    QVERIFY(columnExists(QStringLiteral("items"), QStringLiteral("a2")));
}

QTEST_MAIN(TestStructureChange)
#include "tst_structurechange.moc"
