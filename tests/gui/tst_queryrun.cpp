// Running SQL from an editor tab against the throwaway server, offscreen:
// the grid fills while rows stream, Esc cancels pg_sleep(30) within a
// second while the window keeps repainting, an error underlines the token
// the server named, transactions show their state, a production profile
// asks before writes, the read-only switch makes the server refuse them,
// a killed session is reported and the next run reconnects, a tab waiting
// on a lock leaves another tab free, and the row cap says what it dropped.

#include "testsupport.h"

#include "core/lint/lintrunner.h"
#include "core/pg/queryrunner.h"
#include "core/workspace/workspace.h"
#include "widgets/results/resultgrid.h"
#include "widgets/results/resultsetmodel.h"
#include "widgets/results/resultspane.h"
#include "widgets/sql/editorcompletion.h"
#include "widgets/sql/runtoolbar.h"
#include "widgets/sql/sqleditor.h"
#include "widgets/sql/sqleditortab.h"
#include "widgets/sql/sqlpage.h"

#include <QCheckBox>
#include <QElapsedTimer>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTest>

using namespace tusk::core;
using namespace tusk::test;
using namespace tusk::widgets;

namespace {
const char *const fixture = R"sql(
CREATE TABLE items (id int PRIMARY KEY, name text, note text);
INSERT INTO items SELECT g, 'item ' || g, CASE WHEN g % 3 = 0 THEN NULL ELSE 'n' END
FROM generate_series(1, 1000) g;
)sql";
} // namespace

class TestQueryRun : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void statementAtTheCaretFillsTheGrid();
    void scriptGivesOneTabPerResultSet();
    void escapeCancelsWithinASecond();
    void errorUnderlinesTheToken();
    void transactionStateIsShown();
    void productionAsksBeforeWrites();
    void readOnlyMakesTheServerRefuseWrites();
    void killedSessionIsReportedAndReconnects();
    void aTabWaitingOnALockLeavesOthersFree();
    void rowCapSaysWhatItDropped();

private:
    // Runs and waits for the end; false on timeout.
    bool runAndWait(SqlEditorTab *tab, const QString &text, bool script = false);
    static PgError lastError(const QSignalSpy &spy);

    std::unique_ptr<ScratchDatabase> m_db;
    std::unique_ptr<SqlEditorTab> m_tab;
    QStringList m_confirmed; // titles of the questions asked
    bool m_answer = true;
    PgError m_lastError; // of the last runAndWait
};

void TestQueryRun::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true); // the row cap is remembered in QSettings
    QVERIFY2(!clusterConnInfo().isEmpty(), qPrintable(clusterMissingMessage()));
    m_db = std::make_unique<ScratchDatabase>(QStringLiteral("queryrun"));
    QVERIFY2(m_db->isValid(), qPrintable(m_db->error()));
    Connection setup;
    QVERIFY(openAndWait(setup, m_db->connInfo()).isNull());
    const Reply reply = tusk::test::runAndWait(setup, QString::fromUtf8(fixture));
    QVERIFY2(reply.error.isNull(), qPrintable(reply.error.toString()));
}

void TestQueryRun::init()
{
    m_tab = std::make_unique<SqlEditorTab>();
    m_tab->resize(1100, 700);
    m_tab->setTarget(m_db->connInfo(), QStringLiteral("test"), false);
    m_confirmed.clear();
    m_answer = true;
    m_tab->setConfirm([this](const QString &title, const QString &) {
        m_confirmed << title;
        return m_answer;
    });
    m_tab->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_tab.get()));
}

void TestQueryRun::cleanup()
{
    m_tab.reset();
}

bool TestQueryRun::runAndWait(SqlEditorTab *tab, const QString &text, bool script)
{
    tab->editor()->setText(text);
    tab->editor()->SendScintilla(QsciScintillaBase::SCI_GOTOPOS, 0);
    QSignalSpy finished(tab->queryRunner(), &QueryRunner::finished);
    m_lastError = PgError();
    if (!(script ? tab->runScript() : tab->runStatement()))
        return false;
    if (!finished.wait(30000))
        return false;
    m_lastError = lastError(finished);
    return true;
}

