// The resumable backfill on the real server. Each table has a trigger that
// counts the updates of every row in a side table, so "every row updated
// exactly once" is a query: after a session killed in the middle of a
// batch and a resume, after lock timeouts and retries, after a pause and a
// batch size changed mid-run, after the plain-SQL procedure took over from
// a BackfillRun (and the other way round), and after the `tusk rollout
// backfill` process was killed and run again with --resume.

#include "testsupport.h"

#include "core/migrations/backfill/backfillrun.h"
#include "core/migrations/backfill/backfillspec.h"

#include <QDir>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

using namespace tusk::core;
using namespace tusk::test;

namespace {

enum class Walk { SingleKey, CompositeKey, Ctid };

// A table of `rows` rows (id 1..rows, a = id, b NULL to fill with a * 2),
// its counts table and trigger. The trigger waits on advisory lock
// `lockKey` when it updates row `blockAt`, so a test holding that lock
// stops a batch half done.
QString tableSql(const QString &name, Walk walk, int rows, int blockAt, int lockKey)
{
    const QString columns = walk == Walk::SingleKey
        ? QStringLiteral("id bigint PRIMARY KEY, a integer NOT NULL, b integer")
        : walk == Walk::CompositeKey
        ? QStringLiteral("g integer, id bigint, a integer NOT NULL, b integer, PRIMARY KEY (g, id)")
        : QStringLiteral("id bigint, a integer NOT NULL, b integer");
    const QString insert = walk == Walk::CompositeKey
        ? QStringLiteral(
            "INSERT INTO %1 (g, id, a) SELECT i % 7, i, i FROM generate_series(1, %2) AS i;")
        : QStringLiteral("INSERT INTO %1 (id, a) SELECT i, i FROM generate_series(1, %2) AS i;");
    return QStringLiteral(
               "CREATE TABLE %1 (%2);\n"
               "CREATE TABLE %1_counts (id bigint PRIMARY KEY, n integer NOT NULL);\n"
               "CREATE FUNCTION %1_count() RETURNS trigger LANGUAGE plpgsql AS $$\n"
               "BEGIN\n"
               "    IF NEW.id = %3 THEN PERFORM pg_advisory_xact_lock_shared(%4); END IF;\n"
               "    IF current_setting('tusk_test.writer', true) = 'on' THEN RETURN NEW; END IF;\n"
               "    INSERT INTO %1_counts VALUES (NEW.id, 1)\n"
               "        ON CONFLICT (id) DO UPDATE SET n = %1_counts.n + 1;\n"
               "    RETURN NEW;\n"
               "END $$;\n"
               "CREATE TRIGGER %1_count BEFORE UPDATE ON %1 FOR EACH ROW EXECUTE FUNCTION "
               "%1_count();\n")
               .arg(name, columns)
               .arg(blockAt)
               .arg(lockKey)
        + insert.arg(name).arg(rows) + QStringLiteral("\nANALYZE %1;").arg(name);
}

BackfillSpec specFor(const QString &table)
{
    BackfillSpec spec;
    spec.name = table + QStringLiteral("_b");
    spec.table = QStringLiteral("public.") + table;
    spec.set = QStringLiteral("b = a * 2");
    return spec;
}

PgError runToEnd(BackfillRun &run, int timeoutMs = 60'000)
{
    // The state, not a spy made now: the run may have ended already,
    // while an earlier wait ran the event loop.
    QElapsedTimer clock;
    clock.start();
    while (!run.currentProgress().isOver() && clock.elapsed() < timeoutMs)
        QTest::qWait(10);
    if (!run.currentProgress().isOver())
        return PgError::client(QStringLiteral("the backfill did not finish in time"));
    return run.error();
}

} // namespace

class TestBackfillServer : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void killedMidBatchThenResumed_data();
    void killedMidBatchThenResumed();
    void writerHoldsARowAhead_data();
    void writerHoldsARowAhead();
    void lockTimeoutsAreRetried();
    void stepsAsideForLockWaiters();
    void pauseResumeAndBatchSize();
    void procedureConverges_data();
    void procedureConverges();
    void procedureResumesARun();
    void runResumesTheProcedure();
    void commandKilledThenResumed();

private:
    qint64 scalar(const QString &sql, const QVariantList &params = {});
    bool exec(const QString &sql);
    // Every row of `table` updated exactly once and right; the progress
    // row finished with every row counted.
    void verifyExactlyOnce(const QString &table, int rows);
    qint64 waitForBlockedSession(const QString &applicationName);

