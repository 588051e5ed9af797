// The Activity page on real sessions (LockScenario): A holds a row lock
// idle in transaction, B's ALTER TABLE queues for ACCESS EXCLUSIVE, C and
// D queue behind B. The grid shows them (the waiters highlighted), the
// tree A → B (hard) → C, D (soft), the queue with its badge; sorting,
// selection and the filter survive 100 refreshes, the model checked by
// QAbstractItemModelTester all along. A screenshot for people.

#include "lockscenario.h"
#include "testsupport.h"

#include "core/activity/activitycollector.h"
#include "core/workspace/workspace.h"
#include "widgets/activity/activitypage.h"
#include "widgets/activity/sessionfilterproxy.h"
#include "widgets/activity/sessiontablemodel.h"

#include <QAbstractItemModelTester>
#include <QBrush>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>
#include <QTreeWidget>

using namespace tusk::core;
using namespace tusk::test;
using namespace tusk::widgets;

class TestActivityPage : public QObject {
    Q_OBJECT
private slots:
    void showsTheQueueBehindDdl();
};

void TestActivityPage::showsTheQueueBehindDdl()
{
    QVERIFY2(!clusterConnInfo().isEmpty(), qPrintable(clusterMissingMessage()));
    ScratchDatabase db(QStringLiteral("activitypage"));
    QVERIFY2(db.isValid(), qPrintable(db.error()));
    LockScenario scenario(db.connInfo());
    QVERIFY2(scenario.createTable(), qPrintable(scenario.error()));
    const int a = scenario.hold(QStringLiteral("BEGIN; UPDATE shop.items SET v = 2 WHERE id = 1;"));
    const int b = scenario.queue(QStringLiteral("ALTER TABLE shop.items ADD COLUMN w int"));
    const int c = scenario.queue(QStringLiteral("SELECT count(*) FROM shop.items"));
    const int d = scenario.queue(QStringLiteral("SELECT max(v) FROM shop.items"));
    QVERIFY2(a && b && c && d, qPrintable(scenario.error()));

    Workspace workspace;
    workspace.setReads({});
    ActivityPage page;
    page.resize(1300, 760);
    QAbstractItemModelTester tester(
        page.proxy(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    page.attach(&workspace, nullptr);
    page.setThisDatabaseOnly(true); // other tests share the cluster
    QSignalSpy sampled(&page, &ActivityPage::sampled);
    // As the window does: the profile chosen first (no parameters yet),
    // then opened once its password is found.
    Profile profile;
    profile.name = QStringLiteral("staging");
    workspace.setTarget(WorkspaceTarget::forProfile(profile, {}, QString()));
    workspace.open(db.connInfo());
    QVERIFY(sampled.wait(10000));
    page.show();

    // The grid: A, B, C, D (idle sessions hidden), the waiters highlighted.
    SessionTableModel *model = page.model();
    for (int pid : {a, b, c, d})
        QVERIFY2(model->rowOf(pid) >= 0, qPrintable(QString::number(pid)));
    QVERIFY(model->index(model->rowOf(b), 0).data(Qt::BackgroundRole).value<QBrush>().style()
        != Qt::NoBrush);
    QCOMPARE(model->index(model->rowOf(a), 0).data(Qt::BackgroundRole), QVariant());

    // The tree: A on top, B hard under it, C and D soft under B.
    QTreeWidget *tree = page.tree();
    QCOMPARE(tree->topLevelItemCount(), 1);
    QTreeWidgetItem *top = tree->topLevelItem(0);
    QVERIFY2(top->text(0).startsWith(QStringLiteral("%1 idle in transaction — blocks 3").arg(a)),
        qPrintable(top->text(0)));
    QCOMPARE(top->childCount(), 1);
    QCOMPARE(top->child(0)->text(1), QStringLiteral("hard"));
    QCOMPARE(top->child(0)->data(0, Qt::UserRole).toInt(), b);
    QCOMPARE(top->child(0)->childCount(), 2);
    QCOMPARE(top->child(0)->child(0)->text(1), QStringLiteral("soft"));
    QCOMPARE(top->child(0)->child(0)->text(3).left(30),
        QStringLiteral("ACCESS SHARE on relation shop."));
    // The queue with its badge.
    QCOMPARE(page.queues()->topLevelItemCount(), 1);
    QCOMPARE(page.queues()->topLevelItem(0)->text(0),
        QStringLiteral("relation shop.items — 2 sessions queued behind ACCESS EXCLUSIVE"));
    QVERIFY(page.grab().save(artifactPath(QStringLiteral("activity-queue.png"))));
    QCOMPARE(page.progress()->topLevelItemCount(), 1); // none under way: it says so
    QVERIFY(page.progress()->topLevelItem(0)->text(0).startsWith(QLatin1String("No CREATE INDEX")));

    // Sorting by PID, C selected: both survive 100 refreshes (the model is
    // updated by differences, never reset).
    page.grid()->sortByColumn(SessionTableModel::Pid, Qt::AscendingOrder);
    const QModelIndex cSource = model->index(model->rowOf(c), 0);
    page.grid()->setCurrentIndex(page.proxy()->mapFromSource(cSource));
    QSignalSpy resets(page.proxy(), &QAbstractItemModel::modelReset);
    page.collector()->setIntervalMs(0);
    for (int i = 0; i < 100; ++i) {
        sampled.clear();
        page.collector()->sampleNow();
        QVERIFY(sampled.wait(5000));
    }
    QCOMPARE(resets.count(), 0);
    const QModelIndex current = page.proxy()->mapToSource(page.grid()->currentIndex());
    QCOMPARE(model->sessionAt(current.row())->pid, c);
    QCOMPARE(page.proxy()->sortColumn(), int(SessionTableModel::Pid));
    int last = 0;
    for (int row = 0; row < page.proxy()->rowCount(); ++row) {
        const int pid = page.proxy()->index(row, 0).data().toInt();
        QVERIFY(pid > last);
        last = pid;
    }
    // A filter keeps only what matches, in any column.
    page.proxy()->setText(QStringLiteral("ALTER TABLE"), false);
    QCOMPARE(page.proxy()->rowCount(), 1);
    QCOMPARE(page.proxy()->index(0, 0).data().toInt(), b);
    page.collector()->stop();
    scenario.release();
}

QTEST_MAIN(TestActivityPage)
#include "tst_activitypage.moc"
