// The activity collector and the blocking tree against real sessions of
// the test cluster (LockScenario): A holds a row lock idle in transaction,
// B's ALTER TABLE waits for ACCESS EXCLUSIVE, C and D SELECT behind B, so
// the tree is A → B (hard) → C, D (soft); an advisory lock; a deadlock in
// progress; the sample answers within 200 ms while ACCESS EXCLUSIVE is
// queued; `tusk activity --tree --once` prints the tree.

#include "lockscenario.h"
#include "testsupport.h"

#include "core/activity/activitycollector.h"
#include "core/activity/blockingtree.h"
#include "core/activity/lockqueue.h"
#include "core/activity/sessionaction.h"
#include "core/pg/ownsessions.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

using namespace tusk::core;
using namespace tusk::test;

class TestActivity : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void queueBehindDdl();
    void advisoryLock();
    void deadlockInProgress();
    void preparedTransactionBlocks();
    void cancelAndTerminate();
    void concurrentIndexWaitsForASnapshot();
    void parallelWorkersNameTheirLeader();

private:
    ActivitySample sample(qint64 *wallMs = nullptr);

    std::unique_ptr<ScratchDatabase> m_db;
    std::unique_ptr<LockScenario> m_scenario;
    std::unique_ptr<ActivityCollector> m_collector;
};

void TestActivity::initTestCase()
{
    QVERIFY2(!clusterConnInfo().isEmpty(), qPrintable(clusterMissingMessage()));
    m_db = std::make_unique<ScratchDatabase>(QStringLiteral("activity"));
    QVERIFY2(m_db->isValid(), qPrintable(m_db->error()));
}

void TestActivity::init()
{
    m_scenario = std::make_unique<LockScenario>(m_db->connInfo());
    QVERIFY2(m_scenario->createTable(), qPrintable(m_scenario->error()));
    m_collector = std::make_unique<ActivityCollector>();
    m_collector->setIntervalMs(0); // samples on demand only
    m_collector->start(m_db->connInfo());
    for (int i = 0; i < 500 && !m_collector->isOpen(); ++i)
        QTest::qWait(10);
    QVERIFY(m_collector->isOpen());
}

void TestActivity::cleanup()
{
    m_collector.reset();
    m_scenario.reset();
}

ActivitySample TestActivity::sample(qint64 *wallMs)
{
    QSignalSpy sampled(m_collector.get(), &ActivityCollector::sampled);
    QElapsedTimer clock;
    clock.start();
    m_collector->sampleNow();
    if (!sampled.wait(5000))
        return {};
    if (wallMs)
        *wallMs = clock.elapsed();
    // Other tests share the cluster: this database's sessions only.
    return sampled.first().first().value<ActivitySample>().restrictedTo(m_db->name());
}

