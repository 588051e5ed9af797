// Who a structure change would wait behind (issue 24, point 12), against
// real sessions of the test cluster (LockScenario): A's UPDATE left idle in
// transaction stops ALTER TABLE, and the check names A, its state and its
// mode; with B's ALTER already queued, a second check names B as waiting
// (and answers at once: it takes no relation lock itself); CREATE INDEX
// CONCURRENTLY waits behind a SHARE UPDATE EXCLUSIVE holder, and behind
// writers for its build; a table nobody uses gives nothing; a SELECT is not
// checked. The pure parts (which statements, which rows block) without a
// server.

#include "lockscenario.h"
#include "testsupport.h"

#include "core/activity/lockwaitcheck.h"
#include "core/workspace/confirmationpolicy.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

using namespace tusk::core;
using namespace tusk::test;

namespace {
using Target = LockWaitCheck::Target;
using Row = LockWaitCheck::Row;
using Blocker = LockWaitCheck::Blocker;

const Blocker *blockerOf(const LockWaitCheck::Outcome &outcome, int pid)
{
    for (const Blocker &b : outcome.blockers) {
        if (b.pid == pid)
            return &b;
    }
    return nullptr;
}

QString lineOf(const LockWaitCheck::Outcome &outcome, int pid)
{
    const QString name = QStringLiteral("pid %1").arg(pid);
    for (const QString &line : outcome.lines) {
        if (line.contains(name + QLatin1Char(' ')) || line.contains(name + QLatin1Char(',')))
            return line;
    }
    return {};
}
} // namespace

class TestLockWaitCheck : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void onlyStructureChangesOnExistingTablesAreChecked();
    void rowsAreJudgedByTheConflictTable();
    void theQuestionCarriesWhatWasFound();
    void namesAnIdleInTransactionHolder();
    void namesASessionAlreadyWaiting();
    void concurrentIndexWaitsBehindShareUpdateExclusive();
    void namesAPreparedTransaction();
    void aTableNobodyUsesGivesNothing();
    void aFailedCheckSaysSo();

private:
    LockWaitCheck::Outcome check(const QString &sql, int ownPid = 0, qint64 *wallMs = nullptr);

    std::unique_ptr<ScratchDatabase> m_db;
    std::unique_ptr<LockScenario> m_scenario;
};

void TestLockWaitCheck::initTestCase()
{
    QVERIFY2(!clusterConnInfo().isEmpty(), qPrintable(clusterMissingMessage()));
    m_db = std::make_unique<ScratchDatabase>(QStringLiteral("lockwait"));
    QVERIFY2(m_db->isValid(), qPrintable(m_db->error()));
}

void TestLockWaitCheck::init()
{
    m_scenario = std::make_unique<LockScenario>(m_db->connInfo());
    QVERIFY2(m_scenario->createTable(), qPrintable(m_scenario->error()));
}

void TestLockWaitCheck::cleanup()
{
    m_scenario.reset();
}

LockWaitCheck::Outcome TestLockWaitCheck::check(const QString &sql, int ownPid, qint64 *wallMs)
{
    LockWaitCheck checker;
    QSignalSpy finished(&checker, &LockWaitCheck::finished);
    const QList<Target> targets = LockWaitCheck::targetsOf(sql.toUtf8());
    QElapsedTimer clock;
    clock.start();
    const quint64 id = checker.start(m_db->connInfo(), targets, ownPid);
    if (!finished.wait(LockWaitCheck::deadlineMs * 2)
        || finished.first().first().toULongLong() != id)
        return {};
    if (wallMs)
        *wallMs = clock.elapsed();
    const auto outcome = finished.first().at(1).value<LockWaitCheck::Outcome>();
    qInfo("%s → %s", qPrintable(sql),
        qPrintable(outcome.failed() ? outcome.failureText()
                                    : outcome.lines.join(QStringLiteral("\n    "))));
    return outcome;
}

