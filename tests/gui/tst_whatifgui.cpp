// Try an index in the Plan tool against the throwaway cluster (HypoPG): a
// real EXPLAIN ANALYZE plan whose Seq Scan filters out 99.99 % of 100,000
// rows opens in the Plan tool; clicking Try an Index runs the what-if
// without blocking the window and opens the comparison, Seq Scan against
// Index Scan, with the CREATE INDEX CONCURRENTLY offered to the SQL tool.
// A pasted plan, without its statement, says the button needs the query.

#include "testsupport.h"

#include "core/pg/connection.h"
#include "core/plan/plan.h"
#include "core/plan/plancomparison.h"
#include "core/plan/planinsight.h"
#include "core/workspace/workspace.h"
#include "widgets/plan/plancomparisonmodel.h"
#include "widgets/plan/plancomparisonview.h"
#include "widgets/plan/planinsightslist.h"
#include "widgets/plan/planpage.h"
#include "widgets/plan/planviewer.h"
#include "widgets/plan/whatifview.h"
#include "widgets/shell/toolpage.h"

#include <QLineEdit>
#include <QPushButton>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QToolButton>

using namespace tusk::core;
using namespace tusk::test;
using namespace tusk::widgets;

namespace {
const QByteArray statement = "SELECT id, total FROM orders WHERE status = 'stuck'";

// The window's side of a hand-off, recorded: the SQL tool would open the
// text in a new tab.
class RecordingHost : public ToolHost {
public:
    void showMessage(const QString &) override { }
    bool handOff(const ToolHandoff &handoff) override
    {
        handoffs << handoff;
        return true;
    }
    bool canHandOff(const QString &kind) const override { return kind == QLatin1String("sql"); }
    void connectProfile(const Profile &) override { }
    ProfileRegistry *profileRegistry() const override { return nullptr; }
    QList<ToolHandoff> handoffs;
};
} // namespace

class TestWhatIfGui : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void tryAnIndexOpensTheComparison();
    void pastedPlanNeedsTheQuery();
    void explainedPlanCarriesItsStatement();
    void withoutHypopgTheButtonSaysHowToGetIt();

private:
    std::unique_ptr<ScratchDatabase> m_db;
    QString m_plan; // EXPLAIN (ANALYZE, FORMAT JSON) as the editor gets it
};

void TestWhatIfGui::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY2(!clusterConnInfo().isEmpty(), qPrintable(clusterMissingMessage()));
    m_db = std::make_unique<ScratchDatabase>(QStringLiteral("whatifgui"));
    QVERIFY2(m_db->isValid(), qPrintable(m_db->error()));
    Connection c;
    QVERIFY(openAndWait(c, m_db->connInfo()).isNull());
    Reply reply = runAndWait(c,
        QStringLiteral("CREATE TABLE orders (id int PRIMARY KEY, status text NOT NULL, total "
                       "numeric); INSERT INTO orders SELECT g, CASE WHEN g % 10000 = 0 THEN "
                       "'stuck' ELSE 'done' END, g FROM generate_series(1, 100000) g; "
                       "ANALYZE orders;"));
    QVERIFY2(reply.error.isNull(), qPrintable(reply.error.toString()));
    reply = runAndWait(c,
        QStringLiteral("EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ") + QString::fromUtf8(statement));
    QVERIFY2(reply.error.isNull(), qPrintable(reply.error.toString()));
    m_plan = reply.results.value(0).text(0, 0);
    QVERIFY(!m_plan.isEmpty());
}

