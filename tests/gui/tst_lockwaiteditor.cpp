// The editor's "this would wait behind pid …" (issue 24, point 12), offscreen
// against the throwaway server: with A's UPDATE idle in transaction on
// shop.items, running ALTER TABLE from a tab first checks the locks, then
// asks through the tab's confirm callback naming A's pid even when no
// approval is due, and No leaves the statement unrun (Yes runs it once A
// is gone); on a profile that approves structure changes the same lines
// join the approval question; nobody in the way, no question; an answer
// for text edited meanwhile is dropped.

#include "lockscenario.h"
#include "testsupport.h"

#include "core/activity/lockwaitcheck.h"
#include "core/pg/queryrunner.h"
#include "widgets/results/resultspane.h"
#include "widgets/sql/sqleditor.h"
#include "widgets/sql/sqleditortab.h"

#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace tusk::core;
using namespace tusk::test;
using namespace tusk::widgets;

class TestLockWaitEditor : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void asksBeforeWaitingBehindAHolder();
    void joinsTheApprovalQuestion();
    void nobodyInTheWayAsksNothing();
    void dropsTheAnswerForEditedText();

private:
    bool columnExists(const QString &column);

    std::unique_ptr<ScratchDatabase> m_db;
    std::unique_ptr<LockScenario> m_scenario;
    std::unique_ptr<SqlEditorTab> m_tab;
    QStringList m_asked; // "title\ntext" of each question
    bool m_answer = false;
};

void TestLockWaitEditor::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY2(!clusterConnInfo().isEmpty(), qPrintable(clusterMissingMessage()));
    m_db = std::make_unique<ScratchDatabase>(QStringLiteral("lockwaiteditor"));
    QVERIFY2(m_db->isValid(), qPrintable(m_db->error()));
}

void TestLockWaitEditor::init()
{
    m_scenario = std::make_unique<LockScenario>(m_db->connInfo());
    QVERIFY2(m_scenario->createTable(), qPrintable(m_scenario->error()));
    m_tab = std::make_unique<SqlEditorTab>();
    m_tab->resize(1000, 700);
    m_tab->setTarget(m_db->connInfo(), QStringLiteral("test"), false);
    m_asked.clear();
    m_answer = false;
    m_tab->setConfirm([this](const QString &title, const QString &text) {
        m_asked << title + QLatin1Char('\n') + text;
        return m_answer;
    });
    m_tab->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_tab.get()));
}

void TestLockWaitEditor::cleanup()
{
    m_tab.reset();
    m_scenario.reset();
}

bool TestLockWaitEditor::columnExists(const QString &column)
{
    // pg_attribute by the regclass's oid: no lock on the table itself.
    Connection c;
    if (!openAndWait(c, m_db->connInfo()).isNull())
        return false;
    const Reply reply = runAndWait(c,
        QStringLiteral("SELECT 1 FROM pg_attribute WHERE attrelid = 'shop.items'::regclass AND "
                       "attname = $1 AND NOT attisdropped"),
        {column});
    return reply.error.isNull() && !reply.results.isEmpty()
        && reply.results.first().rowCount() == 1;
}