void TestLockWaitCheck::onlyStructureChangesOnExistingTablesAreChecked()
{
    // Reads and plain writes take no lock worth a question.
    QVERIFY(LockWaitCheck::targetsOf("SELECT * FROM shop.items").isEmpty());
    QVERIFY(LockWaitCheck::targetsOf("UPDATE shop.items SET v = 0; INSERT INTO shop.items "
                                     "VALUES (0, 0)")
                .isEmpty());
    // A table the script makes itself is nobody else's.
    QVERIFY(LockWaitCheck::targetsOf("CREATE TABLE shop.fresh (id int);\n"
                                     "ALTER TABLE shop.fresh ADD COLUMN w int;")
                .isEmpty());

    const QList<Target> alter = LockWaitCheck::targetsOf(
        "SELECT 1;\nALTER TABLE shop.items ADD COLUMN w int;\nALTER TABLE \"Shop\".\"Odd\" "
        "ADD CONSTRAINT f FOREIGN KEY (a) REFERENCES shop.items;");
    QCOMPARE(alter.size(), 3);
    QCOMPARE(alter.at(0).statement, 1);
    QCOMPARE(alter.at(0).head, QStringLiteral("ALTER TABLE shop.items ADD COLUMN w int"));
    QCOMPARE(alter.at(0).relation, QStringLiteral("shop.items"));
    QCOMPARE(alter.at(0).mode, LockMode::AccessExclusive);
    // A foreign key locks both tables in SHARE ROW EXCLUSIVE; the quoted
    // name keeps its case up to the server.
    QCOMPARE(alter.at(1).relation, QStringLiteral("Shop.Odd"));
    QCOMPARE(alter.at(1).mode, LockMode::ShareRowExclusive);
    QCOMPARE(alter.at(2).relation, QStringLiteral("shop.items"));
    const QVariantList params = LockWaitCheck::parameters(alter, 0);
    QVERIFY2(params.first().toString().contains(QStringLiteral("\\\"Shop\\\".\\\"Odd\\\"")),
        qPrintable(params.first().toString()));
    QCOMPARE(params.at(1).toInt(), 0);

    // A concurrent build also waits for the table's writers; DROP INDEX
    // locks the index's table, found on the server.
    const QList<Target> cic =
        LockWaitCheck::targetsOf("CREATE INDEX CONCURRENTLY items_v_idx ON shop.items (v)");
    QCOMPARE(cic.size(), 2);
    QCOMPARE(cic.at(0).mode, LockMode::ShareUpdateExclusive);
    QVERIFY(!cic.at(0).holdersOnly);
    QCOMPARE(cic.at(1).mode, LockMode::Share);
    QVERIFY(cic.at(1).holdersOnly);
    const QList<Target> drop = LockWaitCheck::targetsOf("DROP INDEX shop.items_pkey");
    QCOMPARE(drop.size(), 2);
    QVERIFY(drop.at(0).ofIndex);
    QCOMPARE(drop.at(0).relation, QStringLiteral("shop.items_pkey"));
}

void TestLockWaitCheck::rowsAreJudgedByTheConflictTable()
{
    Target alter;
    alter.statement = 0;
    alter.head = QStringLiteral("ALTER TABLE shop.items ADD COLUMN w int");
    alter.relation = QStringLiteral("shop.items");
    alter.mode = LockMode::AccessExclusive;
    Target index = alter;
    index.statement = 1;
    index.head = QStringLiteral("CREATE INDEX CONCURRENTLY i ON shop.items (v)");
    index.mode = LockMode::ShareUpdateExclusive;

    auto row = [](int target, int pid, const char *mode, bool granted) {
        Row r;
        r.target = target;
        r.relation = QStringLiteral("shop.items");
        r.pid = pid;
        r.modeName = QString::fromLatin1(mode);
        r.granted = granted;
        r.state = granted ? QStringLiteral("idle in transaction") : QStringLiteral("active");
        r.stateAgeMs = 6 * 60'000;
        r.waitingMs = granted ? -1 : 12'000;
        r.query = QStringLiteral("UPDATE   shop.items\n SET v = v + 1");
        return r;
    };
    const QList<Row> rows {
        row(0, 4121, "RowExclusiveLock", true),
        row(0, 4121, "AccessShareLock", true), // the same session: named once
        row(0, 4130, "AccessExclusiveLock", false),
        row(0, 7, "AccessShareLock", true), // the tab's own session
        row(1, 4121, "RowExclusiveLock", true), // named for the first statement already
        row(1, 4140, "RowExclusiveLock", true), // no conflict with SHARE UPDATE EXCLUSIVE
        row(1, 4150, "ShareUpdateExclusiveLock", true),
        row(1, 4160, "SIReadLock", true), // no table mode
    };
    const QList<Blocker> blockers = LockWaitCheck::judge({alter, index}, rows, 7);
    QCOMPARE(blockers.size(), 3);
    QCOMPARE(blockers.at(0).pid, 4121);
    QCOMPARE(blockers.at(0).mode, LockMode::RowExclusive);
    QVERIFY(!blockers.at(0).waiting);
    QCOMPARE(blockers.at(1).pid, 4130);
    QVERIFY(blockers.at(1).waiting);
    QCOMPARE(blockers.at(2).pid, 4150);
    QCOMPARE(blockers.at(2).statement, 1);

    const QStringList lines = LockWaitCheck::lines(blockers);
    QCOMPARE(lines,
        QStringList({QStringLiteral("ALTER TABLE shop.items ADD COLUMN w int would wait behind "
                                    "pid 4121 (idle in transaction for 6 min, holds ROW "
                                    "EXCLUSIVE on shop.items): UPDATE shop.items SET v = v + 1"),
            QStringLiteral("… and behind pid 4130, already waiting 12 s for ACCESS EXCLUSIVE on "
                           "shop.items: UPDATE shop.items SET v = v + 1"),
            QStringLiteral("CREATE INDEX CONCURRENTLY i ON shop.items (v) would wait behind pid "
                           "4150 (idle in transaction for 6 min, holds SHARE UPDATE EXCLUSIVE on "
                           "shop.items): UPDATE shop.items SET v = v + 1")}));
    QCOMPARE(LockWaitCheck::lines(blockers, 1).last(), QStringLiteral("… and 2 more session(s)"));

    // A holder found after a waiter still comes first in its statement.
    const QList<Blocker> ordered = LockWaitCheck::judge(
        {alter}, {row(0, 4130, "AccessExclusiveLock", false), row(0, 4121, "ShareLock", true)}, 0);
    QCOMPARE(ordered.size(), 2);
    QCOMPARE(ordered.at(0).pid, 4121);
    QCOMPARE(ordered.at(1).pid, 4130);
}

