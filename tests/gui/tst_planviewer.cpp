// The Plan tool, offscreen: a fixture plan drawn with its heat colours, the
// grid, statistics and details agreeing with the metrics, insights leading
// to their node, errors with line and column that lose nothing, paste,
// drop, export, comparison of two plans of one query, and a 10,000-node
// plan shown without hanging. Screenshots land in the test artifacts.

#include "generatedplan.h"
#include "testsupport.h"

#include "widgets/plan/plancomparisonmodel.h"
#include "widgets/plan/plancomparisonview.h"
#include "widgets/plan/plandetailsview.h"
#include "widgets/plan/plangraphview.h"
#include "widgets/plan/planheat.h"
#include "widgets/plan/planinsightslist.h"
#include "widgets/plan/plannodeitem.h"
#include "widgets/plan/plannodesmodel.h"
#include "widgets/plan/planpage.h"
#include "widgets/plan/planpastedialog.h"
#include "widgets/plan/planscene.h"
#include "widgets/plan/planstatsview.h"
#include "widgets/plan/planviewer.h"

#include "core/plan/plan.h"
#include "core/plan/plancomparison.h"

#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QSignalSpy>
#include <QSvgRenderer>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTreeWidget>
#include <QTreeWidgetItemIterator>
#include <QUrl>

using namespace tusk::test;
using namespace tusk::widgets;

namespace {

QString fixture(const QString &name)
{
    return QStringLiteral(TUSK_PLAN_DATA "/") + name;
}

// How many pixels of `image` are within a few steps of `color`.
int pixelsNear(const QImage &image, const QColor &color)
{
    int count = 0;
    const QImage rgb = image.convertToFormat(QImage::Format_RGB32);
    for (int y = 0; y < rgb.height(); ++y) {
        const auto *line = reinterpret_cast<const QRgb *>(rgb.constScanLine(y));
        for (int x = 0; x < rgb.width(); ++x)
            if (std::abs(qRed(line[x]) - color.red()) <= 3
                && std::abs(qGreen(line[x]) - color.green()) <= 3
                && std::abs(qBlue(line[x]) - color.blue()) <= 3)
                ++count;
    }
    return count;
}

} // namespace

class TestPlanViewer : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void showsTheSlowQueryWithHeatAndBadges();
    void gridSortsByOwnTime();
    void insightsLeadToTheirNode();
    void statisticsSumPerTable();
    void searchFindsAndSteps();
    void brokenPlanKeepsTabsAndSaysWhere();
    void pasteDialogKeepsTextAndPointsAtTheError();
    void droppedFileOpens();
    void exportsPngAndSvg();
    void comparesTwoPlansOfOneQuery();
    void tenThousandNodesStayUsable();
    void keyboardWalksTheGraph();

private:
    std::unique_ptr<PlanPage> m_bench;
    // Made before the test functions: the stall watchdog measures the
    // window, not the 33 MB the test writes.
    QString m_tenThousandNodes;
};

void TestPlanViewer::initTestCase()
{
    m_tenThousandNodes = QString::fromUtf8(generatedPlanJson(10000));
}

void TestPlanViewer::init()
{
    m_bench = std::make_unique<PlanPage>();
    m_bench->resize(1400, 860);
    m_bench->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_bench.get()));
}

void TestPlanViewer::cleanup()
{
    m_bench.reset();
}

