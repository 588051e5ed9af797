// Explain from the editor against a real server: the plan of the statement
// at the caret comes back as JSON and opens in the Plan tool; ANALYZE of an
// UPDATE or DELETE changes nothing (BEGIN … ROLLBACK, or a savepoint inside
// the user's own transaction, which stays open); an error points into the
// editor's text, not into the EXPLAIN around it.

#include "testsupport.h"

#include "core/pg/queryrunner.h"
#include "widgets/plan/planpage.h"
#include "widgets/plan/planviewer.h"
#include "widgets/results/resultgrid.h"
#include "widgets/results/resultsetmodel.h"
#include "widgets/results/resultspane.h"
#include "widgets/sql/runtoolbar.h"
#include "widgets/sql/sqleditor.h"
#include "widgets/sql/sqleditortab.h"

#include "core/plan/plan.h"
#include "core/plan/planreader.h"

#include <QLabel>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace tusk::core;
using namespace tusk::test;
using namespace tusk::widgets;

class TestExplainRun : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void selectOpensItsPlan();
    void analyzeOfAnUpdateChangesNothing();
    void insideAnOpenTransactionTheTransactionStays();
    void errorPointsIntoTheEditor();
    void failedWriteLeavesNoTransactionBehind();

private:
    bool explainAndWait(const QString &text, const QString &caretAt, ExplainOptions options);
    QString scalar(const QString &sql);

    std::unique_ptr<ScratchDatabase> m_db;
    std::unique_ptr<SqlEditorTab> m_tab;
    QString m_plan;
    QString m_note;
    PgError m_error;
};

void TestExplainRun::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY2(!clusterConnInfo().isEmpty(), qPrintable(clusterMissingMessage()));
    m_db = std::make_unique<ScratchDatabase>(QStringLiteral("explainrun"));
    QVERIFY2(m_db->isValid(), qPrintable(m_db->error()));
    Connection setup;
    QVERIFY(openAndWait(setup, m_db->connInfo()).isNull());
    const Reply reply = tusk::test::runAndWait(setup,
        QStringLiteral("CREATE TABLE items (id int PRIMARY KEY, name text, note text);"
                       "INSERT INTO items SELECT g, 'item ' || g, CASE WHEN g % 3 = 0 THEN "
                       "NULL ELSE 'n' END FROM generate_series(1, 5000) g; ANALYZE items;"));
    QVERIFY2(reply.error.isNull(), qPrintable(reply.error.toString()));
}

void TestExplainRun::init()
{
    m_tab = std::make_unique<SqlEditorTab>();
    m_tab->resize(1100, 700);
    m_tab->setTarget(m_db->connInfo(), QStringLiteral("test"), false);
    m_tab->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_tab.get()));
    connect(m_tab.get(), &SqlEditorTab::explained, this,
        [this](const QString &plan, const QString &, const QString &note) {
            m_plan = plan;
            m_note = note;
        });
}

void TestExplainRun::cleanup()
{
    m_tab.reset();
}

bool TestExplainRun::explainAndWait(
    const QString &text, const QString &caretAt, ExplainOptions options)
{
    m_plan.clear();
    m_note.clear();
    m_tab->editor()->setText(text);
    m_tab->editor()->SendScintilla(
        QsciScintillaBase::SCI_GOTOPOS, long(text.toUtf8().indexOf(caretAt.toUtf8())));
    QSignalSpy finished(m_tab->queryRunner(), &QueryRunner::finished);
    if (!m_tab->explainStatement(options))
        return false;
    if (!finished.wait(30000))
        return false;
    m_error = finished.last().at(0).value<PgError>();
    return true;
}

QString TestExplainRun::scalar(const QString &sql)
{
    m_tab->editor()->setText(sql);
    m_tab->editor()->SendScintilla(QsciScintillaBase::SCI_GOTOPOS, 0);
    QSignalSpy finished(m_tab->queryRunner(), &QueryRunner::finished);
    if (!m_tab->runStatement() || !finished.wait(30000))
        return QStringLiteral("(no answer)");
    const QList<ResultGrid *> grids = m_tab->resultsPane()->grids();
    if (grids.isEmpty())
        return QStringLiteral("(no rows: %1)").arg(m_tab->resultsPane()->messagesText());
    return grids.first()->model()->text(0, 0);
}

