// The main window, offscreen: tools, switching, the connection as shown, and
// a screenshot in the build tree for people to look at.

#include "testsupport.h"

#include "widgets/shell/connectionsummary.h"
#include "widgets/shell/mainwindow.h"

#include <QAction>
#include <QApplication>
#include <QImage>
#include <QLabel>
#include <QMenu>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>
#include <QToolBar>

using tusk::widgets::MainWindow;

class TestMainWindow : public QObject {
    Q_OBJECT
private slots:
    void hasEveryTool();
    void switchesToolsByKeyboardAndRail();
    void showsTheConnection();
    void showsAFailedConnection();

private:
    static int distinctColours(const QImage &image);
};

int TestMainWindow::distinctColours(const QImage &image)
{
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); y += 4) {
        for (int x = 0; x < image.width(); x += 4)
            colours.insert(image.pixel(x, y));
    }
    return int(colours.size());
}

void TestMainWindow::hasEveryTool()
{
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto *rail = window.findChild<QToolBar *>(QStringLiteral("toolRail"));
    QVERIFY(rail);
    QCOMPARE(window.toolBarArea(rail), Qt::LeftToolBarArea);
    QStringList titles;
    for (QAction *action : rail->actions())
        titles << action->text();
    QCOMPARE(titles,
        (QStringList {QStringLiteral("Profiles"), QStringLiteral("Schema"), QStringLiteral("SQL"),
            QStringLiteral("Plan"), QStringLiteral("Activity"), QStringLiteral("Rollout")}));
    for (QAction *action : rail->actions())
        QVERIFY2(!action->icon().isNull(), qPrintable(action->text()));
    QCOMPARE(window.windowTitle(), QStringLiteral("Tusk"));
    QVERIFY(window.statusText().contains(QLatin1String("Not connected")));
}

void TestMainWindow::switchesToolsByKeyboardAndRail()
{
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(QTest::qWaitForWindowActive(&window)); // shortcuts need an active window
    QSignalSpy changed(&window, &MainWindow::toolChanged);
    QCOMPARE(window.currentTool(), MainWindow::Tool::Profiles);
    // The menu of the shown tool's own actions: none for Profiles.
    auto *toolMenu = window.findChild<QMenu *>(QStringLiteral("toolMenu"));
    QVERIFY(toolMenu);
    QVERIFY(!toolMenu->menuAction()->isVisible());

    QTest::keyClick(&window, Qt::Key_4, Qt::ControlModifier);
    QCOMPARE(window.currentTool(), MainWindow::Tool::Plan);
    QVERIFY(window.toolPage(MainWindow::Tool::Plan)->isVisible());
    QVERIFY(!window.toolPage(MainWindow::Tool::Profiles)->isVisible());
    // The Plan tool opens on its empty state, saying how to bring a plan.
    auto *empty =
        window.toolPage(MainWindow::Tool::Plan)->findChild<QLabel *>(QStringLiteral("planEmpty"));
    QVERIFY(empty && empty->isVisible());
    QVERIFY(empty->text().contains(QStringLiteral("Explain")));
    QCOMPARE(toolMenu->title(), QStringLiteral("Plan"));
    QVERIFY(toolMenu->menuAction()->isVisible());
    QStringList planActions;
    for (const QAction *action : toolMenu->actions())
        planActions << action->text();
    QVERIFY2(planActions.contains(QStringLiteral("Paste…")), qPrintable(planActions.join(u',')));

    auto *rail = window.findChild<QToolBar *>(QStringLiteral("toolRail"));
    QWidget *activityButton = rail->widgetForAction(rail->actions().at(4));
    QVERIFY(activityButton);
    QTest::mouseClick(activityButton, Qt::LeftButton);
    QCOMPARE(window.currentTool(), MainWindow::Tool::Activity);
    QVERIFY(rail->actions().at(4)->isChecked());
    QVERIFY(!rail->actions().at(3)->isChecked());
    QCOMPARE(changed.size(), 2);
    QCOMPARE(changed.last().first().value<MainWindow::Tool>(), MainWindow::Tool::Activity);
    // The Activity tool shows its session grid (no target here: empty).
    auto *grid = window.toolPage(MainWindow::Tool::Activity)
                     ->findChild<QTableView *>(QStringLiteral("activityGrid"));
    QVERIFY(grid && grid->isVisible());

    const QImage shot = window.grab().toImage();
    QVERIFY(tusk::test::saveArtifact(shot, QStringLiteral("mainwindow-activity.png")));
}

void TestMainWindow::showsTheConnection()
{
    const auto info = tusk::test::clusterConnInfo();
    QVERIFY2(!info.isEmpty(), qPrintable(tusk::test::clusterMissingMessage()));
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.openConnection(info, QStringLiteral("test cluster"));
    QTRY_VERIFY_WITH_TIMEOUT(window.statusText().contains(QLatin1String("PostgreSQL 15")), 10000);
    QVERIFY2(window.statusText().startsWith(QStringLiteral("postgres · postgres@test cluster")),
        qPrintable(window.statusText()));
    QCOMPARE(window.windowTitle(), QStringLiteral("postgres on test cluster — Tusk"));

    auto *summary = window.toolPage(MainWindow::Tool::Profiles)
                        ->findChild<tusk::widgets::ConnectionSummary *>();
    QVERIFY(summary);
    QCOMPARE(summary->field(QStringLiteral("Database")), QStringLiteral("postgres"));
    QVERIFY(summary->field(QStringLiteral("Version")).startsWith(QLatin1String("PostgreSQL 15.")));
    QCOMPARE(summary->field(QStringLiteral("User")), QStringLiteral("postgres (superuser)"));
    QCOMPARE(summary->field(QStringLiteral("Encoding")), QStringLiteral("UTF8"));
    QVERIFY(summary->field(QStringLiteral("Preloaded libraries"))
                .contains(QLatin1String("pg_stat_statements")));

    const QImage shot = window.grab().toImage();
    const QString path = tusk::test::artifactPath(QStringLiteral("mainwindow-connected.png"));
    QVERIFY(shot.save(path));
    QVERIFY(shot.width() >= 800 && shot.height() >= 500);
    // A real picture, not a blank surface.
    QVERIFY2(distinctColours(shot) > 8, qPrintable(QString::number(distinctColours(shot))));
    qInfo("screenshot: %s", qPrintable(path));
}

void TestMainWindow::showsAFailedConnection()
{
    tusk::core::ConnInfo nowhere;
    nowhere.setValue(QStringLiteral("host"), QStringLiteral("127.0.0.1"));
    nowhere.setValue(QStringLiteral("port"), QStringLiteral("1"));
    nowhere.setValue(QStringLiteral("dbname"), QStringLiteral("x"));
    MainWindow window;
    window.show();
    window.openConnection(nowhere, QStringLiteral("broken"));
    QTRY_VERIFY_WITH_TIMEOUT(
        window.statusText().startsWith(QLatin1String("Not connected to broken")), 10000);
    QVERIFY(window.statusText().contains(QLatin1String("Connection refused")));
    QCOMPARE(window.windowTitle(), QStringLiteral("Tusk"));
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