void TestPlanViewer::showsTheSlowQueryWithHeatAndBadges()
{
    PlanViewer *viewer = m_bench->openFile(fixture(QStringLiteral("slow_report.txt")));
    QVERIFY2(viewer, qPrintable(m_bench->errorText()));
    QCOMPARE(m_bench->tabs()->count(), 1);
    QCOMPARE(m_bench->tabs()->tabText(0), QStringLiteral("slow_report.txt"));
    QVERIFY(viewer->summaryText().contains(QStringLiteral("Execution 138 ms")));
    QVERIFY(viewer->summaryText().contains(QStringLiteral("11 node(s)")));
    QCOMPARE(viewer->scene()->plan()->nodes.size(), 11);
    QVERIFY(viewer->scene()->itemFor(10));
    QVERIFY(viewer->insightsList()->count() >= 4);
    viewer->tabs()->setCurrentIndex(PlanViewer::RawTab); // laid out when first shown
    QCOMPARE(viewer->rawView()->toPlainText(), QString::fromUtf8(viewer->plan()->source));
    viewer->tabs()->setCurrentIndex(PlanViewer::GraphTab);
    QTest::qWait(50);

    // The card of the hottest node (#5, 36.3 % of the time) is painted in
    // its heat colour, and the graph fits the view.
    const QImage shot = viewer->grab().toImage();
    QVERIFY(saveArtifact(shot, QStringLiteral("plan-viewer-slow-report.png")));
    const QImage graph = viewer->graphView()->viewport()->grab().toImage();
    const QColor hottest = PlanHeat::forShare(viewer->plan()->nodes.at(5).exclusivePercent);
    QVERIFY2(pixelsNear(graph, hottest) > 500,
        qPrintable(
            QStringLiteral("%1 pixels of %2").arg(pixelsNear(graph, hottest)).arg(hottest.name())));
    const QRectF all =
        viewer->graphView()->mapFromScene(viewer->scene()->layout().bounds).boundingRect();
    QVERIFY(viewer->graphView()->viewport()->rect().adjusted(-2, -2, 2, 2).contains(all.toRect()));
    // The misestimate badge (22× at the orders scan) has its colour.
    QVERIFY(pixelsNear(graph, PlanHeat::misestimate(viewer->plan()->nodes.at(8).misestimate)) > 20);
}

void TestPlanViewer::gridSortsByOwnTime()
{
    PlanViewer *viewer = m_bench->openFile(fixture(QStringLiteral("slow_report.txt.json")));
    QVERIFY(viewer);
    viewer->tabs()->setCurrentIndex(PlanViewer::GridTab);
    QTableView *grid = viewer->grid();
    QCOMPARE(grid->model()->rowCount(), 11);
    grid->sortByColumn(PlanNodesModel::SelfTime, Qt::DescendingOrder);
    const auto idAt = [grid](int row) {
        return grid->model()->index(row, 0).data(PlanNodesModel::NodeIdRole).toInt();
    };
    QCOMPARE(idAt(0), 5); // Parallel Hash Join, 49.9 ms
    QCOMPARE(idAt(1), 6); // Parallel Seq Scan on order_items, 42.5 ms
    QCOMPARE(grid->model()->index(0, PlanNodesModel::SelfTime).data().toString(),
        QStringLiteral("49.9 ms"));
    QCOMPARE(grid->model()->index(0, PlanNodesModel::SelfPercent).data().toString(),
        QString::number(viewer->plan()->nodes.at(5).exclusivePercent, 'f', 1));
    // Clicking a row selects the node everywhere.
    grid->setCurrentIndex(grid->model()->index(1, 0));
    QCOMPARE(viewer->selectedNode(), 6);
    QCOMPARE(viewer->details()->node(), 6);
    QVERIFY(viewer->details()->valueOf(QStringLiteral("Rows")).contains(QStringLiteral("× 3")));
    QTest::qWait(50);
    QVERIFY(saveArtifact(viewer->grab().toImage(), QStringLiteral("plan-viewer-grid.png")));
}

void TestPlanViewer::insightsLeadToTheirNode()
{
    PlanViewer *viewer = m_bench->openFile(fixture(QStringLiteral("slow_report.yaml")));
    QVERIFY(viewer);
    int misestimate = -1;
    for (int i = 0; i < viewer->insights().size(); ++i)
        if (viewer->insights().at(i).kind == tusk::core::PlanInsight::Kind::Misestimate)
            misestimate = i;
    QVERIFY(misestimate >= 0);
    viewer->insightsList()->activate(misestimate);
    QCOMPARE(viewer->selectedNode(), 8);
    QVERIFY(viewer->details()
                ->valueOf(QStringLiteral("Misestimate"))
                .startsWith(QStringLiteral("21.")));
    QVERIFY(
        viewer->details()->valueOf(QStringLiteral("Filter")).contains(QStringLiteral("shipped")));
    // Long values wrap instead of ending in "…": the filter's row is taller.
    QApplication::processEvents();
    const auto rowHeight = [viewer](const QString &name) {
        for (QTreeWidgetItemIterator it(viewer->details()); *it; ++it)
            if ((*it)->text(0) == name)
                return viewer->details()->visualItemRect(*it).height();
        return -1;
    };
    const int oneLine = rowHeight(QStringLiteral("Total time"));
    QVERIFY2(oneLine > 0 && rowHeight(QStringLiteral("Filter")) >= 2 * oneLine,
        qPrintable(
            QStringLiteral("%1 vs %2").arg(rowHeight(QStringLiteral("Filter"))).arg(oneLine)));
    // The graph scrolled to it at a readable zoom.
    const QPointF center = viewer->scene()->layout().cards.at(8).center();
    QVERIFY(viewer->graphView()->viewport()->rect().contains(
        viewer->graphView()->mapFromScene(center)));
    QVERIFY(viewer->graphView()->zoom() >= 0.5);
}

