// Hostile names, part five: the activity monitor. Sessions of a role and in
// databases named with quotes, semicolons, `--` and unicode are read back
// exactly (role, database, application); `tusk activity cancel` and
// `terminate --database` (another process: this one's sessions are Tusk's
// own and refused) end exactly the sessions meant, not those in the
// look-alike database; pg_stat_statements installed in a hostile schema is
// read through that schema.

#include "testsupport.h"
#include "tst_hostilenamesfixture.h"

#include "core/activity/activitycollector.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace tusk::core;
using namespace tusk::test;

namespace {
QString quoted(const QString &name)
{
    return u'"' + QString(name).replace(u'"', u"\"\""_s) + u'"';
}

// Whether `pid` is still in pg_stat_activity after up to `ms`.
bool stillThere(Connection &admin, int pid, int ms)
{
    QElapsedTimer clock;
    clock.start();
    do {
        if (hostile::scalar(admin, u"SELECT count(*) FROM pg_stat_activity WHERE pid = $1"_s, {pid})
            == u"0"_s)
            return false;
        QTest::qWait(50);
    } while (clock.elapsed() < ms);
    return true;
}
} // namespace

class TestHostileNamesActivity : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void sessionsOfHostileNames();
    void statementsInAHostileSchema();

private:
    // A session of the hostile role in `database`; its pid, 0 on failure.
    int openSession(const QString &database, std::unique_ptr<Connection> &session);

    Connection m_admin;
    QString m_role;
    QString m_database;
    QString m_lookAlike;
};

void TestHostileNamesActivity::initTestCase()
{
    QVERIFY2(!clusterConnInfo().isEmpty(), qPrintable(clusterMissingMessage()));
    QVERIFY(openAndWait(m_admin, clusterConnInfo()).isNull());
    const QString pid = QString::number(QCoreApplication::applicationPid());
    m_role = u"Rö\"le; --x "_s + pid;
    m_database = u"Db\"; --x ü "_s + pid;
    m_lookAlike = u"db\"; --x ü "_s + pid;
    QString error;
    QVERIFY2(hostile::run(m_admin,
                 u"CREATE ROLE %1 LOGIN; CREATE DATABASE %2; CREATE DATABASE %3;"_s.arg(
                     quoted(m_role), quoted(m_database), quoted(m_lookAlike)),
                 &error),
        qPrintable(error));
}

void TestHostileNamesActivity::cleanupTestCase()
{
    QString error;
    for (const QString &database : {m_database, m_lookAlike})
        hostile::run(
            m_admin, u"DROP DATABASE IF EXISTS %1 WITH (FORCE)"_s.arg(quoted(database)), &error);
    hostile::run(m_admin, u"DROP ROLE IF EXISTS %1"_s.arg(quoted(m_role)), &error);
}

int TestHostileNamesActivity::openSession(
    const QString &database, std::unique_ptr<Connection> &session)
{
    ConnInfo info = clusterConnInfo(database);
    info.setValue(u"user"_s, m_role);
    info.setValue(u"application_name"_s, u"app\"; --x"_s);
    session = std::make_unique<Connection>();
    session->setAutoReconnect(false);
    if (!openAndWait(*session, info).isNull())
        return 0;
    return hostile::scalar(*session, u"SELECT pg_backend_pid()"_s).toInt();
}

void TestHostileNamesActivity::sessionsOfHostileNames()
{
    std::unique_ptr<Connection> idle, busy, other;
    const int idlePid = openSession(m_database, idle);
    const int busyPid = openSession(m_database, busy);
    const int otherPid = openSession(m_lookAlike, other);
    QVERIFY(idlePid && busyPid && otherPid);
    PgError busyError;
    bool busyDone = false;
    busy->execute(
        u"SELECT pg_sleep(60)"_s, {}, busy.get(), [&](const QList<Result> &, const PgError &e) {
            busyError = e;
            busyDone = true;
        });
    QTRY_VERIFY_WITH_TIMEOUT(
        hostile::scalar(m_admin, u"SELECT state FROM pg_stat_activity WHERE pid = $1"_s, {busyPid})
            == u"active"_s,
        5000);

    // The names as the server holds them.
    ActivityCollector collector;
    collector.setIntervalMs(0);
    collector.start(clusterConnInfo());
    QTRY_VERIFY_WITH_TIMEOUT(collector.isOpen(), 5000);
    QSignalSpy sampled(&collector, &ActivityCollector::sampled);
    collector.sampleNow();
    QVERIFY(sampled.wait(5000));
    const ActivitySample sample = sampled.first().first().value<ActivitySample>();
    for (const int pid : {idlePid, busyPid, otherPid}) {
        const ActivitySession *s = sample.session(pid);
        QVERIFY(s);
        QCOMPARE(s->user, m_role);
        QCOMPARE(s->application, u"app\"; --x"_s);
        QCOMPARE(s->database, pid == otherPid ? m_lookAlike : m_database);
    }
    QCOMPARE(sample.restrictedTo(m_database).sessions.size(), 2);

    const QStringList db {u"--db"_s, clusterConnInfo().toUrl()};
    const QStringList env {u"XDG_STATE_HOME="_s + scratchFolder(u"hostile-activity"_s)};
    QString output;
    QCOMPARE(
        runTusk(QStringList {u"activity"_s, u"cancel"_s, QString::number(busyPid), u"--yes"_s} + db,
            QString(), &output, env),
        0);
    QTRY_VERIFY_WITH_TIMEOUT(busyDone, 5000);
    QCOMPARE(busyError.sqlState, u"57014"_s); // its query was cancelled
    QVERIFY(stillThere(m_admin, otherPid, 0));
    QVERIFY(stillThere(m_admin, busyPid, 0)); // cancelled, not ended

    // Every idle session in the hostile database, none in its look-alike.
    QCOMPARE(runTusk(QStringList {u"activity"_s, u"terminate"_s, u"--state"_s, u"idle"_s,
                         u"--database"_s, m_database, u"--yes"_s}
                     + db,
                 QString(), &output, env),
        0);
    QVERIFY2(!stillThere(m_admin, idlePid, 5000), qPrintable(output));
    QVERIFY2(!stillThere(m_admin, busyPid, 5000), qPrintable(output));
    QVERIFY2(stillThere(m_admin, otherPid, 0), qPrintable(output));
    QCOMPARE(hostile::scalar(*other, u"SELECT 1"_s), u"1"_s);
}

void TestHostileNamesActivity::statementsInAHostileSchema()
{
    const ScratchDatabase db(u"hostilestats"_s);
    QVERIFY2(db.isValid(), qPrintable(db.error()));
    Connection connection;
    QVERIFY(openAndWait(connection, db.connInfo()).isNull());
    QString error;
    QVERIFY2(hostile::run(connection,
                 u"CREATE SCHEMA \"Sch\"\"ema; --x\";"
                 "CREATE EXTENSION pg_stat_statements SCHEMA \"Sch\"\"ema; --x\";"_s,
                 &error),
        qPrintable(error));
    ActivityCollector collector;
    collector.setIntervalMs(0);
    collector.setServerStatsIntervalMs(0);
    QSignalSpy read(&collector, &ActivityCollector::serverStatsRead);
    collector.start(db.connInfo());
    QVERIFY(read.wait(10000));
    const ServerStats stats = read.first().first().value<ServerStats>();
    QVERIFY2(stats.hasStatements, qPrintable(stats.statementsMissing));
    QVERIFY(!stats.statements.isEmpty());
}

QTEST_MAIN(TestHostileNamesActivity)
#include "tst_hostilenamesactivity.moc"