void TestActivity::queueBehindDdl()
{
    const int a =
        m_scenario->hold(QStringLiteral("BEGIN; UPDATE shop.items SET v = v + 1 WHERE id = 1;"));
    QVERIFY2(a, qPrintable(m_scenario->error()));
    const int b = m_scenario->queue(QStringLiteral("ALTER TABLE shop.items ADD COLUMN w int"));
    QVERIFY2(b, qPrintable(m_scenario->error()));
    const int c = m_scenario->queue(QStringLiteral("SELECT count(*) FROM shop.items"));
    const int d = m_scenario->queue(QStringLiteral("SELECT sum(v) FROM shop.items"));
    QVERIFY2(c && d, qPrintable(m_scenario->error()));

    // The sample answers at once, ACCESS EXCLUSIVE queued on a busy table.
    qint64 wall = 0;
    const ActivitySample s = sample(&wall);
    qInfo("sample under a queued ACCESS EXCLUSIVE: %lld ms wall, %lld ms round trip", wall,
        s.serverMs);
    QVERIFY2(wall < 200, qPrintable(QString::number(wall)));
    QVERIFY(!s.sessions.isEmpty());
    QCOMPARE(s.session(a)->state, QStringLiteral("idle in transaction"));
    QCOMPARE(s.session(b)->waitEventType, QStringLiteral("Lock"));
    QVERIFY(s.session(m_collector->ownPid()) == nullptr); // its own session left out

    const BlockingTree tree = BlockingTree::build(s);
    QCOMPARE(tree.roots(), QList<int> {a});
    QCOMPARE(tree.edge(a, b)->hard, true);
    QCOMPARE(tree.edge(b, c)->hard, false); // only ahead in the queue
    QCOMPARE(tree.edge(b, d)->hard, false);
    QVERIFY(!tree.edge(a, c)); // A's row lock does not conflict with a SELECT
    QCOMPARE(tree.nodes().value(a).blockedBelow, 3);
    QCOMPARE(tree.nodes().value(b).blockedBelow, 2);
    QCOMPARE(tree.releasedBy(a), 3);
    QCOMPARE(
        tree.nodes().value(b).wants, QStringLiteral("ACCESS EXCLUSIVE on relation shop.items"));
    QVERIFY(tree.nodes().value(a).holds.contains(
        QStringLiteral("ROW EXCLUSIVE on relation shop.items")));
    QVERIFY(tree.cycles().isEmpty());
    const QString text = tree.text(s);
    qInfo("%s", qPrintable(text));
    QVERIFY2(text.startsWith(QStringLiteral("%1 idle in transaction").arg(a)), qPrintable(text));
    QVERIFY(text.contains(QStringLiteral("  └ hard %1 active").arg(b)));
    QVERIFY(text.contains(QStringLiteral("    └ soft %1 active").arg(c)));

    // The queue on the table: A holds, B heads the line, C and D behind it.
    const QList<LockQueue> queues = LockQueue::build(s);
    QCOMPARE(queues.size(), 1);
    QCOMPARE(queues.first().target, QStringLiteral("relation shop.items"));
    QCOMPARE(queues.first().badge, QStringLiteral("2 sessions queued behind ACCESS EXCLUSIVE"));
    QCOMPARE(queues.first().waiters.first().pid, b);
    QCOMPARE(queues.first().waiters.size(), 3);
    QVERIFY(std::any_of(queues.first().holders.begin(), queues.first().holders.end(),
        [a](const ActivityLock &l) { return l.pid == a; }));

    // The same from the command line, with no display.
    QString output;
    QCOMPARE(
        runTusk({QStringLiteral("activity"), QStringLiteral("--once"), QStringLiteral("--tree"),
                    QStringLiteral("--db"), m_db->connInfo().toUrl()},
            QString(), &output),
        0);
    QVERIFY2(output.contains(QStringLiteral("└ hard %1 active").arg(b)), qPrintable(output));
    QVERIFY2(output.contains(QStringLiteral("└ soft %1 active").arg(d)), qPrintable(output));
    QCOMPARE(runTusk({QStringLiteral("activity"), QStringLiteral("--queue"),
                         QStringLiteral("--this-database"), QStringLiteral("--db"),
                         m_db->connInfo().toUrl()},
                 QString(), &output),
        0);
    QVERIFY2(output.startsWith(
                 QLatin1String("relation shop.items: 2 sessions queued behind ACCESS EXCLUSIVE")),
        qPrintable(output));
}

void TestActivity::advisoryLock()
{
    const int a = m_scenario->hold(QStringLiteral("SELECT pg_advisory_lock(42)"));
    const int b = m_scenario->queue(QStringLiteral("SELECT pg_advisory_lock(42)"));
    QVERIFY2(a && b, qPrintable(m_scenario->error()));
    const BlockingTree tree = BlockingTree::build(sample());
    QVERIFY(tree.edge(a, b));
    QVERIFY(tree.edge(a, b)->hard);
    QCOMPARE(tree.nodes().value(b).wants, QStringLiteral("EXCLUSIVE on advisory key 42"));
}

void TestActivity::deadlockInProgress()
{
    // The detector waits deadlock_timeout before it breaks the cycle: long
    // enough here to see it.
    const QString slow = QStringLiteral("SET deadlock_timeout = '30s'; BEGIN; ");
    const int a =
        m_scenario->hold(slow + QStringLiteral("UPDATE shop.items SET v = 0 WHERE id = 1;"));
    const int b =
        m_scenario->hold(slow + QStringLiteral("UPDATE shop.items SET v = 0 WHERE id = 2;"));
    QVERIFY2(a && b, qPrintable(m_scenario->error()));
    // Then each wants the other's row, in its own transaction: a cycle.
    QVERIFY(m_scenario->queueOn(a, QStringLiteral("UPDATE shop.items SET v = 1 WHERE id = 2")));
    QVERIFY(m_scenario->queueOn(b, QStringLiteral("UPDATE shop.items SET v = 1 WHERE id = 1")));
    const ActivitySample s = sample();
    const BlockingTree tree = BlockingTree::build(s);
    QCOMPARE(tree.cycles().size(), 1);
    QList<int> pair {a, b};
    std::sort(pair.begin(), pair.end());
    QCOMPARE(tree.cycles().first(), pair);
    QVERIFY(tree.text(s).contains(QLatin1String("deadlock in progress")));
}

