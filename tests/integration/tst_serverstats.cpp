// What the activity collector reads besides its samples, on the test
// cluster (which preloads pg_stat_statements and pg_wait_sampling, as the
// sandbox does): the top statements by time with their calls counted over
// a window, the wait profile with a sleeping session's Timeout:PgSleep in
// it, and a database without the extensions told how to get them.

#include "testsupport.h"

#include "core/activity/activitycollector.h"
#include "core/pg/connection.h"

#include <QSignalSpy>
#include <QTest>

using namespace tusk::core;
using namespace tusk::test;

class TestServerStats : public QObject {
    Q_OBJECT
private slots:
    void statementsAndWaitsOverAWindow();
    void saysHowToGetTheExtensions();

private:
    ServerStats read(ActivityCollector &collector);
};

ServerStats TestServerStats::read(ActivityCollector &collector)
{
    QSignalSpy read(&collector, &ActivityCollector::serverStatsRead);
    collector.serverStatsNow();
    collector.sampleNow();
    if (!read.wait(10000))
        return {};
    return read.first().first().value<ServerStats>();
}

void TestServerStats::statementsAndWaitsOverAWindow()
{
    QVERIFY2(!clusterConnInfo().isEmpty(), qPrintable(clusterMissingMessage()));
    ScratchDatabase db(QStringLiteral("serverstats"));
    QVERIFY2(db.isValid(), qPrintable(db.error()));
    Connection session;
    QVERIFY(openAndWait(session, db.connInfo()).isNull());
    const Reply setup = runAndWait(session,
        QStringLiteral(
            "CREATE EXTENSION pg_stat_statements; CREATE EXTENSION pg_wait_sampling; "
            "CREATE TABLE counted (id int); INSERT INTO counted SELECT generate_series(1, 100)"));
    QVERIFY2(setup.error.isNull(), qPrintable(setup.error.message));

    ActivityCollector collector;
    collector.setIntervalMs(0);
    collector.setServerStatsIntervalMs(0);
    QSignalSpy first(&collector, &ActivityCollector::serverStatsRead);
    collector.start(db.connInfo());
    QVERIFY(first.wait(10000)); // read once when the collector opens
    const ServerStats before = first.first().first().value<ServerStats>();
    QVERIFY2(before.hasStatements, qPrintable(before.statementsMissing));
    QVERIFY2(before.hasWaitProfile, qPrintable(before.waitProfileMissing));

    for (int i = 0; i < 7; ++i)
        QVERIFY(runAndWait(session, QStringLiteral("SELECT count(*) FROM counted WHERE id > 3"))
                    .error.isNull());
    QVERIFY(runAndWait(session, QStringLiteral("SELECT pg_sleep(0.5)")).error.isNull());
    const ServerStats after = read(collector);
    QVERIFY(after.takenAt > before.takenAt);

    const QList<StatementDelta> top =
        ServerStatsDeltas::statements(before, after, 500, ServerStatsDeltas::Order::Calls);
    const auto counted = std::find_if(top.begin(), top.end(), [&](const StatementDelta &d) {
        return d.query.contains(QLatin1String("FROM counted WHERE id >"))
            && d.database == db.name();
    });
    QVERIFY2(counted != top.end(), "the statement run seven times is in the window");
    QCOMPARE(counted->calls, 7);
    QCOMPARE(counted->rows, 7);
    QVERIFY(counted->totalMs > 0);
    const auto sleep = std::find_if(top.begin(), top.end(),
        [](const StatementDelta &d) { return d.query.contains(QLatin1String("pg_sleep")); });
    QVERIFY(sleep != top.end());
    QVERIFY2(sleep->meanMs() >= 500, qPrintable(QString::number(sleep->meanMs())));
    // By total time, the half-second sleep comes before the seven counts.
    const QList<StatementDelta> byTime =
        ServerStatsDeltas::statements(before, after, 500, ServerStatsDeltas::Order::TotalTime);
    QVERIFY(std::find_if(byTime.begin(), byTime.end(), [](const StatementDelta &d) {
        return d.query.contains(QLatin1String("pg_sleep"));
    }) < std::find_if(byTime.begin(), byTime.end(), [](const StatementDelta &d) {
        return d.query.contains(QLatin1String("FROM counted WHERE id >"));
    }));

    const QList<WaitDelta> waits = ServerStatsDeltas::waits(before, after);
    const auto slept = std::find_if(waits.begin(), waits.end(), [](const WaitDelta &w) {
        return w.eventType == QLatin1String("Timeout") && w.event == QLatin1String("PgSleep");
    });
    QVERIFY2(slept != waits.end(), "pg_wait_sampling saw the sleep");
    QVERIFY(slept->count > 0 && slept->share > 0 && slept->share <= 1);
}

void TestServerStats::saysHowToGetTheExtensions()
{
    ScratchDatabase db(QStringLiteral("serverstatsnone"));
    QVERIFY2(db.isValid(), qPrintable(db.error()));
    ActivityCollector collector;
    collector.setIntervalMs(0);
    QSignalSpy first(&collector, &ActivityCollector::serverStatsRead);
    collector.start(db.connInfo());
    QVERIFY(first.wait(10000));
    const ServerStats stats = first.first().first().value<ServerStats>();
    QVERIFY(!stats.hasStatements && !stats.hasWaitProfile);
    QVERIFY(stats.statementsMissing.contains(QLatin1String("CREATE EXTENSION pg_stat_statements")));
    QVERIFY(stats.waitProfileMissing.contains(QLatin1String("postgresql-15-pg-wait-sampling")));
}

QTEST_MAIN(TestServerStats)
#include "tst_serverstats.moc"