void TestPlanViewer::statisticsSumPerTable()
{
    PlanViewer *viewer = m_bench->openFile(fixture(QStringLiteral("cte_two_scans.xml")));
    QVERIFY(viewer);
    PlanStatsView *stats = viewer->statsView();
    QCOMPARE(stats->topLevelItemCount(), 3);
    QVERIFY(stats->topLevelItem(0)->text(0).startsWith(QStringLiteral("Tables")));
    double sum = 0;
    for (const tusk::core::PlanNode &node : viewer->plan()->nodes)
        sum += node.exclusiveMs;
    double types = 0;
    QTreeWidgetItem *nodeTypes = stats->topLevelItem(2);
    for (int i = 0; i < nodeTypes->childCount(); ++i)
        types += nodeTypes->child(i)->data(2, Qt::UserRole).toDouble();
    QVERIFY2(
        std::abs(types - sum) < 1e-6, qPrintable(QStringLiteral("%1 vs %2").arg(types).arg(sum)));
}

void TestPlanViewer::searchFindsAndSteps()
{
    PlanViewer *viewer = m_bench->openFile(fixture(QStringLiteral("slow_report.txt")));
    QVERIFY(viewer);
    auto *search = viewer->findChild<QLineEdit *>(QStringLiteral("planSearch"));
    QVERIFY(search);
    search->setText(QStringLiteral("seq scan"));
    QTest::keyClick(search, Qt::Key_Return);
    QCOMPARE(viewer->selectedNode(), 6);
    QTest::keyClick(search, Qt::Key_Return);
    QCOMPARE(viewer->selectedNode(), 8);
    // Conditions are found in the node's packed fields, whatever the case.
    search->setText(QStringLiteral("I.ORDER_ID = o.id"));
    QTest::keyClick(search, Qt::Key_Return);
    QCOMPARE(viewer->selectedNode(), 5);
    search->setText(QStringLiteral("Hash Cond")); // a key's name is not a match
    QTest::keyClick(search, Qt::Key_Return);
    QCOMPARE(viewer->selectedNode(), 5);
    const QList<QLabel *> count = search->parentWidget()->findChildren<QLabel *>();
    QVERIFY(std::any_of(count.begin(), count.end(),
        [](const QLabel *l) { return l->text() == QStringLiteral(" no match"); }));
}

void TestPlanViewer::brokenPlanKeepsTabsAndSaysWhere()
{
    QVERIFY(m_bench->openFile(fixture(QStringLiteral("slow_report.txt"))));
    const QString broken = QStringLiteral(
        "Sort  (cost=1.00..2.00 rows=10 width=4)\n  ->  Seq Scan on t  (cost=0.00..1.");
    QVERIFY(!m_bench->openText(broken, QStringLiteral("broken")));
    QCOMPARE(m_bench->tabs()->count(), 1);
    QVERIFY2(m_bench->errorText().contains(QStringLiteral("line 2, column")),
        qPrintable(m_bench->errorText()));
    QVERIFY(!m_bench->openFile(QStringLiteral("/nonexistent/plan.json")));
    QVERIFY(m_bench->errorText().contains(QStringLiteral("/nonexistent/plan.json")));
    QCOMPARE(m_bench->tabs()->count(), 1);
    // A good plan clears the message.
    QVERIFY(m_bench->openFile(fixture(QStringLiteral("join_aggregate.json"))));
    QVERIFY(m_bench->errorText().isEmpty());
}