// A prepared transaction holds its row lock with no session: pid 0.
void TestActivity::preparedTransactionBlocks()
{
    const int a = m_scenario->hold(QStringLiteral(
        "BEGIN; UPDATE shop.items SET v = 0 WHERE id = 3; PREPARE TRANSACTION 'tusk_activity_t';"));
    QVERIFY2(a, qPrintable(m_scenario->error()));
    const int b = m_scenario->queue(QStringLiteral("UPDATE shop.items SET v = 1 WHERE id = 3"));
    QVERIFY2(b, qPrintable(m_scenario->error()));
    const ActivitySample s = sample();
    const BlockingTree tree = BlockingTree::build(s);
    Connection admin;
    QVERIFY(openAndWait(admin, m_db->connInfo()).isNull());
    runAndWait(admin, QStringLiteral("ROLLBACK PREPARED 'tusk_activity_t'"));
    QCOMPARE(s.prepared.size(), 1);
    QCOMPARE(s.prepared.first().gid, QStringLiteral("tusk_activity_t"));
    QVERIFY(tree.edge(0, b));
    QVERIFY(tree.edge(0, b)->hard);
    QCOMPARE(tree.roots(), QList<int> {0});
    QVERIFY2(tree.text(s).startsWith(QLatin1String("prepared transaction tusk_activity_t")),
        qPrintable(tree.text(s)));
}

// The card, then the action from the command line (another process: the
// sessions of this one are Tusk's own, and refused here).
void TestActivity::cancelAndTerminate()
{
    const int a =
        m_scenario->hold(QStringLiteral("BEGIN; UPDATE shop.items SET v = v + 1 WHERE id = 1;"));
    const int b = m_scenario->queue(QStringLiteral("ALTER TABLE shop.items ADD COLUMN w int"));
    const int c = m_scenario->queue(QStringLiteral("SELECT count(*) FROM shop.items"));
    QVERIFY2(a && b && c, qPrintable(m_scenario->error()));
    const ActivitySample s = sample();
    const BlockingTree tree = BlockingTree::build(s);
    const QString server = OwnSessions::serverKey(m_db->connInfo().host(), m_db->connInfo().port());
    QCOMPARE(SessionAction::card(s, tree, a, server).refusal, QStringLiteral("Tusk's own session"));

    const QString state = scratchFolder(QStringLiteral("activity-state"));
    const QStringList env {QStringLiteral("XDG_STATE_HOME=") + state};
    const QStringList db {QStringLiteral("--db"), m_db->connInfo().toUrl()};
    QString output;
    // Without --yes: the card, nothing done.
    QCOMPARE(runTusk(QStringList {QStringLiteral("activity"), QStringLiteral("terminate"),
                         QString::number(a)}
                     + db,
                 QString(), &output, env),
        0);
    QVERIFY2(
        output.contains(QLatin1String("idle in transaction (client backend)")), qPrintable(output));
    QVERIFY2(
        output.contains(QLatin1String("would release 2 blocked session(s)")), qPrintable(output));
    QVERIFY(output.contains(QLatin1String("(nothing done: --yes would terminate 1 session(s))")));
    QVERIFY(sample().session(a));
    // A role that may not signal others: refused by the server, said why, A stays.
    Connection admin;
    QVERIFY(openAndWait(admin, m_db->connInfo()).isNull());
    runAndWait(admin, QStringLiteral("CREATE ROLE tusk_plain LOGIN"));
    ConnInfo plain = m_db->connInfo();
    plain.setValue(QStringLiteral("user"), QStringLiteral("tusk_plain"));
    QCOMPARE(runTusk(QStringList {QStringLiteral("activity"), QStringLiteral("terminate"),
                         QString::number(a), QStringLiteral("--yes"), QStringLiteral("--db"),
                         plain.toUrl()},
                 QString(), &output, env),
        1);
    // (A is a superuser's: "must be a superuser to terminate superuser process".)
    QVERIFY2(output.contains(QStringLiteral("terminate %1: refused by the server: ").arg(a)),
        qPrintable(output));
    QVERIFY2(output.contains(QLatin1String("pg_signal_backend")), qPrintable(output));
    QVERIFY2(output.contains(QLatin1String("membership in pg_read_all_stats would show them")),
        qPrintable(output));
    QVERIFY2(output.contains(QLatin1String("blocks no one (as far as this role can see)")),
        qPrintable(output));
    QVERIFY(sample().session(a));
    // Cancel the waiting ALTER: it ends with an error, A and its lock stay.
    QCOMPARE(runTusk(QStringList {QStringLiteral("activity"), QStringLiteral("cancel"),
                         QString::number(b), QStringLiteral("--yes")}
                     + db,
                 QString(), &output, env),
        0);
    QVERIFY2(output.contains(QStringLiteral("cancel %1: cancelled its query").arg(b)),
        qPrintable(output));
    QTest::qWait(300);
    ActivitySample after = sample();
    QCOMPARE(after.session(b)->state, QStringLiteral("idle")); // its statement failed
    QCOMPARE(after.session(a)->state, QStringLiteral("idle in transaction"));
    // Terminate A: it goes, and C's SELECT gets through.
    QCOMPARE(runTusk(QStringList {QStringLiteral("activity"), QStringLiteral("terminate"),
                         QString::number(a), QStringLiteral("--yes")}
                     + db,
                 QString(), &output, env),
        0);
    QVERIFY2(
        output.contains(QStringLiteral("terminate %1: terminated").arg(a)), qPrintable(output));
    after = sample();
    QVERIFY(!after.session(a));
    QVERIFY(after.session(c) && after.session(c)->waitEventType != QLatin1String("Lock"));
    // Both actions are in the audit log.
    const QByteArray log = readFile(state + QStringLiteral("/tusk/activity-audit.log"));
    QVERIFY2(log.contains(QStringLiteral("cancel %1: cancelled its query").arg(b).toUtf8()),
        log.constData());
    QVERIFY(log.contains(QStringLiteral("terminate %1: terminated").arg(a).toUtf8()));
}