void TestLockWaitEditor::asksBeforeWaitingBehindAHolder()
{
    const int a =
        m_scenario->hold(QStringLiteral("BEGIN; UPDATE shop.items SET v = v + 1 WHERE id = 1;"));
    QVERIFY2(a, qPrintable(m_scenario->error()));
    SqlEditor *editor = m_tab->editor();
    editor->setFocus();
    QTest::keyClicks(editor, QStringLiteral("ALTER TABLE shop.items ADD COLUMN w int"));
    QCOMPARE(editor->text(), QStringLiteral("ALTER TABLE shop.items ADD COLUMN w int"));

    // The check goes first; the window does not wait for it.
    QVERIFY(m_tab->runStatement());
    QVERIFY(m_tab->isCheckingLocks());
    QVERIFY(m_asked.isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(m_asked.size(), 1, 10000);
    const QString asked = m_asked.first();
    QVERIFY2(asked.startsWith(QStringLiteral("Wait behind other sessions?\nThis would wait behind "
                                             "other sessions:\n\nALTER TABLE shop.items ADD "
                                             "COLUMN w int would wait behind pid %1 (idle in "
                                             "transaction for ")
                                  .arg(a)),
        qPrintable(asked));
    QVERIFY2(
        asked.contains(QStringLiteral("holds ROW EXCLUSIVE on shop.items)")), qPrintable(asked));
    QVERIFY2(asked.endsWith(QStringLiteral("Run anyway?")), qPrintable(asked));

    // No: nothing is sent.
    QVERIFY(!m_tab->isCheckingLocks());
    QVERIFY(!m_tab->queryRunner()->isRunning());
    const QString messages = m_tab->resultsPane()->messagesText();
    QVERIFY2(messages.contains(QStringLiteral("Not run: the statements were not confirmed.")),
        qPrintable(messages));
    QVERIFY(!columnExists(QStringLiteral("w")));
    QVERIFY(saveArtifact(m_tab->grab(), QStringLiteral("lock-wait-not-run.png")));

    // Yes: it runs, waits behind A, and goes through once A rolls back.
    m_answer = true;
    QSignalSpy finished(m_tab->queryRunner(), &QueryRunner::finished);
    QVERIFY(m_tab->runStatement());
    QTRY_COMPARE_WITH_TIMEOUT(m_asked.size(), 2, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(m_tab->queryRunner()->isRunning(), 10000);
    QVERIFY(m_scenario->sendOn(a, QStringLiteral("ROLLBACK")));
    QVERIFY(finished.wait(30000));
    QVERIFY(finished.last().first().value<PgError>().isNull());
    QVERIFY(columnExists(QStringLiteral("w")));
}

void TestLockWaitEditor::joinsTheApprovalQuestion()
{
    m_tab->setApprovesSchemaChanges(true);
    const int a =
        m_scenario->hold(QStringLiteral("BEGIN; UPDATE shop.items SET v = v + 1 WHERE id = 1;"));
    QVERIFY2(a, qPrintable(m_scenario->error()));
    m_tab->editor()->setText(QStringLiteral("SELECT 1;\nALTER TABLE shop.items ADD COLUMN w int;"));
    QVERIFY(m_tab->runScript());
    QTRY_COMPARE_WITH_TIMEOUT(m_asked.size(), 1, 10000);
    const QString asked = m_asked.first();
    // One question: the approval, with what the check found at its end.
    QVERIFY2(asked.startsWith(QStringLiteral("Change the database structure?\nThese statements "
                                             "change the structure of the database:\n\n• ALTER "
                                             "TABLE shop.items ADD COLUMN w int\n    lock: ACCESS "
                                             "EXCLUSIVE on shop.items")),
        qPrintable(asked));
    QVERIFY2(asked.contains(QStringLiteral("\n\nRight now:\nALTER TABLE shop.items ADD COLUMN w "
                                           "int would wait behind pid %1 (idle in transaction")
                                .arg(a)),
        qPrintable(asked));
    QVERIFY2(asked.contains(QStringLiteral("While it waits, every later query on these tables "
                                           "queues behind it.\n\nRun them?")),
        qPrintable(asked));
    QVERIFY(!m_tab->queryRunner()->isRunning());
    QVERIFY(!columnExists(QStringLiteral("w")));

    // With nobody in the way the approval says so.
    m_scenario->release();
    QVERIFY(m_tab->runScript());
    QTRY_COMPARE_WITH_TIMEOUT(m_asked.size(), 2, 10000);
    QVERIFY2(m_asked.last().contains(
                 QStringLiteral("\n\nRight now no session holds or waits for a lock these "
                                "statements would wait behind.\n\nRun them?")),
        qPrintable(m_asked.last()));
}

void TestLockWaitEditor::nobodyInTheWayAsksNothing()
{
    // A reader of another table, and a plain write: neither is checked nor in the way.
    QVERIFY(m_scenario->hold(QStringLiteral("BEGIN; SELECT count(*) FROM pg_class;")));
    QSignalSpy finished(m_tab->queryRunner(), &QueryRunner::finished);
    m_tab->editor()->setText(QStringLiteral("UPDATE shop.items SET v = 0 WHERE id = 3"));
    QVERIFY(m_tab->runStatement());
    QVERIFY(!m_tab->isCheckingLocks()); // DML runs at once, as before
    QVERIFY(finished.wait(30000));
    m_tab->editor()->setText(QStringLiteral("ALTER TABLE shop.items ADD COLUMN z int"));
    QVERIFY(m_tab->runStatement());
    QVERIFY(m_tab->isCheckingLocks());
    QVERIFY(finished.wait(30000));
    QVERIFY(m_asked.isEmpty());
    QVERIFY(columnExists(QStringLiteral("z")));
    const QString messages = m_tab->resultsPane()->messagesText();
    QVERIFY2(messages.contains(QStringLiteral("Checking who holds or waits for locks on "
                                              "shop.items…")),
        qPrintable(messages));
    QVERIFY2(messages.contains(QStringLiteral("Nobody holds or waits for a lock in the way")),
        qPrintable(messages));
}

void TestLockWaitEditor::dropsTheAnswerForEditedText()
{
    const int a =
        m_scenario->hold(QStringLiteral("BEGIN; UPDATE shop.items SET v = v + 1 WHERE id = 1;"));
    QVERIFY2(a, qPrintable(m_scenario->error()));
    m_tab->editor()->setText(QStringLiteral("ALTER TABLE shop.items ADD COLUMN w int"));
    QSignalSpy checked(m_tab->lockWaitCheck(), &LockWaitCheck::finished);
    QVERIFY(m_tab->runStatement());
    // Edited before the answer can arrive (it needs the event loop).
    m_tab->editor()->setText(QStringLiteral("ALTER TABLE shop.items ADD COLUMN v2 int"));
    QVERIFY(checked.wait(10000));
    QVERIFY(m_asked.isEmpty());
    QVERIFY(!m_tab->queryRunner()->isRunning());
    const QString messages = m_tab->resultsPane()->messagesText();
    QVERIFY2(messages.contains(QStringLiteral("Not run: the text changed")), qPrintable(messages));
}

QTEST_MAIN(TestLockWaitEditor)
#include "tst_lockwaiteditor.moc"