void TestWhatIfGui::tryAnIndexOpensTheComparison()
{
    PlanPage page;
    RecordingHost host;
    page.resize(1500, 950);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    PlanViewer *viewer =
        page.openText(m_plan, QStringLiteral("Explain: SELECT id, total FROM orders…"));
    QVERIFY(viewer);
    viewer->setSource(statement, m_db->connInfo());
    viewer->setToolHost(&host);
    QToolButton *button = viewer->tryIndexButton();
    QVERIFY2(button->isEnabled(), qPrintable(button->toolTip()));
    // The link sits under the filter's insight, and only there.
    for (int i = 0; i < viewer->insights().size(); ++i)
        QCOMPARE(viewer->insightsList()->offersTryIndex(i),
            viewer->insights().at(i).kind == PlanInsight::Kind::FilterRemovesRows);
    QVERIFY(viewer->insightsList()->toPlainText().contains(QLatin1String("Try an index")));

    QTest::mouseClick(button, Qt::LeftButton);
    // Asynchronous: the click returns at once, the button says it is busy.
    QVERIFY(viewer->isTryingIndex());
    QVERIFY(!button->isEnabled());
    QTRY_VERIFY_WITH_TIMEOUT(viewer->whatIfView() != nullptr, 60000);
    WhatIfView *whatIf = viewer->whatIfView();
    QCOMPARE(viewer->tabs()->currentWidget(), whatIf);
    QVERIFY(viewer->tabs()
                ->tabText(viewer->tabs()->currentIndex())
                .contains(QLatin1String("orders (status)")));
    QVERIFY(button->isEnabled());
    QVERIFY2(whatIf->summaryText().contains(QLatin1String("the planner would use it")),
        qPrintable(whatIf->summaryText()));

    const PlanComparison *comparison = whatIf->comparison()->comparison();
    QVERIFY(comparison);
    bool seqToIndex = false;
    for (const PlanComparison::Pair &p : comparison->pairs())
        if (p.before >= 0 && p.after >= 0 && p.typeChanged
            && comparison->before().nodes.at(p.before).nodeType == QLatin1String("Seq Scan")
            && comparison->after().nodes.at(p.after).nodeType == QLatin1String("Index Scan"))
            seqToIndex = true;
    QVERIFY(seqToIndex);
    // Hypothetical plans have no timing: the deltas are costs, not a column
    // of zero milliseconds.
    QVERIFY(comparison->byCost());
    const QAbstractItemModel *deltas =
        whatIf->comparison()->findChild<QTableView *>(QStringLiteral("comparisonDeltas"))->model();
    QCOMPARE(deltas->headerData(PlanComparisonModel::TimeBefore, Qt::Horizontal).toString(),
        QStringLiteral("Cost before"));
    const QString rootCost = deltas->index(0, PlanComparisonModel::TimeBefore).data().toString();
    QVERIFY2(rootCost.toDouble() > 0, qPrintable(rootCost));
    QVERIFY2(whatIf->comparison()->summaryText().startsWith(QLatin1String("Estimated cost ")),
        qPrintable(whatIf->comparison()->summaryText()));

    // The suggestion goes to the SQL tool, for the user to review and run.
    QCOMPARE(whatIf->findChild<QLineEdit *>(QStringLiteral("whatIfSql"))->text(),
        QStringLiteral("CREATE INDEX CONCURRENTLY ON public.orders (status);"));
    QVERIFY(whatIf->openSqlButton()->isVisible());
    QTest::mouseClick(whatIf->openSqlButton(), Qt::LeftButton);
    QCOMPARE(host.handoffs.size(), 1);
    QCOMPARE(host.handoffs.front().kind, QStringLiteral("sql"));
    QCOMPARE(host.handoffs.front().text,
        QStringLiteral("CREATE INDEX CONCURRENTLY ON public.orders (status);"));

    QTest::qWait(200); // let the graphs settle before the picture
    QVERIFY(saveArtifact(page.grab().toImage(), QStringLiteral("plan-whatif-comparison.png")));
}

// A plan explained in the editor reaches the Plan tool as a hand-off with
// its statement; on the workspace's target, Try an index is ready at once.
void TestWhatIfGui::explainedPlanCarriesItsStatement()
{
    Workspace workspace;
    workspace.setReads({});
    workspace.setTarget(WorkspaceTarget::forConnection(m_db->connInfo(), QStringLiteral("target")));
    PlanPage page;
    RecordingHost host;
    page.attach(&workspace, &host);
    QVERIFY(page.receive({QStringLiteral("plan"), m_plan, QStringLiteral("Explain: SELECT …"),
        QString(), QString::fromUtf8(statement)}));
    PlanViewer *viewer = page.currentViewer();
    QVERIFY(viewer);
    QVERIFY(viewer->hasSource());
    QVERIFY2(
        viewer->tryIndexButton()->isEnabled(), qPrintable(viewer->tryIndexButton()->toolTip()));
}