PgError TestQueryRun::lastError(const QSignalSpy &spy)
{
    return spy.isEmpty() ? PgError() : spy.last().at(0).value<PgError>();
}

void TestQueryRun::statementAtTheCaretFillsTheGrid()
{
    // Two statements; the caret in the second runs only the second.
    const QString text = QStringLiteral("SELECT 1 AS first;\n\nSELECT id, name, note FROM items "
                                        "ORDER BY id;\n");
    m_tab->editor()->setText(text);
    m_tab->editor()->SendScintilla(QsciScintillaBase::SCI_GOTOPOS, long(text.indexOf("items")));
    QSignalSpy finished(m_tab->queryRunner(), &QueryRunner::finished);
    QSignalSpy started(m_tab->queryRunner(), &QueryRunner::resultSetStarted);
    QVERIFY(m_tab->runStatement());
    QVERIFY(finished.wait(30000));
    QVERIFY2(lastError(finished).isNull(), qPrintable(lastError(finished).toString()));
    QVERIFY(m_tab->queryRunner()->sentText().startsWith(QStringLiteral("SELECT id")));
    QCOMPARE(started.size(), 1);
    ResultsPane *pane = m_tab->resultsPane();
    QCOMPARE(pane->grids().size(), 1);
    ResultGrid *grid = pane->grids().first();
    QCOMPARE(pane->currentWidget(), grid);
    QCOMPARE(grid->model()->rowCount(), 1000);
    QCOMPARE(grid->model()->columnCount(), 3);
    QCOMPARE(grid->model()->text(41, 1), QStringLiteral("item 42"));
    QVERIFY(grid->model()->isNull(2, 2)); // id 3: note NULL
    QCOMPARE(grid->model()->data(grid->model()->index(2, 2)).toString(), QStringLiteral("NULL"));
    QCOMPARE(grid->model()->commandTag(), QStringLiteral("SELECT 1000"));
    QVERIFY2(grid->statusText().startsWith(QStringLiteral("1,000 rows")),
        qPrintable(grid->statusText()));
    QVERIFY(m_tab->runToolbar()->elapsedText().startsWith(QStringLiteral("Last run")));
    // The grid shows rows on screen: the first visible row is row 1.
    QTableView *view = grid->view();
    QCOMPARE(view->rowAt(0), 0);
    QVERIFY(
        view->columnWidth(1) >= view->fontMetrics().horizontalAdvance(QStringLiteral("item 1000")));
    QVERIFY(saveArtifact(m_tab->grab(), QStringLiteral("editor-result-grid.png")));
}

void TestQueryRun::scriptGivesOneTabPerResultSet()
{
    QVERIFY(runAndWait(m_tab.get(),
        QStringLiteral("CREATE TEMP TABLE t (a int);\nINSERT INTO t VALUES (1), (2);\n"
                       "SELECT * FROM t;\nDO $$ BEGIN RAISE NOTICE 'hello from plpgsql'; END $$;\n"
                       "SELECT 'x' AS b;"),
        true));
    ResultsPane *pane = m_tab->resultsPane();
    QCOMPARE(pane->grids().size(), 2);
    QCOMPARE(pane->grids().at(0)->model()->rowCount(), 2);
    QCOMPARE(pane->grids().at(1)->model()->text(0, 0), QStringLiteral("x"));
    const QString messages = pane->messagesText();
    QVERIFY2(messages.contains(QStringLiteral("CREATE TABLE")), qPrintable(messages));
    QVERIFY(messages.contains(QStringLiteral("INSERT 0 2")));
    QVERIFY(messages.contains(QStringLiteral("NOTICE")));
    QVERIFY(messages.contains(QStringLiteral("hello from plpgsql")));
    QCOMPARE(pane->tabText(pane->indexOf(pane->grids().at(0))), QStringLiteral("Result 1 (2)"));
}