    std::unique_ptr<ScratchDatabase> m_db;
    Connection m_admin;
};

void TestBackfillServer::initTestCase()
{
    QVERIFY2(!clusterConnInfo().isEmpty(), qPrintable(clusterMissingMessage()));
    m_db = std::make_unique<ScratchDatabase>(QStringLiteral("backfill"));
    QVERIFY2(m_db->isValid(), qPrintable(m_db->error()));
    QVERIFY(openAndWait(m_admin, m_db->connInfo()).isNull());
}

qint64 TestBackfillServer::scalar(const QString &sql, const QVariantList &params)
{
    const Reply reply = runAndWait(m_admin, sql, params);
    if (!reply.error.isNull() || reply.results.isEmpty()) {
        qWarning().noquote() << sql << reply.error.toString();
        return -1;
    }
    return reply.results.last().text(0, 0).toLongLong();
}

bool TestBackfillServer::exec(const QString &sql)
{
    const Reply reply = runAndWait(m_admin, sql);
    if (!reply.error.isNull())
        qWarning().noquote() << sql << reply.error.toString();
    return reply.error.isNull() && reply.finished;
}

void TestBackfillServer::verifyExactlyOnce(const QString &table, int rows)
{
    QCOMPARE(
        scalar(QStringLiteral("SELECT count(*) FROM %1 WHERE b IS DISTINCT FROM a * 2").arg(table)),
        0);
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM %1_counts").arg(table)), qint64(rows));
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM %1_counts WHERE n <> 1").arg(table)), 0);
    QCOMPARE(scalar(QStringLiteral("SELECT rows_done FROM tusk_rollout.backfill WHERE name = $1"),
                 {QVariant(table + QStringLiteral("_b"))}),
        qint64(rows));
    QCOMPARE(
        scalar(QStringLiteral("SELECT finished::int FROM tusk_rollout.backfill WHERE name = $1"),
            {QVariant(table + QStringLiteral("_b"))}),
        1);
}

// The pid of the session of `applicationName` in this database once it
// waits on an advisory lock (the trigger's); 0 when it never does.
qint64 TestBackfillServer::waitForBlockedSession(const QString &applicationName)
{
    QElapsedTimer clock;
    clock.start();
    while (clock.elapsed() < 30'000) {
        const qint64 pid =
            scalar(QStringLiteral("SELECT COALESCE(max(pid), 0) FROM pg_stat_activity "
                                  "WHERE application_name = $1 AND datname = current_database() "
                                  "AND wait_event_type = 'Lock' AND wait_event = 'advisory'"),
                {applicationName});
        if (pid > 0)
            return pid;
        QTest::qWait(20);
    }
    return 0;
}

void TestBackfillServer::killedMidBatchThenResumed_data()
{
    QTest::addColumn<int>("walk");
    QTest::addColumn<QString>("table");
    QTest::addRow("single key") << int(Walk::SingleKey) << QStringLiteral("kill_single");
    QTest::addRow("composite key") << int(Walk::CompositeKey) << QStringLiteral("kill_composite");
    QTest::addRow("no key: ctid") << int(Walk::Ctid) << QStringLiteral("kill_ctid");
}