void TestWhatIfGui::pastedPlanNeedsTheQuery()
{
    PlanPage page;
    page.resize(1200, 800);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    PlanViewer *viewer = page.openText(m_plan, QStringLiteral("Pasted 1"));
    QVERIFY(viewer);
    QVERIFY(!viewer->hasSource());
    QVERIFY(!viewer->tryIndexButton()->isEnabled());
    QVERIFY2(viewer->tryIndexButton()->toolTip().contains(QLatin1String("needs the query")),
        qPrintable(viewer->tryIndexButton()->toolTip()));
    QVERIFY(viewer->insightsList()->toPlainText().contains(QLatin1String("needs the query")));
    QVERIFY(!viewer->tryIndex());
    QVERIFY(!viewer->whatIfView());
    QVERIFY(saveArtifact(viewer->grab().toImage(), QStringLiteral("plan-whatif-pasted.png")));
}

void TestWhatIfGui::withoutHypopgTheButtonSaysHowToGetIt()
{
    // A database without the extension, explained by a role that may not
    // create it (hypopg is not trusted: only a superuser may).
    const QString role =
        QStringLiteral("tusk_guinohypo_%1").arg(QCoreApplication::applicationPid());
    Connection admin;
    QVERIFY(openAndWait(admin, clusterConnInfo()).isNull());
    runAndWait(admin, QStringLiteral("DROP ROLE IF EXISTS %1").arg(role));
    QVERIFY(runAndWait(admin, QStringLiteral("CREATE ROLE %1 LOGIN").arg(role)).error.isNull());
    {
        ScratchDatabase db(QStringLiteral("whatifguinohypo"));
        QVERIFY2(db.isValid(), qPrintable(db.error()));
        Connection owner;
        QVERIFY(openAndWait(owner, db.connInfo()).isNull());
        const Reply reply = runAndWait(owner,
            QStringLiteral("CREATE TABLE orders (id int PRIMARY KEY, status text NOT NULL, total "
                           "numeric); INSERT INTO orders SELECT g, 'done', g FROM "
                           "generate_series(1, 1000) g; GRANT SELECT ON orders TO %1;")
                .arg(role));
        QVERIFY2(reply.error.isNull(), qPrintable(reply.error.toString()));
        ConnInfo info = db.connInfo();
        info.setValue(QStringLiteral("user"), role);

        PlanPage page;
        page.resize(1200, 800);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        PlanViewer *viewer = page.openText(m_plan, QStringLiteral("Explain"));
        QVERIFY(viewer);
        viewer->setSource(statement, info);
        QVERIFY(viewer->tryIndex());
        QTRY_VERIFY_WITH_TIMEOUT(!viewer->isTryingIndex(), 60000);
        QVERIFY(!viewer->whatIfView());
        // Still enabled (install it, then try again), and saying how.
        QVERIFY(viewer->tryIndexButton()->isEnabled());
        QCOMPARE(viewer->tryIndexButton()->text(), QStringLiteral("Try an Index (needs HypoPG)"));
        const QString howTo =
            QStringLiteral("install Debian's postgresql-%1-hypopg, then CREATE EXTENSION hypopg")
                .arg(owner.server().majorVersion());
        QVERIFY2(viewer->tryIndexButton()->toolTip().contains(howTo),
            qPrintable(viewer->tryIndexButton()->toolTip()));
        QVERIFY(viewer->insightsList()->toPlainText().contains(howTo));
        QVERIFY(viewer->grab().toImage().save(
            artifactPath(QStringLiteral("plan-whatif-no-hypopg.png"))));
    }
    runAndWait(admin, QStringLiteral("DROP ROLE IF EXISTS %1").arg(role));
}

QTEST_MAIN(TestWhatIfGui)
#include "tst_whatifgui.moc"