void TestQueryRun::escapeCancelsWithinASecond()
{
    m_tab->editor()->setText(QStringLiteral("SELECT pg_sleep(30);"));
    QSignalSpy finished(m_tab->queryRunner(), &QueryRunner::finished);
    QVERIFY(m_tab->runStatement());
    QVERIFY(m_tab->queryRunner()->isRunning());
    // Let it reach the server and sleep there.
    QTest::qWait(500);
    QVERIFY(finished.isEmpty());
    QVERIFY(m_tab->runToolbar()->elapsedText().startsWith(QStringLiteral("Running")));
    // The window keeps painting while the statement runs and is cancelled:
    // a timer ticking every 20 ms never waits long.
    QElapsedTimer gap;
    qint64 longestGap = 0;
    QTimer ticker;
    ticker.setInterval(20);
    gap.start();
    connect(&ticker, &QTimer::timeout, this, [&] {
        longestGap = std::max(longestGap, gap.restart());
        m_tab->repaint();
    });
    ticker.start();
    QTest::qWait(200);
    QElapsedTimer clock;
    clock.start();
    m_tab->editor()->setFocus();
    QTest::keyClick(m_tab->editor(), Qt::Key_Escape);
    QVERIFY(finished.wait(5000));
    const qint64 took = clock.elapsed();
    ticker.stop();
    qInfo("cancel took %lld ms; longest gap between repaints %lld ms", took, longestGap);
    QVERIFY2(took < 1000, qPrintable(QString::number(took)));
    QVERIFY2(longestGap < 200, qPrintable(QString::number(longestGap)));
    QVERIFY(lastError(finished).isCancellation());
    QVERIFY(m_tab->resultsPane()->messagesText().contains(QStringLiteral("Cancelled after")));
    QVERIFY(!m_tab->queryRunner()->isRunning());
    // The session is still usable.
    QVERIFY(runAndWait(m_tab.get(), QStringLiteral("SELECT 2")));
    QVERIFY(m_lastError.isNull());
    QCOMPARE(m_tab->resultsPane()->grids().first()->model()->text(0, 0), QStringLiteral("2"));
}

void TestQueryRun::errorUnderlinesTheToken()
{
    // Line 3, after a multi-byte character: the server counts characters.
    const QString text = QStringLiteral("SELECT 1;\n-- café ☕\nSELECT id, nmae\nFROM items;");
    m_tab->editor()->setText(text);
    const QByteArray bytes = text.toUtf8();
    m_tab->editor()->SendScintilla(QsciScintillaBase::SCI_GOTOPOS, long(bytes.indexOf("nmae")));
    QSignalSpy finished(m_tab->queryRunner(), &QueryRunner::finished);
    QVERIFY(m_tab->runStatement());
    QVERIFY(finished.wait(30000));
    const PgError error = lastError(finished);
    QCOMPARE(error.sqlState, QStringLiteral("42703"));
    const auto [begin, end] = m_tab->editor()->runErrorRange();
    QCOMPARE(begin, int(bytes.indexOf("nmae")));
    QCOMPARE(end, begin + 4);
    const QString messages = m_tab->resultsPane()->messagesText();
    QVERIFY2(messages.contains(QStringLiteral("42703")), qPrintable(messages));
    QVERIFY(messages.contains(QStringLiteral("at line 3: ERROR 42703")));
    QVERIFY(messages.contains(QStringLiteral("HINT")) || messages.contains(QStringLiteral("nmae")));
    QCOMPARE(m_tab->resultsPane()->currentWidget(), m_tab->resultsPane()->messagesView());
    QVERIFY(m_tab->editor()->toolTipAt(begin + 1).contains(QStringLiteral("nmae")));
    QVERIFY(saveArtifact(m_tab->grab(), QStringLiteral("editor-run-error.png")));
    // The next run clears the mark.
    QVERIFY(runAndWait(m_tab.get(), QStringLiteral("SELECT 1")));
    QCOMPARE(m_tab->editor()->runErrorRange().first, -1);
}