void TestBackfillServer::killedMidBatchThenResumed()
{
    QFETCH(int, walk);
    QFETCH(QString, table);
    const int rows = 3000;
    const int lockKey = 1000 + walk;
    QVERIFY(exec(tableSql(table, Walk(walk), rows, 1250, lockKey)));
    QVERIFY(exec(QStringLiteral("SELECT pg_advisory_lock(%1)").arg(lockKey)));
    BackfillSpec spec = specFor(table);
    spec.batchSize = 200;
    spec.lockTimeoutMs = 60'000; // the advisory wait must last until the kill
    BackfillRun first;
    first.start(m_db->connInfo(), spec, false);
    const qint64 pid = waitForBlockedSession(BackfillRun::applicationName());
    QVERIFY2(pid > 0, "the backfill never reached row 1250");
    // Row 1250 is in the middle of a batch: rows before it in that batch
    // are updated, uncommitted, when the session dies.
    QVERIFY(scalar(QStringLiteral("SELECT count(*) FROM pg_stat_activity WHERE pid = $1 "
                                  "AND state = 'active' AND query LIKE 'WITH tusk_prev%'"),
                {pid})
        == 1);
    QVERIFY(exec(QStringLiteral("SELECT pg_terminate_backend(%1)").arg(pid)));
    const PgError killed = runToEnd(first);
    QVERIFY2(!killed.isNull(), "a run whose session was terminated must fail");
    QVERIFY2(killed.message.contains(QStringLiteral("lost")), qPrintable(killed.message));
    QVERIFY(exec(QStringLiteral("SELECT pg_advisory_unlock(%1)").arg(lockKey)));

    // What committed is exactly what the progress row says.
    const qint64 done = scalar(
        QStringLiteral("SELECT rows_done FROM tusk_rollout.backfill WHERE name = $1"), {spec.name});
    QVERIFY2(done > 0 && done < rows, qPrintable(QString::number(done)));
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM %1_counts").arg(table)), done);
    QCOMPARE(
        scalar(QStringLiteral("SELECT count(*) FROM %1 WHERE b IS NOT NULL").arg(table)), done);
    // By key: the whole batches before the one holding row 1250.
    const QString before = Walk(walk) == Walk::CompositeKey
        ? QStringLiteral(
            "SELECT count(*) FROM %1 WHERE (g, id) < (SELECT g, id FROM %1 WHERE id = 1250)")
        : QStringLiteral("SELECT count(*) FROM %1 WHERE id < 1250");
    if (Walk(walk) != Walk::Ctid)
        QCOMPARE(done, scalar(before.arg(table)) / 200 * 200);

    // Without resume, the unfinished row is an error that says what to do.
    BackfillRun refused;
    refused.start(m_db->connInfo(), spec, false);
    const PgError notResumed = runToEnd(refused);
    QCOMPARE(notResumed.sqlState, QStringLiteral("55000"));
    QVERIFY2(
        notResumed.message.contains(QStringLiteral("--resume")), qPrintable(notResumed.message));

    BackfillRun second;
    second.start(m_db->connInfo(), spec, true);
    const PgError resumed = runToEnd(second);
    QVERIFY2(resumed.isNull(), qPrintable(resumed.toString()));
    QCOMPARE(second.currentProgress().rowsThisRun, qint64(rows) - done);
    verifyExactlyOnce(table, rows);
}

void TestBackfillServer::writerHoldsARowAhead_data()
{
    QTest::addColumn<int>("walk");
    QTest::addColumn<QString>("table");
    QTest::addRow("single key") << int(Walk::SingleKey) << QStringLiteral("writer_single");
    QTest::addRow("no key: ctid") << int(Walk::Ctid) << QStringLiteral("writer_ctid");
}

