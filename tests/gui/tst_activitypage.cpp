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

#include "core/activity/activityrecording.h"
#include "widgets/activity/activitycharts.h"
#include "widgets/activity/activitytimeline.h"
#include "widgets/activity/serverstatsview.h"
#include "widgets/activity/sessionactionpanel.h"
#include "widgets/activity/sessionactionsbar.h"

#include <QAbstractItemModelTester>
#include <QBrush>
#include <QChart>
#include <QDBusConnection>
#include <QLabel>
#include <QLineSeries>
#include <QProcess>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QTreeWidget>

using namespace tusk::core;
using namespace tusk::test;
using namespace tusk::widgets;

class TestActivityPage : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void showsTheQueueBehindDdl();
    void terminatesWhatItsCardSays();
};

// Stands in for the desktop's notification service on the test's own
// session bus (the test runs under dbus-run-session): what Tusk sends over
// D-Bus arrives here as it would at a desktop's.
class NotificationService : public QObject {
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.freedesktop.Notifications")
public:
    QStringList received;
public slots:
    uint Notify(const QString &, uint, const QString &, const QString &summary, const QString &body,
        const QStringList &, const QVariantMap &, int)
    {
        received << summary + QStringLiteral(": ") + body;
        return uint(received.size());
    }
};

void TestActivityPage::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true); // thresholds live in QSettings
    QSettings().clear();
}

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
    QVERIFY(saveArtifact(page.grab(), QStringLiteral("activity-queue.png")));
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