void TestQueryRun::transactionStateIsShown()
{
    QueryRunner *runner = m_tab->queryRunner();
    QVERIFY(runAndWait(
        m_tab.get(), QStringLiteral("BEGIN; INSERT INTO items VALUES (5001, 'tx', 'tx');"), true));
    QCOMPARE(runner->transaction(), QueryRunner::Transaction::InTransaction);
    QVERIFY(m_tab->hasOpenTransaction());
    QVERIFY(m_tab->runToolbar()->transactionText().contains(QStringLiteral("in transaction")));
    QVERIFY(runAndWait(m_tab.get(), QStringLiteral("SELECT 1/0")));
    QCOMPARE(runner->transaction(), QueryRunner::Transaction::Failed);
    QVERIFY(m_tab->runToolbar()->transactionText().contains(QStringLiteral("failed")));
    QSignalSpy changed(runner, &QueryRunner::transactionChanged);
    runner->rollback();
    QVERIFY(changed.wait(10000));
    QCOMPARE(runner->transaction(), QueryRunner::Transaction::Idle);
    QVERIFY(!m_tab->hasOpenTransaction());
    // The insert was rolled back.
    QVERIFY(runAndWait(m_tab.get(), QStringLiteral("SELECT count(*) FROM items WHERE id = 5001")));
    QCOMPARE(m_tab->resultsPane()->grids().first()->model()->text(0, 0), QStringLiteral("0"));

    // Closing a tab with an open transaction asks first.
    SqlPage bench;
    QStringList asked;
    bench.setAsker([&](const QString &title, const QString &, QMessageBox::StandardButtons) {
        asked << title;
        return QMessageBox::Cancel;
    });
    Workspace workspace;
    bench.attach(&workspace, nullptr);
    workspace.setTarget(WorkspaceTarget::forConnection(m_db->connInfo(), QStringLiteral("test")));
    SqlEditorTab *tab = bench.currentTab();
    QVERIFY(tab);
    // Connected, the tabs lint with the server's version and catalog and
    // highlight and complete its keywords.
    Connection probe;
    QVERIFY(openAndWait(probe, m_db->connInfo()).isNull());
    QTRY_COMPARE_WITH_TIMEOUT(
        tab->lintRunner()->options().serverVersion, probe.server().versionNumber, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(
        bench.serverKeywords().contains(QStringLiteral("concurrently")), 10000);
    QCOMPARE(tab->completion()->keywords().size(), bench.serverKeywords().size());
    tab->editor()->setText(QStringLiteral("BEGIN"));
    QSignalSpy finished(tab->queryRunner(), &QueryRunner::finished);
    QVERIFY(tab->runScript());
    QVERIFY(finished.wait(30000));
    tab->editor()->setModified(false);
    QVERIFY(!bench.closeTab(0));
    QCOMPARE(asked, QStringList {QStringLiteral("Open transaction")});
}

void TestQueryRun::productionAsksBeforeWrites()
{
    m_tab->setTarget(m_db->connInfo(), QStringLiteral("prod"), true);
    // Reads run without a question.
    QVERIFY(runAndWait(m_tab.get(), QStringLiteral("SELECT count(*) FROM items")));
    QVERIFY(m_confirmed.isEmpty());
    // A write is asked about; "no" sends nothing.
    m_answer = false;
    m_tab->editor()->setText(QStringLiteral("UPDATE items SET name = 'changed' WHERE id = 1;"));
    QVERIFY(!m_tab->runScript());
    QCOMPARE(m_confirmed, QStringList {QStringLiteral("Run on production?")});
    QVERIFY(!m_tab->queryRunner()->isRunning());
    QVERIFY(m_tab->resultsPane()->messagesText().contains(QStringLiteral("Not run")));
    QVERIFY(runAndWait(m_tab.get(), QStringLiteral("SELECT name FROM items WHERE id = 1")));
    QCOMPARE(m_tab->resultsPane()->grids().first()->model()->text(0, 0), QStringLiteral("item 1"));
    // "Yes" runs it.
    m_answer = true;
    QVERIFY(runAndWait(m_tab.get(),
        QStringLiteral(
            "UPDATE items SET note = 'seen' WHERE id = 1; SELECT note FROM items WHERE id = 1"),
        true));
    QCOMPARE(m_confirmed.size(), 2);
    QCOMPARE(m_tab->resultsPane()->grids().first()->model()->text(0, 0), QStringLiteral("seen"));
}

void TestQueryRun::readOnlyMakesTheServerRefuseWrites()
{
    QVERIFY(runAndWait(m_tab.get(), QStringLiteral("SELECT 1"))); // the session is open
    m_tab->runToolbar()->readOnlyBox()->setChecked(true);
    QVERIFY(m_tab->queryRunner()->isReadOnly());
    QVERIFY(runAndWait(m_tab.get(), QStringLiteral("INSERT INTO items VALUES (7001, 'ro', 'ro')")));
    QCOMPARE(m_lastError.sqlState, QStringLiteral("25006")); // read_only_sql_transaction
    QVERIFY2(m_tab->resultsPane()->messagesText().contains(QStringLiteral("25006")),
        qPrintable(m_tab->resultsPane()->messagesText()));
    // Production does not ask when the session cannot write anyway.
    m_tab->setTarget(m_db->connInfo(), QStringLiteral("prod"), true);
    QVERIFY(runAndWait(m_tab.get(), QStringLiteral("DELETE FROM items WHERE id = 1")));
    QVERIFY(m_confirmed.isEmpty());
    QCOMPARE(m_lastError.sqlState, QStringLiteral("25006"));
    m_tab->runToolbar()->readOnlyBox()->setChecked(false);
    m_tab->setTarget(m_db->connInfo(), QStringLiteral("test"), false);
    QVERIFY(runAndWait(m_tab.get(), QStringLiteral("INSERT INTO items VALUES (7001, 'rw', 'rw')")));
    QVERIFY(runAndWait(
        m_tab.get(), QStringLiteral("SELECT count(*) FROM items WHERE id IN (1, 7001)")));
    QCOMPARE(m_tab->resultsPane()->grids().first()->model()->text(0, 0), QStringLiteral("2"));
}

void TestQueryRun::killedSessionIsReportedAndReconnects()
{
    m_tab->editor()->setText(QStringLiteral("SELECT pg_sleep(30)"));
    QSignalSpy finished(m_tab->queryRunner(), &QueryRunner::finished);
    QVERIFY(m_tab->runStatement());
    Connection killer;
    QVERIFY(openAndWait(killer, m_db->connInfo()).isNull());
    // The tab connects before it sends the sleep; on a busy machine that
    // can take longer than any fixed wait, so terminate until a backend
    // running it was found, in this test's own database (other tests may
    // sleep on the same cluster at the same time), and only while it runs:
    // an idle session still shows the sleep an earlier test cancelled, and
    // killing that one would leave this sleep to run its 30 s after the
    // reconnect. (Not in QTRY_VERIFY: it
    // evaluates its condition again after success, and this one has a side
    // effect.)
    bool terminated = false;
    QElapsedTimer clock;
    clock.start();
    while (!terminated && clock.elapsed() < 15000) {
        const Reply killed = tusk::test::runAndWait(killer,
            QStringLiteral("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                           "WHERE query = 'SELECT pg_sleep(30)' AND state = 'active' "
                           "AND pid <> pg_backend_pid() AND datname = current_database()"));
        QVERIFY(killed.error.isNull());
        terminated = !killed.results.isEmpty() && killed.results.first().rowCount() == 1;
        if (!terminated)
            QTest::qWait(50);
    }
    QVERIFY2(terminated, "the sleep never showed in pg_stat_activity");
    // The killer's own queries spin the event loop: the run may have ended
    // already, which QSignalSpy::wait() would not see.
    QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), 10000);
    const PgError error = lastError(finished);
    QVERIFY2(!error.isNull(), "a killed session must report an error");
    const QString messages = m_tab->resultsPane()->messagesText();
    QVERIFY2(messages.contains(QStringLiteral("Failed after")), qPrintable(messages));
    // The next run gets a session again.
    QTRY_VERIFY_WITH_TIMEOUT(runAndWait(m_tab.get(), QStringLiteral("SELECT 'back'"))
            && !m_tab->resultsPane()->grids().isEmpty(),
        15000);
    QCOMPARE(m_tab->resultsPane()->grids().first()->model()->text(0, 0), QStringLiteral("back"));
}