// A writer changed row 500 and has not committed when the backfill gets
// there: the batch waits, then updates the row's new version (which, the
// pages being full, lives elsewhere now).
void TestBackfillServer::writerHoldsARowAhead()
{
    QFETCH(int, walk);
    QFETCH(QString, table);
    const int rows = 2000;
    QVERIFY(exec(tableSql(table, Walk(walk), rows, 0, 0)));
    ConnInfo writerInfo = m_db->connInfo();
    writerInfo.setValue(QStringLiteral("application_name"), QStringLiteral("tusk test writer"));
    Connection writer;
    QVERIFY(openAndWait(writer, writerInfo).isNull());
    const Reply changed = runAndWait(writer,
        QStringLiteral("SET tusk_test.writer = 'on'; BEGIN; UPDATE %1 SET a = a WHERE id = 500")
            .arg(table));
    QVERIFY2(changed.error.isNull(), qPrintable(changed.error.toString()));

    BackfillSpec spec = specFor(table);
    spec.batchSize = 100;
    spec.lockTimeoutMs = 60'000;
    BackfillRun run;
    run.start(m_db->connInfo(), spec, false);
    QElapsedTimer clock;
    clock.start();
    qint64 waiting = 0;
    while (clock.elapsed() < 30'000 && waiting == 0) {
        QTest::qWait(20);
        waiting = scalar(QStringLiteral("SELECT count(*) FROM pg_stat_activity WHERE "
                                        "application_name = 'tusk backfill' AND datname = "
                                        "current_database() AND wait_event_type = 'Lock'"));
    }
    QVERIFY2(waiting == 1, "the backfill never waited for the writer's row");
    QVERIFY(runAndWait(writer, QStringLiteral("COMMIT")).error.isNull());
    const PgError error = runToEnd(run);
    QVERIFY2(error.isNull(), qPrintable(error.toString()));
    verifyExactlyOnce(table, rows);
}

void TestBackfillServer::lockTimeoutsAreRetried()
{
    const QString table = QStringLiteral("locked");
    const int rows = 2000;
    QVERIFY(exec(tableSql(table, Walk::SingleKey, rows, 0, 0)));
    // Another session holds row 700 as a long transaction would.
    Connection holder;
    QVERIFY(openAndWait(holder, m_db->connInfo()).isNull());
    const Reply held = runAndWait(
        holder, QStringLiteral("BEGIN; SELECT id FROM locked WHERE id = 700 FOR UPDATE"));
    QVERIFY(held.error.isNull());

    BackfillSpec spec = specFor(table);
    spec.batchSize = 100;
    spec.lockTimeoutMs = 150;
    spec.maxRetries = 20;
    BackfillRun run;
    bool released = false;
    QStringList statuses;
    connect(&run, &BackfillRun::progress, this, [&](const BackfillProgress &p) {
        statuses.append(p.status);
        if (!released && p.retries >= 3) {
            released = true;
            holder.execute(QStringLiteral("COMMIT"));
        }
    });
    run.start(m_db->connInfo(), spec, false);
    const PgError error = runToEnd(run);
    QVERIFY2(error.isNull(), qPrintable(error.toString()));
    QVERIFY(released);
    QVERIFY(run.currentProgress().retries >= 3);
    QVERIFY2(
        statuses.filter(QStringLiteral("(55P03)")).size() >= 3, qPrintable(statuses.join(u'\n')));
    verifyExactlyOnce(table, rows);
}