void TestLockWaitCheck::theQuestionCarriesWhatWasFound()
{
    const Confirmation approval {QStringLiteral("Change the database structure?"),
        QStringLiteral("These statements change the structure of the database:\n\n• ALTER "
                       "TABLE t ADD COLUMN w int\n\nRun them?")};
    LockWaitCheck::Outcome nobody;
    nobody.checked = true;
    // Nothing in the way and no approval due: no question.
    QVERIFY(LockWaitCheck::question({}, nobody).isNull());
    QVERIFY(LockWaitCheck::question(approval, nobody)
                .text.endsWith(QStringLiteral("would wait behind.\n\nRun them?")));

    LockWaitCheck::Outcome found = nobody;
    found.lines = QStringList {QStringLiteral("ALTER TABLE t ADD COLUMN w int would wait behind "
                                              "pid 4121 (idle in transaction for 6 min, holds "
                                              "ROW EXCLUSIVE on t)")};
    const Confirmation own = LockWaitCheck::question({}, found);
    QCOMPARE(own.title, QStringLiteral("Wait behind other sessions?"));
    QCOMPARE(own.text,
        QStringLiteral("This would wait behind other sessions:\n\n%1\n\nWhile it waits, every "
                       "later query on these tables queues behind it. Run anyway?")
            .arg(found.lines.first()));
    const Confirmation joined = LockWaitCheck::question(approval, found);
    QCOMPARE(joined.title, approval.title);
    QCOMPARE(joined.text,
        QStringLiteral("These statements change the structure of the database:\n\n• ALTER "
                       "TABLE t ADD COLUMN w int\n\nRight now:\n%1\nWhile it waits, every "
                       "later query on these tables queues behind it.\n\nRun them?")
            .arg(found.lines.first()));

    // A check that failed says so in the approval, and asks nothing by itself.
    LockWaitCheck::Outcome failed;
    failed.error = PgError::client(QStringLiteral("no answer within 5 s"));
    QVERIFY(LockWaitCheck::question({}, failed).isNull());
    QVERIFY(LockWaitCheck::question(approval, failed)
                .text.contains(QStringLiteral("\n\nThe lock check could not run (no answer within "
                                              "5 s), so who holds locks on these tables now is "
                                              "unknown.\n\nRun them?")));
}

void TestLockWaitCheck::namesAnIdleInTransactionHolder()
{
    const int a =
        m_scenario->hold(QStringLiteral("BEGIN; UPDATE shop.items SET v = v + 1 WHERE id = 1;"));
    QVERIFY2(a, qPrintable(m_scenario->error()));
    const LockWaitCheck::Outcome outcome =
        check(QStringLiteral("ALTER TABLE shop.items ADD COLUMN w int"));
    QVERIFY2(!outcome.failed(), qPrintable(outcome.failureText()));
    const Blocker *holder = blockerOf(outcome, a);
    QVERIFY(holder);
    QCOMPARE(holder->state, QStringLiteral("idle in transaction"));
    QCOMPARE(holder->mode, LockMode::RowExclusive);
    QVERIFY(!holder->waiting);
    QCOMPARE(holder->relation, QStringLiteral("shop.items"));
    QVERIFY(holder->transactionAgeMs >= 0);
    QVERIFY(holder->query.startsWith(QStringLiteral("BEGIN; UPDATE shop.items")));
    const QString line = lineOf(outcome, a);
    QVERIFY2(line.startsWith(QStringLiteral(
                 "ALTER TABLE shop.items ADD COLUMN w int would wait behind pid %1 (idle in "
                 "transaction for ")
                                 .arg(a)),
        qPrintable(outcome.lines.join(QLatin1Char('\n'))));
    QVERIFY2(line.contains(QStringLiteral("holds ROW EXCLUSIVE on shop.items)")), qPrintable(line));

    // The session that will run it does not wait behind itself.
    QVERIFY(!blockerOf(check(QStringLiteral("ALTER TABLE shop.items ADD COLUMN w int"), a), a));
    // A SELECT is not checked at all.
    QVERIFY(LockWaitCheck::targetsOf("SELECT count(*) FROM shop.items").isEmpty());
}