void TestExplainRun::selectOpensItsPlan()
{
    ExplainOptions options;
    options.analyze = true;
    options.buffers = true;
    // Two statements; the caret picks the second.
    QVERIFY(explainAndWait(
        QStringLiteral("SELECT 1;\nSELECT count(*) FROM items WHERE note IS NULL;\n"),
        QStringLiteral("count"), options));
    QVERIFY2(m_error.isNull(), qPrintable(m_error.toString()));
    const PlanReader::Result read = PlanReader::read(m_plan);
    QVERIFY2(read.ok(), qPrintable(read.error.toString() + m_plan));
    QVERIFY(read.plan.analyzed());
    QCOMPARE(read.plan.root().nodeType, QStringLiteral("Aggregate"));
    QVERIFY(read.plan.nodes.last().relation == QStringLiteral("items"));
    QCOMPARE(read.plan.nodes.last().totalRows, 1666.0);
    QVERIFY(read.plan.nodes.last().hasBuffers);
    QVERIFY(m_note.isEmpty());

    // The Plan tool opens it as MainWindow does, with the note shown.
    PlanPage bench;
    bench.resize(1300, 800);
    bench.show();
    QVERIFY(QTest::qWaitForWindowExposed(&bench));
    PlanViewer *viewer = bench.openText(m_plan, QStringLiteral("Explain: SELECT count(*)"), m_note);
    QVERIFY(viewer);
    QVERIFY(viewer->summaryText().contains(QStringLiteral("Execution")));
    QTest::qWait(50);
    QVERIFY(saveArtifact(bench.grab().toImage(), QStringLiteral("plan-from-editor.png")));
}

void TestExplainRun::analyzeOfAnUpdateChangesNothing()
{
    ExplainOptions options;
    options.analyze = true;
    options.wal = true;
    QVERIFY(explainAndWait(QStringLiteral("UPDATE items SET name = 'changed' WHERE id <= 100;"),
        QStringLiteral("UPDATE"), options));
    QVERIFY2(m_error.isNull(), qPrintable(m_error.toString()));
    const PlanReader::Result read = PlanReader::read(m_plan);
    QVERIFY(read.ok());
    QCOMPARE(read.plan.root().nodeType, QStringLiteral("ModifyTable"));
    QCOMPARE(read.plan.root().operation, QStringLiteral("Update"));
    QVERIFY(read.plan.root().fields().contains(QStringLiteral("WAL Records")));
    QVERIFY2(m_note.contains(QStringLiteral("BEGIN … ROLLBACK")), qPrintable(m_note));
    QVERIFY(m_note.contains(QStringLiteral("UPDATE")));
    QCOMPARE(m_tab->queryRunner()->transaction(), QueryRunner::Transaction::Idle);
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM items WHERE name = 'changed'")),
        QStringLiteral("0"));
}

void TestExplainRun::insideAnOpenTransactionTheTransactionStays()
{
    scalar(QStringLiteral("BEGIN"));
    QCOMPARE(m_tab->queryRunner()->transaction(), QueryRunner::Transaction::InTransaction);
    scalar(QStringLiteral("INSERT INTO items VALUES (9001, 'mine', NULL)"));
    ExplainOptions options;
    options.analyze = true;
    QVERIFY(explainAndWait(
        QStringLiteral("DELETE FROM items WHERE id > 9000"), QStringLiteral("DELETE"), options));
    QVERIFY2(m_error.isNull(), qPrintable(m_error.toString()));
    QVERIFY(m_note.contains(QStringLiteral("savepoint")));
    QCOMPARE(PlanReader::read(m_plan).plan.root().actualRows, 0.0);
    // The user's transaction and its insert are still there.
    QCOMPARE(m_tab->queryRunner()->transaction(), QueryRunner::Transaction::InTransaction);
    QCOMPARE(
        scalar(QStringLiteral("SELECT count(*) FROM items WHERE id = 9001")), QStringLiteral("1"));
    scalar(QStringLiteral("ROLLBACK"));
    QCOMPARE(
        scalar(QStringLiteral("SELECT count(*) FROM items WHERE id = 9001")), QStringLiteral("0"));
}

void TestExplainRun::errorPointsIntoTheEditor()
{
    const QString text = QStringLiteral("SELECT 1;\nSELECT nosuchcolumn FROM items;\n");
    QVERIFY(explainAndWait(text, QStringLiteral("nosuch"), {}));
    QVERIFY(!m_error.isNull());
    QVERIFY(m_plan.isEmpty());
    QVERIFY2(m_tab->resultsPane()->messagesText().contains(QStringLiteral("at line 2")),
        qPrintable(m_tab->resultsPane()->messagesText()));
    const auto [from, to] = m_tab->editor()->runErrorRange();
    QCOMPARE(int(from), int(text.toUtf8().indexOf("nosuchcolumn")));
    QVERIFY(to > from);
}

void TestExplainRun::failedWriteLeavesNoTransactionBehind()
{
    ExplainOptions options;
    options.analyze = true;
    QSignalSpy state(m_tab->queryRunner(), &QueryRunner::transactionChanged);
    QVERIFY(explainAndWait(
        QStringLiteral("UPDATE items SET id = 1 WHERE id = 2"), QStringLiteral("UPDATE"), options));
    QCOMPARE(m_error.sqlState, QStringLiteral("23505")); // duplicate key
    QVERIFY(m_plan.isEmpty());
    // The ROLLBACK skipped by the error is sent on its own.
    QTRY_COMPARE_WITH_TIMEOUT(
        m_tab->queryRunner()->transaction(), QueryRunner::Transaction::Idle, 10000);
}

QTEST_MAIN(TestExplainRun)
#include "tst_explainrun.moc"