// A DDL statement queued for the table (behind a reader) would hold up
// every writer behind it: the backfill waits until the queue is gone.
void TestBackfillServer::stepsAsideForLockWaiters()
{
    const QString table = QStringLiteral("queued");
    const int rows = 3000;
    QVERIFY(exec(tableSql(table, Walk::SingleKey, rows, 0, 0)));
    Connection reader, ddl;
    QVERIFY(openAndWait(reader, m_db->connInfo()).isNull());
    QVERIFY(openAndWait(ddl, m_db->connInfo()).isNull());
    // A long reader: harmless to the backfill, until DDL queues behind it.
    QVERIFY(
        runAndWait(reader, QStringLiteral("BEGIN; SELECT count(*) FROM queued")).error.isNull());
    BackfillSpec spec = specFor(table);
    spec.batchSize = 100;
    spec.pauseMs = 20;
    BackfillRun run;
    bool queued = false;
    bool ddlDone = false;
    connect(&run, &BackfillRun::progress, this, [&](const BackfillProgress &p) {
        if (queued || p.batches < 2)
            return;
        queued = true;
        ddl.execute(QStringLiteral("SET lock_timeout = '60s'; "
                                   "ALTER TABLE queued ADD COLUMN extra integer"),
            {}, this, [&](const QList<Result> &, const PgError &) { ddlDone = true; });
    });
    run.start(m_db->connInfo(), spec, false);
    QTRY_VERIFY_WITH_TIMEOUT(
        run.currentProgress().status.contains(QStringLiteral("wait for a lock on public.queued")),
        30'000);
    QCOMPARE(int(run.currentProgress().state), int(BackfillProgress::State::Waiting));
    const qint64 batches = scalar(
        QStringLiteral("SELECT batches FROM tusk_rollout.backfill WHERE name = $1"), {spec.name});
    QTest::qWait(700);
    QCOMPARE(scalar(QStringLiteral("SELECT batches FROM tusk_rollout.backfill WHERE name = $1"),
                 {spec.name}),
        batches);
    QVERIFY(!ddlDone);
    QVERIFY(runAndWait(reader, QStringLiteral("COMMIT")).error.isNull());
    const PgError error = runToEnd(run);
    QVERIFY2(error.isNull(), qPrintable(error.toString()));
    QTRY_VERIFY_WITH_TIMEOUT(ddlDone, 30'000);
    verifyExactlyOnce(table, rows);
}

void TestBackfillServer::pauseResumeAndBatchSize()
{
    const QString table = QStringLiteral("paused");
    const int rows = 3000;
    QVERIFY(exec(tableSql(table, Walk::SingleKey, rows, 0, 0)));
    BackfillSpec spec = specFor(table);
    spec.batchSize = 50;
    spec.pauseMs = 20;
    BackfillRun run;
    bool pausedOnce = false;
    connect(&run, &BackfillRun::progress, this, [&](const BackfillProgress &p) {
        if (p.batches == 3 && !pausedOnce) {
            pausedOnce = true;
            run.pause();
        }
    });
    run.start(m_db->connInfo(), spec, false);
    QTRY_COMPARE_WITH_TIMEOUT(
        int(run.currentProgress().state), int(BackfillProgress::State::Paused), 30'000);
    QTest::qWait(600);
    // Nothing moves while paused.
    QCOMPARE(scalar(QStringLiteral("SELECT batches FROM tusk_rollout.backfill WHERE name = $1"),
                 {spec.name}),
        3);
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM paused_counts")), 150);
    QCOMPARE(run.currentProgress().status, QStringLiteral("paused"));

    run.setBatchSize(500);
    run.setPauseMs(0);
    run.resume();
    const PgError error = runToEnd(run);
    QVERIFY2(error.isNull(), qPrintable(error.toString()));
    // 3 batches of 50, then 2850 rows in batches of 500.
    QCOMPARE(run.currentProgress().batches, 3 + 6);
    QVERIFY(run.currentProgress().longestBatchMs >= 0);
    verifyExactlyOnce(table, rows);

    // A finished backfill is done at once, resume or not, and touches nothing.
    BackfillRun again;
    again.start(m_db->connInfo(), spec, false);
    QVERIFY(runToEnd(again).isNull());
    QCOMPARE(again.currentProgress().rowsThisRun, qint64(0));
    verifyExactlyOnce(table, rows);
}

void TestBackfillServer::procedureConverges_data()
{
    QTest::addColumn<int>("walk");
    QTest::addColumn<QString>("table");
    QTest::addColumn<QStringList>("keys");
    QTest::addRow("composite key") << int(Walk::CompositeKey) << QStringLiteral("proc_composite")
                                   << QStringList {QStringLiteral("g"), QStringLiteral("id")};
    QTest::addRow("no key: ctid") << int(Walk::Ctid) << QStringLiteral("proc_ctid")
                                  << QStringList {};
}

void TestBackfillServer::procedureConverges()
{
    QFETCH(int, walk);
    QFETCH(QString, table);
    QFETCH(QStringList, keys);
    const int rows = 2500;
    QVERIFY(exec(tableSql(table, Walk(walk), rows, 0, 0)));
    BackfillSpec spec = specFor(table);
    spec.keyColumns = keys;
    spec.batchSize = 300;
    QVERIFY(exec(BackfillSpec::progressTableSql()));
    QVERIFY(exec(spec.procedureSql()));
    // COMMIT inside: CALL must be a statement of its own.
    QVERIFY(exec(spec.callSql()));
    verifyExactlyOnce(table, rows);
    if (Walk(walk) == Walk::CompositeKey)
        QCOMPARE(scalar(QStringLiteral("SELECT batches FROM tusk_rollout.backfill WHERE name = $1"),
                     {spec.name}),
            9); // ceil(2500 / 300)
    // A second CALL finds it finished and changes nothing.
    QVERIFY(exec(spec.callSql()));
    verifyExactlyOnce(table, rows);
}

void TestBackfillServer::procedureResumesARun()
{
    const QString table = QStringLiteral("run_then_proc");
    const int rows = 3000;
    QVERIFY(exec(tableSql(table, Walk::SingleKey, rows, 0, 0)));
    BackfillSpec spec = specFor(table);
    spec.batchSize = 200;
    spec.pauseMs = 10;
    BackfillRun run;
    connect(&run, &BackfillRun::progress, this, [&](const BackfillProgress &p) {
        if (p.batches == 4)
            run.stop();
    });
    run.start(m_db->connInfo(), spec, false);
    const PgError stopped = runToEnd(run);
    QVERIFY(stopped.isCancellation());
    QCOMPARE(scalar(QStringLiteral("SELECT rows_done FROM tusk_rollout.backfill WHERE name = $1"),
                 {spec.name}),
        800);

    // The procedure is written from the same spec (the run found the key).
    spec.keyColumns = run.spec().keyColumns;
    QCOMPARE(spec.keyColumns, QStringList {QStringLiteral("id")});
    QVERIFY(exec(spec.procedureSql()));
    QVERIFY(exec(spec.callSql()));
    QCOMPARE(scalar(QStringLiteral("SELECT batches FROM tusk_rollout.backfill WHERE name = $1"),
                 {spec.name}),
        15);
    verifyExactlyOnce(table, rows);
}

void TestBackfillServer::runResumesTheProcedure()
{
    const QString table = QStringLiteral("proc_then_run");
    const int rows = 3000;
    const int lockKey = 2000;
    QVERIFY(exec(tableSql(table, Walk::SingleKey, rows, 1250, lockKey)));
    BackfillSpec spec = specFor(table);
    spec.keyColumns = {QStringLiteral("id")};
    spec.batchSize = 200;
    QVERIFY(exec(BackfillSpec::progressTableSql()));
    QVERIFY(exec(spec.procedureSql()));
    QVERIFY(exec(QStringLiteral("SELECT pg_advisory_lock(%1)").arg(lockKey)));

    ConnInfo callInfo = m_db->connInfo();
    callInfo.setValue(QStringLiteral("application_name"), QStringLiteral("tusk test call"));
    Connection caller;
    QVERIFY(openAndWait(caller, callInfo).isNull());
    PgError callError;
    bool callEnded = false;
    caller.execute(QStringLiteral("CALL %1(lock_timeout_ms => 60000)").arg(spec.procedureName()),
        {}, this, [&](const QList<Result> &, const PgError &error) {
            callError = error;
            callEnded = true;
        });
    const qint64 pid = waitForBlockedSession(QStringLiteral("tusk test call"));
    QVERIFY2(pid > 0, "the procedure never reached row 1250");
    QVERIFY(exec(QStringLiteral("SELECT pg_cancel_backend(%1)").arg(pid)));
    QTRY_VERIFY_WITH_TIMEOUT(callEnded, 30'000);
    QVERIFY(callError.isCancellation());
    QVERIFY(exec(QStringLiteral("SELECT pg_advisory_unlock(%1)").arg(lockKey)));
    // The procedure committed six batches; the seventh rolled back.
    QCOMPARE(scalar(QStringLiteral("SELECT rows_done FROM tusk_rollout.backfill WHERE name = $1"),
                 {spec.name}),
        1200);
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM proc_then_run_counts")), 1200);

    BackfillRun run;
    run.start(m_db->connInfo(), specFor(table), true);
    const PgError error = runToEnd(run);
    QVERIFY2(error.isNull(), qPrintable(error.toString()));
    verifyExactlyOnce(table, rows);
}

void TestBackfillServer::commandKilledThenResumed()
{
    const QString table = QStringLiteral("cli_killed");
    const int rows = 4000;
    QVERIFY(exec(tableSql(table, Walk::SingleKey, rows, 0, 0)));
    const QString url = m_db->connInfo().toUrl(true);
    const QStringList arguments = {QStringLiteral("rollout"), QStringLiteral("backfill"),
        QStringLiteral("--db"), url, QStringLiteral("--table"), table, QStringLiteral("--set"),
        QStringLiteral("b = a * 2"), QStringLiteral("--batch"), QStringLiteral("100")};

    QProcess slow;
    slow.setProcessChannelMode(QProcess::MergedChannels);
    slow.start(qEnvironmentVariable("TUSK_EXECUTABLE"),
        arguments + QStringList {QStringLiteral("--pause"), QStringLiteral("100")});
    QVERIFY(slow.waitForStarted());
    QElapsedTimer clock;
    clock.start();
    qint64 batches = 0;
    while (clock.elapsed() < 30'000 && batches < 5) {
        QTest::qWait(20);
        batches =
            scalar(QStringLiteral("SELECT COALESCE(max(batches), 0) FROM tusk_rollout.backfill "
                                  "WHERE to_regclass('tusk_rollout.backfill') IS NOT NULL "
                                  "AND name = 'cli_killed_b'"));
    }
    QVERIFY2(batches >= 5, qPrintable(QString::fromUtf8(slow.readAll())));
    slow.kill();
    QVERIFY(slow.waitForFinished());
    QCOMPARE(slow.exitStatus(), QProcess::CrashExit);
    // Its session ends when the server notices (a batch under way still
    // commits, with its progress row); then what committed is consistent.
    QTRY_COMPARE_WITH_TIMEOUT(
        scalar(QStringLiteral("SELECT count(*) FROM pg_stat_activity WHERE application_name = "
                              "'tusk backfill' AND datname = current_database()")),
        0, 30'000);
    const qint64 done = scalar(
        QStringLiteral("SELECT rows_done FROM tusk_rollout.backfill WHERE name = 'cli_killed_b'"));
    QVERIFY2(done >= 500 && done < rows, qPrintable(QString::number(done)));
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM cli_killed_counts")), done);

    QString output;
    QCOMPARE(runTusk(arguments, QDir::tempPath(), &output), 1);
    QVERIFY2(output.contains(QStringLiteral("--resume")), qPrintable(output));

    QCOMPARE(runTusk(arguments
                     + QStringList {QStringLiteral("--resume"), QStringLiteral("--format"),
                         QStringLiteral("json")},
                 QDir::tempPath(), &output),
        0);
    const QString json = output.mid(output.indexOf(u'{'));
    const QJsonObject figures = QJsonDocument::fromJson(json.toUtf8()).object();
    QVERIFY2(figures.value(QStringLiteral("finished")).toBool(), qPrintable(output));
    QCOMPARE(figures.value(QStringLiteral("rows_done")).toInteger(), qint64(rows));
    QCOMPARE(figures.value(QStringLiteral("rows_this_run")).toInteger(), qint64(rows) - done);
    verifyExactlyOnce(table, rows);
}

QTEST_GUILESS_MAIN(TestBackfillServer)
#include "tst_backfillserver.moc"