void TestLockWaitCheck::namesASessionAlreadyWaiting()
{
    const int a =
        m_scenario->hold(QStringLiteral("BEGIN; UPDATE shop.items SET v = v + 1 WHERE id = 1;"));
    QVERIFY2(a, qPrintable(m_scenario->error()));
    const int b = m_scenario->queue(QStringLiteral("ALTER TABLE shop.items ADD COLUMN w int"));
    QVERIFY2(b, qPrintable(m_scenario->error()));

    // The check answers at once with ACCESS EXCLUSIVE queued on the table:
    // to_regclass and ::regclass take no lock (lock_timeout would fail it).
    qint64 wall = 0;
    const LockWaitCheck::Outcome outcome =
        check(QStringLiteral("ALTER TABLE shop.items ADD COLUMN x int"), 0, &wall);
    qInfo("check under a queued ACCESS EXCLUSIVE: %lld ms wall (connect included)", wall);
    QVERIFY2(!outcome.failed(), qPrintable(outcome.failureText()));
    QVERIFY(wall < 2000);
    const Blocker *holder = blockerOf(outcome, a);
    const Blocker *waiter = blockerOf(outcome, b);
    QVERIFY(holder && waiter);
    QVERIFY(!holder->waiting);
    QVERIFY(waiter->waiting);
    QCOMPARE(waiter->mode, LockMode::AccessExclusive);
    QVERIFY(waiter->waitingMs >= 0); // PostgreSQL 14+ (the test server is 15)
    QVERIFY(holder < waiter); // holders first, then the queue
    const QString line = lineOf(outcome, b);
    QVERIFY2(line.startsWith(QStringLiteral("… and behind pid %1, already waiting ").arg(b)),
        qPrintable(outcome.lines.join(QLatin1Char('\n'))));
    QVERIFY2(line.contains(QStringLiteral(" for ACCESS EXCLUSIVE on shop.items: ALTER TABLE")),
        qPrintable(line));

    // A concurrent build's SHARE UPDATE EXCLUSIVE does not conflict with
    // A's ROW EXCLUSIVE, but it queues behind B's request; and its build
    // then waits for A, a writer, to finish.
    const LockWaitCheck::Outcome cic =
        check(QStringLiteral("CREATE INDEX CONCURRENTLY items_v_idx ON shop.items (v)"));
    QVERIFY(blockerOf(cic, b) && blockerOf(cic, b)->waiting);
    QVERIFY(blockerOf(cic, a) && !blockerOf(cic, a)->waiting);
}

void TestLockWaitCheck::concurrentIndexWaitsBehindShareUpdateExclusive()
{
    // ANALYZE in a transaction keeps SHARE UPDATE EXCLUSIVE until the end.
    const int a = m_scenario->hold(QStringLiteral("BEGIN; ANALYZE shop.items;"));
    QVERIFY2(a, qPrintable(m_scenario->error()));
    const LockWaitCheck::Outcome outcome =
        check(QStringLiteral("CREATE INDEX CONCURRENTLY items_v_idx ON shop.items (v)"));
    QVERIFY2(!outcome.failed(), qPrintable(outcome.failureText()));
    const Blocker *holder = blockerOf(outcome, a);
    QVERIFY(holder);
    QCOMPARE(holder->mode, LockMode::ShareUpdateExclusive);
    QCOMPARE(holder->wanted, LockMode::ShareUpdateExclusive);
    const QString line = lineOf(outcome, a);
    QVERIFY2(line.startsWith(QStringLiteral("CREATE INDEX CONCURRENTLY items_v_idx ON shop.items "
                                            "(v) would wait behind pid %1 (idle in transaction "
                                            "for ")
                                 .arg(a)),
        qPrintable(outcome.lines.join(QLatin1Char('\n'))));
    QVERIFY2(line.contains(QStringLiteral("holds SHARE UPDATE EXCLUSIVE on shop.items)")),
        qPrintable(line));
}