void TestPlanViewer::pasteDialogKeepsTextAndPointsAtTheError()
{
    PlanPasteDialog dialog;
    const QString broken =
        QStringLiteral("[\n  {\n    \"Plan\": {\n      \"Node Type\": \"Seq Scan\",\n"
                       "      \"Total Cost\": 1.5,,\n");
    dialog.setText(broken);
    dialog.show();
    dialog.accept();
    QVERIFY(dialog.isVisible());
    QCOMPARE(dialog.editor()->toPlainText(), broken);
    QVERIFY2(dialog.errorText().contains(QStringLiteral("line 5")), qPrintable(dialog.errorText()));
    QCOMPARE(dialog.editor()->textCursor().blockNumber(), 4);
    const QString good =
        QString::fromUtf8(readFile(fixture(QStringLiteral("join_aggregate.json"))));
    dialog.setText(good);
    dialog.accept();
    QVERIFY(!dialog.isVisible());
    QCOMPARE(dialog.results().size(), 1);
    QCOMPARE(dialog.results().front().plan.format, tusk::core::PlanFormat::Json);
    QVERIFY(!dialog.results().front().plan.isEmpty());
    // Two plans of which only the second reads: accepted, both offered.
    dialog.show();
    dialog.setText(QStringLiteral("Seq Scan on t  (cost=1..\n\n") + good);
    dialog.accept();
    QVERIFY2(!dialog.isVisible(), qPrintable(dialog.errorText()));
    QCOMPARE(dialog.results().size(), 2);
    QVERIFY(!dialog.results().at(0).ok());
    QVERIFY(dialog.results().at(1).ok());
}

void TestPlanViewer::droppedFileOpens()
{
    QMimeData data;
    data.setUrls({QUrl::fromLocalFile(fixture(QStringLiteral("lossy_bitmap.yaml")))});
    QVERIFY(m_bench->openMimeData(&data));
    QVERIFY2(m_bench->tabs()->count() == 1, qPrintable(m_bench->errorText()));
    QVERIFY(m_bench->currentViewer());
    QCOMPARE(m_bench->currentViewer()->plan()->format, tusk::core::PlanFormat::Yaml);
    QMimeData text;
    text.setText(QString::fromUtf8(readFile(fixture(QStringLiteral("spills.txt")))));
    QVERIFY(m_bench->openMimeData(&text));
    QCOMPARE(m_bench->tabs()->count(), 2);
    QCOMPARE(m_bench->currentViewer()->plan()->format, tusk::core::PlanFormat::Text);
}

void TestPlanViewer::exportsPngAndSvg()
{
    PlanViewer *viewer = m_bench->openFile(fixture(QStringLiteral("initplan_subplan.json")));
    QVERIFY(viewer);
    QTemporaryDir dir;
    QString error;
    QVERIFY2(viewer->exportTo(dir.filePath(QStringLiteral("p.png")), &error), qPrintable(error));
    const QImage png(dir.filePath(QStringLiteral("p.png")));
    QVERIFY(png.width() > 200 && png.height() > 200);
    QVERIFY2(viewer->exportTo(dir.filePath(QStringLiteral("p.svg")), &error), qPrintable(error));
    QSvgRenderer svg(dir.filePath(QStringLiteral("p.svg")));
    QVERIFY(svg.isValid());
    QVERIFY(!viewer->exportTo(QStringLiteral("/proc/tusk-cannot-write.png"), &error));
    QVERIFY(error.contains(QStringLiteral("/proc/tusk-cannot-write.png")));
}

void TestPlanViewer::comparesTwoPlansOfOneQuery()
{
    QVERIFY(m_bench->openFile(fixture(QStringLiteral("compare_before.json"))));
    QVERIFY(m_bench->openFile(fixture(QStringLiteral("compare_after.txt"))));
    PlanComparisonView *view = m_bench->compare(0, 1);
    QVERIFY(view);
    QCOMPARE(m_bench->tabs()->count(), 3);
    QVERIFY2(
        view->summaryText().contains(QStringLiteral("1 changed")), qPrintable(view->summaryText()));
    QVERIFY2(view->summaryText().contains(QStringLiteral("34.8 ms → ")),
        qPrintable(view->summaryText()));
    QCOMPARE(view->deltas()->model()->rowCount(), 5);
    // The scan that became an index-only scan is outlined on both sides.
    QCOMPARE(view->comparison()->pairOfBefore(2), view->comparison()->pairOfAfter(2));
    QTest::qWait(50);
    const QImage before = view->findChild<PlanGraphView *>(QStringLiteral("beforeGraph"))
                              ->viewport()
                              ->grab()
                              .toImage();
    QVERIFY(pixelsNear(before, PlanComparisonView::changedColor()) > 50);
    // Selecting on one side selects the counterpart on the other.
    view->beforeScene()->selectNode(2);
    QCOMPARE(view->afterScene()->selectedNode(), 2);
    QCOMPARE(view->deltas()->currentIndex().data(PlanComparisonModel::PairRole).toInt(),
        view->comparison()->pairOfBefore(2));
    QVERIFY(saveArtifact(view->grab().toImage(), QStringLiteral("plan-comparison.png")));
}

