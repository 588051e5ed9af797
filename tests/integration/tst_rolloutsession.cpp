// RolloutSession, the wizard's core, against the test cluster: a
// concurrent index build that failed earlier left its index INVALID; the
// step's retry finds it, drops it and builds again, and the gate holds.
// Without that, the retry fails on "relation already exists".

#include "testsupport.h"

#include "core/rollout/rolloutplanner.h"
#include "core/rollout/rolloutsession.h"

#include <QSignalSpy>
#include <QTest>

using namespace tusk::core;
using namespace tusk::test;

class TestRolloutSession : public QObject {
    Q_OBJECT
private slots:
    void retryDropsTheInvalidIndex();
    void dropWaitsForEvidence();

private:
    static bool waitIdle(RolloutSession &session);
};

bool TestRolloutSession::waitIdle(RolloutSession &session)
{
    for (int i = 0; i < 1500 && session.isBusy(); ++i)
        QTest::qWait(20);
    return !session.isBusy();
}

void TestRolloutSession::retryDropsTheInvalidIndex()
{
    QVERIFY2(!clusterConnInfo().isEmpty(), qPrintable(clusterMissingMessage()));
    ScratchDatabase db(QStringLiteral("rolloutsession"));
    QVERIFY2(db.isValid(), qPrintable(db.error()));
    Connection c;
    QVERIFY(openAndWait(c, db.connInfo()).isNull());
    QVERIFY(runAndWait(c,
        QStringLiteral("CREATE SCHEMA shop; CREATE TABLE shop.orders (id bigint "
                       "PRIMARY KEY, note text); INSERT INTO shop.orders SELECT g, "
                       "'n' || (g % 10) FROM generate_series(1, 100) g;"))
                .error.isNull());
    // The failed build: duplicates stop it half-way, its index stays INVALID.
    const Reply failed = runAndWait(
        c, QStringLiteral("CREATE UNIQUE INDEX CONCURRENTLY orders_note_uq ON shop.orders (note)"));
    QCOMPARE(failed.error.sqlState, QStringLiteral("23505"));
    const Reply invalid = runAndWait(c,
        QStringLiteral("SELECT indisvalid FROM pg_index WHERE "
                       "indexrelid = 'shop.orders_note_uq'::regclass"));
    QCOMPARE(invalid.results.first().value(0, 0).toBool(), false);
    QVERIFY(
        runAndWait(c, QStringLiteral("UPDATE shop.orders SET note = 'n' || id")).error.isNull());

    const RolloutPlan plan = RolloutPlanner::plan(
        "CREATE UNIQUE INDEX orders_note_uq ON shop.orders (note);", CatalogSnapshot());
    RolloutSession session;
    session.setPlan(plan);
    QCOMPARE(session.stepCount(), 1);
    QCOMPARE(session.step(0).concurrentIndex, QStringLiteral("shop.orders_note_uq"));
    QSignalSpy busy(&session, &RolloutSession::busyChanged);
    QSignalSpy messages(&session, &RolloutSession::message);
    session.run(0, db.connInfo());
    while (session.isBusy())
        QVERIFY(busy.wait(30000));
    QVERIFY2(session.status(0).state == RolloutSession::State::GateHolds,
        qPrintable(session.status(0).message));
    bool said = false;
    for (const QList<QVariant> &m : messages)
        said |= m.first().toString().contains(QLatin1String("dropping the invalid index"));
    QVERIFY(said);
    const Reply valid = runAndWait(c,
        QStringLiteral("SELECT indisvalid FROM pg_index WHERE "
                       "indexrelid = 'shop.orders_note_uq'::regclass"));
    QCOMPARE(valid.results.first().value(0, 0).toBool(), true);
}

// DROP TABLE is a contract behind a usage point: the gate before the drop
// holds only while nothing scanned or wrote the table since the point.
void TestRolloutSession::dropWaitsForEvidence()
{
    ScratchDatabase db(QStringLiteral("rolloutdrop"));
    QVERIFY2(db.isValid(), qPrintable(db.error()));
    Connection c;
    QVERIFY(openAndWait(c, db.connInfo()).isNull());
    QVERIFY(runAndWait(c,
        QStringLiteral("CREATE SCHEMA shop; CREATE TABLE shop.carts (id bigint "
                       "PRIMARY KEY); INSERT INTO shop.carts VALUES (1), (2);"))
                .error.isNull());
    RolloutSession session;
    session.setPlan(RolloutPlanner::plan("DROP TABLE shop.carts;", CatalogSnapshot()));
    QCOMPARE(session.stepCount(), 4);
    QCOMPARE(session.step(1).phase, RolloutStep::Phase::MigrateReads);
    // The usage point, recorded in the target.
    session.run(0, db.connInfo());
    QVERIFY(waitIdle(session));
    QVERIFY2(session.status(0).state == RolloutSession::State::GateHolds,
        qPrintable(session.status(0).message));
    // Nothing used it since: the table's evidence holds; there is no
    // statement evidence here (pg_stat_statements is not preloaded): for a
    // table its counters stand in, and the line says so.
    session.markDone(1);
    session.checkGate(1, db.connInfo());
    QVERIFY(waitIdle(session));
    const QStringList quiet = session.status(1).gate;
    QCOMPARE(quiet.size(), 2);
    QVERIFY2(quiet.first().startsWith(QStringLiteral("✓ no scan and no write of shop.carts")),
        qPrintable(quiet.join(QLatin1Char('\n'))));
    QVERIFY2(quiet.last().startsWith(QStringLiteral("✓"))
            && quiet.last().contains(QLatin1String("the table's own counters are the evidence")),
        qPrintable(quiet.last()));
    QCOMPARE(session.status(1).state, RolloutSession::State::GateHolds);
    // The application still reads it: the gate names the scans, and the
    // drop stays out of reach.
    {
        Connection app;
        QVERIFY(openAndWait(app, db.connInfo()).isNull());
        QVERIFY(runAndWait(app, QStringLiteral("SELECT count(*) FROM shop.carts")).error.isNull());
    }
    bool seen = false;
    for (int i = 0; i < 30 && !seen; ++i) {
        QTest::qWait(200);
        session.checkGate(1, db.connInfo());
        QVERIFY(waitIdle(session));
        seen = session.status(1).gate.first().startsWith(QStringLiteral("✗"));
    }
    QVERIFY2(seen, qPrintable(session.status(1).gate.join(QLatin1Char('\n'))));
    QVERIFY(session.status(1).gate.first().contains(QLatin1String("scans and writes since")));
    QCOMPARE(session.status(1).state, RolloutSession::State::GateFails);
    QCOMPARE(session.reachable(), 1);
    QVERIFY2(session.blockedReason().startsWith(QStringLiteral("Step 2's gate does not hold")),
        qPrintable(session.blockedReason()));
}

QTEST_GUILESS_MAIN(TestRolloutSession)
#include "tst_rolloutsession.moc"
