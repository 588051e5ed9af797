// The backfill waits while a replica lags: a real standby of the test
// cluster (pg_basebackup, then its own postmaster) that applies WAL only
// after recovery_min_apply_delay, so pg_stat_replication.replay_lag grows
// as the backfill writes. The run must wait (saying why) instead of
// writing on; with the standby stopped it finishes, every row converged.

#include "testsupport.h"

#include "core/migrations/backfill/backfillrun.h"
#include "core/migrations/backfill/backfillspec.h"
#include "core/sandbox/postgresbinaries.h"
#include "core/sandbox/serveraccount.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QTest>

using namespace tusk::core;
using namespace tusk::test;

namespace {
// Runs a server program as the server's account; its output on failure.
QString runAsServer(const QString &program, const QStringList &arguments, int timeoutMs = 120000)
{
    QProcess process;
    ServerAccount::forCurrentProcess().applyTo(process);
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(QDir(PostgresBinaries::findBinDir()).filePath(program), arguments);
    if (!process.waitForFinished(timeoutMs) || process.exitCode() != 0)
        return program + QStringLiteral(" failed: ") + QString::fromUtf8(process.readAll());
    return {};
}

// A port of the standby's own: the test's process id keeps two runs apart.
int standbyPort()
{
    return 20000 + int(QCoreApplication::applicationPid() % 20000);
}
} // namespace

class TestBackfillReplica : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void waitsWhileTheReplicaLags();
    void cleanupTestCase();

private:
    QString m_standby;
    bool m_running = false;
};

void TestBackfillReplica::initTestCase()
{
    QVERIFY2(!clusterConnInfo().isEmpty(), qPrintable(clusterMissingMessage()));
    const ConnInfo primary = clusterConnInfo();
    const QString folder = scratchFolder(QStringLiteral("backfill-standby"));
    m_standby = folder + QStringLiteral("/data");
    QVERIFY(QDir().mkpath(folder));
    const ServerAccount account = ServerAccount::forCurrentProcess();
    QVERIFY2(account.takeOwnership(folder), qPrintable(folder));
    QString failure = runAsServer(QStringLiteral("pg_basebackup"),
        {QStringLiteral("--pgdata=") + m_standby, QStringLiteral("--write-recovery-conf"),
            QStringLiteral("--wal-method=stream"), QStringLiteral("--no-sync"),
            QStringLiteral("--host=") + primary.host(), QStringLiteral("--port=") + primary.port(),
            QStringLiteral("--username=postgres")});
    QVERIFY2(failure.isEmpty(), qPrintable(failure));
    // Replay waits 4 s behind the primary; the standby reports every second.
    QFile conf(m_standby + QStringLiteral("/postgresql.auto.conf"));
    QVERIFY(conf.open(QIODevice::Append));
    conf.write(QStringLiteral("port = %1\nrecovery_min_apply_delay = '4s'\n"
                              "wal_receiver_status_interval = '1s'\nhot_standby = on\n")
                   .arg(standbyPort())
                   .toUtf8());
    conf.close();
    failure = runAsServer(QStringLiteral("pg_ctl"),
        {QStringLiteral("--pgdata=") + m_standby,
            QStringLiteral("--log=") + folder + QStringLiteral("/standby.log"),
            QStringLiteral("--wait"), QStringLiteral("start")});
    QVERIFY2(failure.isEmpty(), qPrintable(failure));
    m_running = true;
}

void TestBackfillReplica::waitsWhileTheReplicaLags()
{
    ScratchDatabase db(QStringLiteral("backfillreplica"));
    QVERIFY2(db.isValid(), qPrintable(db.error()));
    Connection c;
    QVERIFY(openAndWait(c, db.connInfo()).isNull());
    QVERIFY(runAndWait(c,
        QStringLiteral("CREATE TABLE items (id bigint PRIMARY KEY, v int, w int);"
                       "INSERT INTO items SELECT g, g, NULL FROM "
                       "generate_series(1, 20000) g;"))
                .error.isNull());
    // The standby is streaming before the backfill starts.
    bool streaming = false;
    for (int i = 0; i < 100 && !streaming; ++i) {
        const Reply r = runAndWait(c,
            QStringLiteral("SELECT count(*) FROM pg_stat_replication "
                           "WHERE state = 'streaming'"));
        streaming = r.error.isNull() && r.results.first().value(0, 0).toInt() == 1;
        if (!streaming)
            QTest::qWait(100);
    }
    QVERIFY(streaming);

    BackfillSpec spec;
    spec.name = QStringLiteral("items_w");
    spec.table = QStringLiteral("items");
    spec.set = QStringLiteral("w = v * 2");
    spec.batchSize = 200;
    spec.maxReplicaLagSeconds = 1;
    BackfillRun run;
    QString waitedBecause;
    qint64 rowsWhenWaiting = -1;
    connect(&run, &BackfillRun::progress, this, [&](const BackfillProgress &p) {
        if (p.state == BackfillProgress::State::Waiting
            && p.status.contains(QLatin1String("replica lag")) && waitedBecause.isEmpty()) {
            waitedBecause = p.status;
            rowsWhenWaiting = p.rowsDone;
        }
    });
    QSignalSpy finished(&run, &BackfillRun::finished);
    run.start(db.connInfo(), spec, false);
    for (int i = 0; i < 300 && waitedBecause.isEmpty() && finished.isEmpty(); ++i)
        QTest::qWait(100);
    QVERIFY2(!waitedBecause.isEmpty(), "the backfill never waited for the lagging replica");
    QVERIFY2(finished.isEmpty(), "the backfill finished while the replica lagged");
    qInfo("waited: %s (after %lld rows)", qPrintable(waitedBecause), rowsWhenWaiting);
    // It stays put while the lag lasts: no batch for two seconds.
    QTest::qWait(2000);
    QCOMPARE(run.currentProgress().rowsDone, rowsWhenWaiting);
    // The replica goes: no lag left to wait for, and the run finishes.
    QVERIFY(runAsServer(QStringLiteral("pg_ctl"),
        {QStringLiteral("--pgdata=") + m_standby, QStringLiteral("--mode=fast"),
            QStringLiteral("--wait"), QStringLiteral("stop")})
                .isEmpty());
    m_running = false;
    QVERIFY(finished.wait(120000));
    QVERIFY2(finished.first().first().value<PgError>().isNull(),
        qPrintable(finished.first().first().value<PgError>().toString()));
    const Reply left =
        runAndWait(c, QStringLiteral("SELECT count(*) FROM items WHERE w IS DISTINCT FROM v * 2"));
    QCOMPARE(left.results.first().value(0, 0).toInt(), 0);
}

void TestBackfillReplica::cleanupTestCase()
{
    if (m_running)
        runAsServer(QStringLiteral("pg_ctl"),
            {QStringLiteral("--pgdata=") + m_standby, QStringLiteral("--mode=immediate"),
                QStringLiteral("--wait"), QStringLiteral("stop")});
}

QTEST_GUILESS_MAIN(TestBackfillReplica)
#include "tst_backfillreplica.moc"