void TestPlanViewer::tenThousandNodesStayUsable()
{
    const QString &json = m_tenThousandNodes;
    // 33 MB: read on a worker, the page says so meanwhile, and the grid,
    // statistics and insights fill over the following turns of the loop.
    QSignalSpy opened(m_bench.get(), &PlanPage::readFinished);
    QVERIFY(!m_bench->openText(json, QStringLiteral("generated")));
    QVERIFY(m_bench->isReading());
    const auto *reading = m_bench->findChild<QLabel *>(QStringLiteral("planReading"));
    QVERIFY(reading && reading->isVisible());
    QCOMPARE(reading->text(), QStringLiteral("Reading generated…"));
    QVERIFY(opened.wait(30000));
    auto *viewer = opened.at(0).at(0).value<PlanViewer *>();
    QVERIFY(viewer);
    QVERIFY(!m_bench->isReading());
    QVERIFY(reading->isHidden());
    QCOMPARE(m_bench->currentViewer(), viewer);
    QCOMPARE(viewer->plan()->nodes.size(), 10000);
    QTRY_COMPARE(viewer->grid()->model()->rowCount(), 10000);
    QTRY_VERIFY(viewer->statsView()->topLevelItemCount() == 3);
    QTRY_VERIFY(viewer->insightsList()->count() > 0);
    QTest::qWait(50);
    // Zoomed out the cards are plain blocks; the view paints and pans.
    viewer->graphView()->setZoom(0.05);
    viewer->graphView()->horizontalScrollBar()->setValue(
        viewer->graphView()->horizontalScrollBar()->maximum() / 2);
    const QImage shot = viewer->grab().toImage();
    QVERIFY(saveArtifact(shot, QStringLiteral("plan-viewer-10000-nodes.png")));
    viewer->selectNode(9999);
    QCOMPARE(viewer->details()->node(), 9999);
}

void TestPlanViewer::keyboardWalksTheGraph()
{
    // GroupAggregate → Nested Loop → (customers scan, orders scan).
    PlanViewer *viewer = m_bench->openFile(fixture(QStringLiteral("join_aggregate.txt")));
    QVERIFY(viewer);
    PlanGraphView *graph = viewer->graphView();
    graph->setFocus();
    QTRY_VERIFY(graph->hasFocus());
    PlanScene *scene = graph->planScene();
    const auto press = [graph](Qt::Key key) { QTest::keyClick(graph, key); };
    press(Qt::Key_Home);
    QCOMPARE(scene->selectedNode(), 0);
    QVERIFY2(graph->accessibleDescription().startsWith(QLatin1String("GroupAggregate")),
        qPrintable(graph->accessibleDescription()));
    press(Qt::Key_Down);
    QCOMPARE(scene->selectedNode(), 1);
    press(Qt::Key_Down);
    QCOMPARE(scene->selectedNode(), 2);
    QVERIFY2(graph->accessibleDescription().contains(QLatin1String("customers_pkey")),
        qPrintable(graph->accessibleDescription()));
    press(Qt::Key_Right);
    QCOMPARE(scene->selectedNode(), 3);
    press(Qt::Key_Right); // no sibling further: stays
    QCOMPARE(scene->selectedNode(), 3);
    press(Qt::Key_Left);
    QCOMPARE(scene->selectedNode(), 2);
    press(Qt::Key_Up);
    QCOMPARE(scene->selectedNode(), 1);
    // Space folds the Nested Loop; Down opens it again on the way in.
    press(Qt::Key_Space);
    QVERIFY(scene->isCollapsed(1));
    press(Qt::Key_Down);
    QVERIFY(!scene->isCollapsed(1));
    QCOMPARE(scene->selectedNode(), 2);
    // Enter: the details of that node take the keyboard.
    press(Qt::Key_Return);
    QCOMPARE(viewer->details()->node(), 2);
    QTRY_VERIFY(viewer->details()->hasFocus());
}

QTEST_MAIN(TestPlanViewer)
#include "tst_planviewer.moc"