void TestQueryRun::aTabWaitingOnALockLeavesOthersFree()
{
    // Tab 1 holds a lock; tab 2 waits on it; tab 3 runs meanwhile.
    SqlEditorTab holder, waiter;
    for (SqlEditorTab *tab : {&holder, &waiter})
        tab->setTarget(m_db->connInfo(), QStringLiteral("test"), false);
    QVERIFY(runAndWait(
        &holder, QStringLiteral("BEGIN; LOCK TABLE items IN ACCESS EXCLUSIVE MODE;"), true));
    QCOMPARE(holder.queryRunner()->transaction(), QueryRunner::Transaction::InTransaction);
    waiter.editor()->setText(QStringLiteral("SELECT 'counted' FROM items LIMIT 1"));
    QSignalSpy waiterDone(waiter.queryRunner(), &QueryRunner::finished);
    QVERIFY(waiter.runStatement());
    QTest::qWait(300);
    QVERIFY(waiter.queryRunner()->isRunning());
    QElapsedTimer clock;
    clock.start();
    QVERIFY(runAndWait(m_tab.get(), QStringLiteral("SELECT 'free'")));
    QVERIFY(clock.elapsed() < 5000);
    QCOMPARE(m_tab->resultsPane()->grids().first()->model()->text(0, 0), QStringLiteral("free"));
    QVERIFY(waiter.queryRunner()->isRunning());
    QSignalSpy released(holder.queryRunner(), &QueryRunner::transactionChanged);
    holder.queryRunner()->rollback();
    QVERIFY(waiterDone.wait(10000));
    QVERIFY(lastError(waiterDone).isNull());
    QCOMPARE(waiter.resultsPane()->grids().first()->model()->text(0, 0), QStringLiteral("counted"));
}