void TestLockWaitCheck::namesAPreparedTransaction()
{
    // A prepared transaction keeps its locks with no session: pid 0, by gid.
    QVERIFY(m_scenario->hold(QStringLiteral("BEGIN; UPDATE shop.items SET v = 0 WHERE id = 3; "
                                            "PREPARE TRANSACTION 'tusk_lockwait_t';")));
    const LockWaitCheck::Outcome outcome =
        check(QStringLiteral("ALTER TABLE shop.items ADD COLUMN w int"));
    Connection admin;
    QVERIFY(openAndWait(admin, m_db->connInfo()).isNull());
    QVERIFY(
        runAndWait(admin, QStringLiteral("ROLLBACK PREPARED 'tusk_lockwait_t'")).error.isNull());
    QVERIFY2(!outcome.failed(), qPrintable(outcome.failureText()));
    const Blocker *prepared = blockerOf(outcome, 0);
    QVERIFY(prepared);
    QCOMPARE(prepared->gid, QStringLiteral("tusk_lockwait_t"));
    QCOMPARE(prepared->mode, LockMode::RowExclusive);
    const QString lines = outcome.lines.join(QLatin1Char('\n'));
    QVERIFY2(lines.contains(QStringLiteral("would wait behind prepared transaction "
                                           "'tusk_lockwait_t' (prepared ")),
        qPrintable(lines));
    QVERIFY2(lines.contains(QStringLiteral(" ago, holds ROW EXCLUSIVE on shop.items)")),
        qPrintable(lines));
}

void TestLockWaitCheck::aTableNobodyUsesGivesNothing()
{
    // An empty table autovacuum has no reason to visit; A is busy elsewhere.
    Connection setup;
    QVERIFY(openAndWait(setup, m_db->connInfo()).isNull());
    QVERIFY(runAndWait(setup,
        QStringLiteral("DROP TABLE IF EXISTS shop.quiet; CREATE TABLE "
                       "shop.quiet (id int)"))
                .error.isNull());
    QVERIFY(m_scenario->hold(QStringLiteral("BEGIN; UPDATE shop.items SET v = 0 WHERE id = 2;")));
    const LockWaitCheck::Outcome outcome =
        check(QStringLiteral("ALTER TABLE shop.quiet ADD COLUMN w int; DROP TABLE shop.quiet"));
    QVERIFY2(!outcome.failed(), qPrintable(outcome.failureText()));
    QVERIFY(outcome.blockers.isEmpty());
    QVERIFY(outcome.lines.isEmpty());
    // A name the server does not know is not an error: the statement will say so.
    const LockWaitCheck::Outcome missing =
        check(QStringLiteral("ALTER TABLE shop.nowhere ADD COLUMN w int"));
    QVERIFY(!missing.failed());
    QVERIFY(missing.blockers.isEmpty());
}

void TestLockWaitCheck::aFailedCheckSaysSo()
{
    ConnInfo nowhere = m_db->connInfo();
    nowhere.setValue(QStringLiteral("host"), QStringLiteral("127.0.0.1"));
    nowhere.setValue(QStringLiteral("port"), QStringLiteral("1")); // nothing listens there
    LockWaitCheck checker;
    QSignalSpy finished(&checker, &LockWaitCheck::finished);
    checker.start(nowhere, LockWaitCheck::targetsOf("ALTER TABLE shop.items ADD COLUMN w int"));
    QVERIFY(finished.wait(LockWaitCheck::deadlineMs * 2));
    const auto outcome = finished.first().at(1).value<LockWaitCheck::Outcome>();
    QVERIFY(outcome.failed());
    QVERIFY2(outcome.failureText().startsWith(QStringLiteral("The lock check could not run (")),
        qPrintable(outcome.failureText()));

    // A new start drops the answer of the one before.
    QSignalSpy again(&checker, &LockWaitCheck::finished);
    const QList<Target> targets =
        LockWaitCheck::targetsOf("ALTER TABLE shop.items ADD COLUMN w int");
    checker.start(m_db->connInfo(), targets);
    const quint64 second = checker.start(m_db->connInfo(), targets);
    QVERIFY(again.wait(LockWaitCheck::deadlineMs * 2));
    QTest::qWait(100);
    QCOMPARE(again.size(), 1);
    QCOMPARE(again.first().first().toULongLong(), second);
}

QTEST_MAIN(TestLockWaitCheck)
#include "tst_lockwaitcheck.moc"