// A is another program's session (psql, idle in transaction); B queues
// its ALTER behind it, C behind B. Terminating A from the grid: the card
// says what A is and that it would release both; B, a session of this very
// process, is left alone. After the action A is gone, the audit log says
// so, and B's ALTER went through. Meanwhile the chain passed the alert
// threshold: one desktop notification, not one per second.
void TestActivityPage::terminatesWhatItsCardSays()
{
    QVERIFY2(!clusterConnInfo().isEmpty(), qPrintable(clusterMissingMessage()));
    QDBusConnection bus = QDBusConnection::sessionBus();
    QVERIFY2(bus.isConnected(), "the test runs under dbus-run-session");
    NotificationService service;
    QVERIFY(bus.registerObject(QStringLiteral("/org/freedesktop/Notifications"), &service,
        QDBusConnection::ExportAllSlots));
    QVERIFY(bus.registerService(QStringLiteral("org.freedesktop.Notifications")));
    QTemporaryDir state;
    qputenv("XDG_STATE_HOME", state.path().toUtf8());

    ScratchDatabase db(QStringLiteral("activityactions"));
    QVERIFY2(db.isValid(), qPrintable(db.error()));
    LockScenario scenario(db.connInfo());
    QVERIFY2(scenario.createTable(), qPrintable(scenario.error()));
    QProcess psql;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    const ConnInfo info = db.connInfo();
    env.insert(QStringLiteral("PGHOST"), info.host());
    env.insert(QStringLiteral("PGPORT"), info.port());
    env.insert(QStringLiteral("PGDATABASE"), info.database());
    env.insert(QStringLiteral("PGUSER"), info.user());
    env.insert(QStringLiteral("PGAPPNAME"), QStringLiteral("other program"));
    psql.setProcessEnvironment(env);
    psql.start(QStringLiteral("psql"), {QStringLiteral("-X"), QStringLiteral("-q")});
    QVERIFY2(psql.waitForStarted(), qPrintable(psql.errorString()));
    psql.write("BEGIN; UPDATE shop.items SET v = 3 WHERE id = 1;\n");

    Workspace workspace;
    workspace.setReads({});
    ActivityPage page;
    page.resize(1300, 760);
    ActivityThresholds thresholds;
    thresholds.blockedAlertMs = 1000;
    page.setThresholds(thresholds);
    page.attach(&workspace, nullptr);
    page.setThisDatabaseOnly(true);
    QSignalSpy sampled(&page, &ActivityPage::sampled);
    QSignalSpy alerted(&page, &ActivityPage::alerted);
    workspace.setTarget(WorkspaceTarget::forConnection(info, QStringLiteral("test")));
    workspace.open(info);
    QVERIFY(sampled.wait(10000));
    page.show();
    // Everything from here on is also recorded to a file.
    QTemporaryDir recordings;
    const QString recordingPath = recordings.filePath(QStringLiteral("incident.tuskactivity"));
    emit page.timeline()->recordTo(recordingPath);
    QVERIFY(page.recording() && page.recording()->isRecording());
    SessionTableModel *model = page.model();
    int a = 0;
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            for (int row = 0; row < model->rowCount(); ++row) {
                const ActivitySession *s = model->sessionAt(row);
                if (s->application == QLatin1String("other program")
                    && s->state == QLatin1String("idle in transaction"))
                    a = s->pid;
            }
            return a != 0;
        }(),
        10000);
    const int b = scenario.queue(QStringLiteral("ALTER TABLE shop.items ADD COLUMN w int"));
    const int c = scenario.queue(QStringLiteral("SELECT count(*) FROM shop.items"));
    QVERIFY2(b && c, qPrintable(scenario.error()));

    // The chain passes 1 s: said once, on the desktop and in the banner.
    QTRY_VERIFY_WITH_TIMEOUT(alerted.count() == 1, 10000);
    QVERIFY2(alerted.first().at(1).toString().startsWith(
                 QStringLiteral("pid %1 (idle in transaction, transaction").arg(a)),
        qPrintable(alerted.first().at(1).toString()));
    QVERIFY(page.alertBanner()->isVisible());
    QTRY_COMPARE_WITH_TIMEOUT(service.received.size(), 1, 5000);
    QVERIFY(service.received.first().startsWith(QLatin1String("2 sessions blocked: pid")));
    for (int i = 0; i < 3; ++i)
        QVERIFY(sampled.wait(5000));
    QCOMPARE(alerted.count(), 1);

    // The rule picks A (idle in transaction in this database), not B or C.
    page.actions()->setRule(QStringLiteral("idle in transaction"), 0, info.database());
    QCOMPARE(page.actions()->ruleMatches(), QList<int> {a});

    // B is this process's own session: its card refuses it.
    page.actions()->propose(SessionAction::Kind::Terminate, {b}, QStringLiteral("test"));
    SessionActionPanel *panel = page.actions()->panel();
    QVERIFY(panel->isVisible());
    QVERIFY2(panel->cardText().contains(QLatin1String("left alone: Tusk's own session")),
        qPrintable(panel->cardText()));
    QVERIFY(!panel->confirmButton()->isEnabled());

    // A selected in the grid, Terminate pressed: the card first.
    page.grid()->selectRow(page.proxy()->mapFromSource(model->index(model->rowOf(a), 0)).row());
    QCOMPARE(page.selectedPids(), QList<int> {a});
    page.findChild<QToolButton *>(QStringLiteral("terminateSessions"))->click();
    const QString card = panel->cardText();
    QVERIFY2(card.contains(QLatin1String("Terminate 1 session(s) (selected")), qPrintable(card));
    QVERIFY2(
        card.contains(QLatin1String("idle in transaction (client backend)")), qPrintable(card));
    QVERIFY2(card.contains(QLatin1String("application other program")), qPrintable(card));
    QVERIFY2(card.contains(QLatin1String("would release 2 blocked session(s)")), qPrintable(card));
    QVERIFY2(card.contains(QLatin1String("Together they would release 2 blocked session(s)")),
        qPrintable(card));
    QTest::qWait(100); // the layout makes room for the cards
    QVERIFY(saveArtifact(page.grab(), QStringLiteral("activity-terminate-card.png")));
    const int beforeAction = page.history().size() - 1;
    QSignalSpy acted(page.actions(), &SessionActionsBar::acted);
    panel->confirmButton()->click();
    QVERIFY(acted.wait(10000));
    const QStringList results = acted.first().first().toStringList();
    QCOMPARE(results, QStringList {QStringLiteral("terminate %1: terminated").arg(a)});
    QVERIFY(panel->cardText().contains(QStringLiteral("terminate %1: terminated").arg(a)));
    // B's ALTER went through once A was gone; nobody waits any more.
    QTRY_VERIFY_WITH_TIMEOUT(model->rowOf(a) < 0, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            const ActivitySession *s = model->sessionAt(model->rowOf(b));
            return s && !s->isWaitingOnLock();
        }(),
        10000);
    QTRY_VERIFY_WITH_TIMEOUT(!page.alertBanner()->isVisible(), 10000);
    const QByteArray audit = readFile(state.path() + QStringLiteral("/tusk/activity-audit.log"));
    QVERIFY2(audit.contains(QStringLiteral("terminate %1: terminated").arg(a).toUtf8()),
        audit.constData());

    // The timeline puts the grid and the tree back as they were before the
    // action; the actions wait for Live (they would act on the present).
    QCOMPARE(page.tree()->topLevelItem(0)->text(0), QStringLiteral("No session waits for a lock"));
    QSignalSpy shownPast(&page, &ActivityPage::shownPast);
    page.timeline()->scrubTo(beforeAction);
    QCOMPARE(shownPast.count(), 1);
    QVERIFY(!page.timeline()->isLive());
    QVERIFY2(page.tree()->topLevelItem(0)->text(0).startsWith(
                 QStringLiteral("%1 idle in transaction — blocks 2").arg(a)),
        qPrintable(page.tree()->topLevelItem(0)->text(0)));
    QVERIFY(model->rowOf(a) >= 0);
    QVERIFY(!page.actions()->isEnabled());
    QVERIFY(sampled.wait(5000)); // the server's samples go on into the history...
    QVERIFY(model->rowOf(a) >= 0); // ...while the grid stays at the moment chosen
    // The charts draw the window: two sessions blocked at the peak.
    page.findChild<QTabWidget *>()->setCurrentWidget(page.charts());
    QChart *rates = page.charts()->ratesChart();
    auto *blocked = qobject_cast<QLineSeries *>(rates->series().first());
    QVERIFY(blocked);
    double peak = 0;
    for (const QPointF &p : blocked->points())
        peak = std::max(peak, p.y());
    QCOMPARE(peak, 2.0);
    QVERIFY(page.charts()->statesChart()->series().size() >= 5);
    QTest::qWait(100);
    QVERIFY(saveArtifact(page.grab(), QStringLiteral("activity-history.png")));
    page.timeline()->goLive();
    QVERIFY(page.timeline()->isLive());
    QVERIFY(page.actions()->isEnabled());
    QTRY_VERIFY_WITH_TIMEOUT(model->rowOf(a) < 0, 5000);
    // No pg_stat_statements in this database: the view says how to get it.
    page.findChild<QTabWidget *>()->setCurrentWidget(page.serverStats());
    QVERIFY(page.serverStats()->statements()->topLevelItem(0)->text(0).contains(
        QLatin1String("CREATE EXTENSION pg_stat_statements")));

    // The recording holds the incident: opened, its first moments show A's chain.
    QSignalSpy stopped(page.recording(), &ActivityRecording::stopped);
    emit page.timeline()->stopRecording();
    QVERIFY(stopped.wait(5000));
    shownPast.clear();
    emit page.timeline()->openRecording(recordingPath);
    QVERIFY(shownPast.wait(5000));
    QVERIFY2(page.replaySize() >= page.history().size() - 3,
        qPrintable(
            QStringLiteral("%1 recorded of %2").arg(page.replaySize()).arg(page.history().size())));
    page.showMoment(page.history().timeAt(beforeAction));
    QTRY_VERIFY_WITH_TIMEOUT(page.tree()->topLevelItem(0)->text(0).startsWith(
                                 QStringLiteral("%1 idle in transaction — blocks 2").arg(a)),
        5000);
    emit page.timeline()->closeRecording();
    QCOMPARE(page.replaySize(), 0);
    QVERIFY(page.timeline()->isLive());
    page.collector()->stop();
    scenario.release();
    psql.closeWriteChannel();
    psql.waitForFinished(5000);
    tusk::test::skipStallCount(); // the test's own psql, not the window's
}

QTEST_MAIN(TestActivityPage)
#include "tst_activitypage.moc"