void TestQueryRun::rowCapSaysWhatItDropped()
{
    m_tab->runToolbar()->rowCapBox()->setValue(250);
    QCOMPARE(m_tab->queryRunner()->rowCap(), 250);
    QVERIFY(runAndWait(m_tab.get(), QStringLiteral("SELECT g FROM generate_series(1, 1000) g")));
    ResultGrid *grid = m_tab->resultsPane()->grids().first();
    QCOMPARE(grid->model()->rowCount(), 250);
    QCOMPARE(grid->model()->droppedRows(), 750);
    QVERIFY2(grid->statusText().contains(QStringLiteral("750 more rows were not kept")),
        qPrintable(grid->statusText()));
    // The cap is remembered for the next tab; 0 keeps everything.
    SqlEditorTab next;
    QCOMPARE(next.queryRunner()->rowCap(), 250);
    m_tab->runToolbar()->rowCapBox()->setValue(0);
    QVERIFY(runAndWait(m_tab.get(), QStringLiteral("SELECT g FROM generate_series(1, 1000) g")));
    QCOMPARE(m_tab->resultsPane()->grids().first()->model()->rowCount(), 1000);
    m_tab->runToolbar()->rowCapBox()->setValue(RunToolbar::kDefaultRowCap);
}

QTEST_MAIN(TestQueryRun)
#include "tst_queryrun.moc"