// A concurrent index build waits for an old snapshot: its progress names
// the phase and the session it waits for, which the tree shows too.
void TestActivity::concurrentIndexWaitsForASnapshot()
{
    const int a = m_scenario->hold(
        QStringLiteral("BEGIN ISOLATION LEVEL REPEATABLE READ; SELECT count(*) FROM shop.items;"));
    const int b = m_scenario->queue(
        QStringLiteral("CREATE INDEX CONCURRENTLY items_v_idx ON shop.items (v)"));
    QVERIFY2(a && b, qPrintable(m_scenario->error()));
    const ActivitySample s = sample();
    const CommandProgress *build = nullptr;
    for (const CommandProgress &p : s.progress) {
        if (p.pid == b)
            build = &p;
    }
    QVERIFY(build);
    QCOMPARE(build->command, QStringLiteral("create index"));
    QCOMPARE(build->relation, QStringLiteral("shop.items"));
    QVERIFY2(build->phase.startsWith(QLatin1String("waiting for")), qPrintable(build->phase));
    QCOMPARE(build->lockerPid, a);
    const BlockingTree tree = BlockingTree::build(s);
    QVERIFY(tree.edge(a, b));
    QVERIFY(tree.nodes().value(b).wants.contains(QLatin1String("virtual transaction")));
}

// A parallel plan forced on a slow scan: its workers show with their
// leader's pid (the grid folds them under it).
void TestActivity::parallelWorkersNameTheirLeader()
{
    const int leader = m_scenario->hold(
        QStringLiteral("SET max_parallel_workers_per_gather = 2; SET parallel_setup_cost = 0; "
                       "SET parallel_tuple_cost = 0; SET min_parallel_table_scan_size = 0; "
                       "SET parallel_leader_participation = off;"));
    QVERIFY2(leader, qPrintable(m_scenario->error()));
    QVERIFY(m_scenario->sendOn(leader,
        QStringLiteral("SELECT count(*) FROM shop.items WHERE "
                       "pg_sleep(0.05) IS NOT NULL")));
    QList<int> workers;
    for (int i = 0; i < 50 && workers.isEmpty(); ++i) {
        QTest::qWait(50);
        for (const ActivitySession &s : sample().sessions) {
            if (s.leaderPid == leader && s.pid != leader)
                workers << s.pid;
        }
    }
    QVERIFY2(!workers.isEmpty(), "no parallel worker was seen");
    const ActivitySample s = sample();
    for (int w : workers) {
        if (const ActivitySession *x = s.session(w))
            QCOMPARE(x->backendType, QStringLiteral("parallel worker"));
    }
}

QTEST_GUILESS_MAIN(TestActivity)
#include "tst_activity.moc"
