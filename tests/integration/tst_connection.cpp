// Connection against the fixture's real PostgreSQL server.

#include "testsecrets.h"
#include "testsupport.h"

#include "core/sandbox/localserver.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace tusk::core;
using tusk::test::openAndWait;
using tusk::test::runAndWait;

class TestConnection : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void connects();
    void connectsByHostName();
    void wrongPasswordIsClear();
    void refusedPortIsClear();
    void unknownHostIsClear();
    void silentServerTimesOut();
    void parametersRoundTrip();
    void severalStatementsGiveSeveralResults();
    void syntaxErrorCarriesPosition();
    void noticesArriveAsSignals();
    void copyOutGivesRows();
    void cancelStopsSleepQuickly();
    void cancelDropsStaleReplies();
    void eventLoopKeepsRunningDuringQuery();
    void terminatedBackendIsReportedAndReconnects();
    void requestsQueueWhileConnecting();
    void executeWhenDisconnectedFails();
    void openWhileBusyEndsTheOldRequest();
    void closeFromANoticeSlotIsSafe();
    void severalHostsTriedInTurn();
    void openNeverFailsBeforeReturning();

private:
    std::unique_ptr<tusk::test::ScratchDatabase> m_db;
};

void TestConnection::initTestCase()
{
    // An unknown host must fail fast even where DNS is slow to answer.
    qputenv("RES_OPTIONS", "timeout:1 attempts:1");
    QVERIFY2(
        !tusk::test::clusterConnInfo().isEmpty(), qPrintable(tusk::test::clusterMissingMessage()));
    m_db = std::make_unique<tusk::test::ScratchDatabase>(QStringLiteral("tst_connection"));
    QVERIFY2(m_db->isValid(), qPrintable(m_db->error()));
}

void TestConnection::cleanupTestCase()
{
    m_db.reset();
}

void TestConnection::connects()
{
    Connection c;
    QSignalSpy states(&c, &Connection::stateChanged);
    QCOMPARE(c.state(), Connection::State::Disconnected);
    const PgError error = openAndWait(c, m_db->connInfo());
    QVERIFY2(error.isNull(), qPrintable(error.toString()));
    QCOMPARE(c.state(), Connection::State::Ready);
    QVERIFY(c.isOpen());
    QVERIFY(states.size() >= 2);
    QCOMPARE(states.first().first().value<Connection::State>(), Connection::State::Connecting);
    const ServerInfo &s = c.server();
    QVERIFY2(s.versionNumber >= 150000, qPrintable(QString::number(s.versionNumber)));
    QVERIFY(s.version.startsWith(QString::number(s.majorVersion())));
    QCOMPARE(s.database, m_db->name());
    QCOMPARE(s.user, QStringLiteral("postgres"));
    QVERIFY(s.backendPid > 0);
    QVERIFY(s.isSuperuser());
    QCOMPARE(s.setting(QStringLiteral("server_encoding")), QStringLiteral("UTF8"));
    QCOMPARE(s.setting(QStringLiteral("client_encoding")), QStringLiteral("UTF8"));
    QCOMPARE(s.setting(QStringLiteral("application_name")), QStringLiteral("tusk"));
    QVERIFY(s.setting(QStringLiteral("shared_preload_libraries"))
                .contains(QLatin1String("pg_stat_statements")));
    QVERIFY(!s.setting(QStringLiteral("max_connections")).isEmpty());
    QCOMPARE(c.transactionStatus(), Connection::TransactionStatus::Idle);

    const auto reply = runAndWait(c, QStringLiteral("SELECT pg_backend_pid()"));
    QVERIFY(reply.error.isNull());
    QCOMPARE(reply.results.first().value(0, 0).toInt(), s.backendPid);
}

void TestConnection::connectsByHostName()
{
    // "localhost" goes through the resolver thread, then TCP and SCRAM.
    LocalServer server(qEnvironmentVariable("TUSK_TEST_CLUSTER"));
    ConnInfo info = server.tcpConnInfo(m_db->name());
    info.setValue(QStringLiteral("host"), QStringLiteral("localhost"));
    Connection c;
    const PgError error = openAndWait(c, info);
    QVERIFY2(error.isNull(), qPrintable(error.toString()));
    const auto reply = runAndWait(c, QStringLiteral("SELECT inet_server_addr() IS NOT NULL"));
    QCOMPARE(reply.results.first().value(0, 0), QVariant(true));
}

void TestConnection::wrongPasswordIsClear()
{
    LocalServer server(qEnvironmentVariable("TUSK_TEST_CLUSTER"));
    ConnInfo info = server.tcpConnInfo(m_db->name());
    info.setValue(QStringLiteral("password"), QStringLiteral(TUSK_TEST_PASSWORD_WRONG));
    Connection c;
    QSignalSpy failed(&c, &Connection::openFailed);
    const PgError error = openAndWait(c, info);
    QCOMPARE(failed.size(), 1);
    QCOMPARE(error.sqlState, QStringLiteral("28P01"));
    QCOMPARE(error.severity, QStringLiteral("FATAL"));
    QVERIFY2(error.message.startsWith(
                 QLatin1String("password authentication failed for user \"postgres\"")),
        qPrintable(error.message));
    QVERIFY(!error.toString().contains(QLatin1String(TUSK_TEST_PASSWORD_WRONG)));
    QCOMPARE(c.state(), Connection::State::Disconnected);
}

void TestConnection::refusedPortIsClear()
{
    // A port nobody listens on: bound by us, never listened to, then freed.
    ConnInfo info;
    info.setValue(QStringLiteral("host"), QStringLiteral("127.0.0.1"));
    info.setValue(QStringLiteral("port"), QStringLiteral("1"));
    info.setValue(QStringLiteral("dbname"), QStringLiteral("x"));
    Connection c;
    QElapsedTimer timer;
    timer.start();
    const PgError error = openAndWait(c, info);
    QCOMPARE(error.origin, PgError::Origin::Connection);
    QCOMPARE(error.sqlState, QStringLiteral("08001"));
    QVERIFY2(
        error.message.startsWith(QLatin1String("cannot reach the server at \"127.0.0.1\", port 1")),
        qPrintable(error.message));
    QVERIFY(error.message.endsWith(QLatin1String("Connection refused")));
    QVERIFY2(
        error.hint.contains(QLatin1String("accepting TCP/IP connections")), qPrintable(error.hint));
    QVERIFY(error.isConnectionFailure());
    QVERIFY(timer.elapsed() < 5000);
}

void TestConnection::unknownHostIsClear()
{
    ConnInfo info;
    info.setValue(QStringLiteral("host"), QStringLiteral("no-such-host.invalid"));
    info.setValue(QStringLiteral("dbname"), QStringLiteral("x"));
    Connection c;
    const PgError error = openAndWait(c, info);
    QCOMPARE(error.sqlState, QStringLiteral("08001"));
    QVERIFY2(error.message.contains(
                 QLatin1String("could not translate host name \"no-such-host.invalid\"")),
        qPrintable(error.message));
}

void TestConnection::silentServerTimesOut()
{
    // A loopback socket that accepts TCP but never speaks: libpq would wait
    // forever; the connect timeout ends it.
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    QVERIFY(fd >= 0);
    sockaddr_in addr {};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof addr;
    QVERIFY(::bind(fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr) == 0);
    QVERIFY(::listen(fd, 4) == 0);
    QVERIFY(::getsockname(fd, reinterpret_cast<sockaddr *>(&addr), &len) == 0);

    ConnInfo info;
    info.setValue(QStringLiteral("host"), QStringLiteral("127.0.0.1"));
    info.setValue(QStringLiteral("port"), QString::number(ntohs(addr.sin_port)));
    info.setValue(QStringLiteral("dbname"), QStringLiteral("x"));
    info.setValue(QStringLiteral("sslmode"), QStringLiteral("disable"));
    Connection c;
    c.setConnectTimeout(400);
    QElapsedTimer timer;
    timer.start();
    const PgError error = openAndWait(c, info);
    const qint64 elapsed = timer.elapsed();
    ::close(fd);
    QVERIFY2(error.message.contains(QLatin1String("timeout expired")), qPrintable(error.message));
    QVERIFY2(elapsed >= 350 && elapsed < 3000, qPrintable(QString::number(elapsed)));
    QCOMPARE(c.state(), Connection::State::Disconnected);
}

void TestConnection::parametersRoundTrip()
{
    Connection c;
    QVERIFY(openAndWait(c, m_db->connInfo()).isNull());
    const QString unicode = QStringLiteral("Grüße, 東京 🐘 — ‘quotes’ and 'ascii' \\ backslash");
    const auto reply = runAndWait(c,
        QStringLiteral(
            "SELECT $1::text AS t, $2::int + 1 AS i, $3::text IS NULL AS n, $3::text AS "
            "nul, $4::text AS u, length($4::text) AS ulen, $5::bool AS b, $6::text AS e, "
            "$7::bigint AS big"),
        {QStringLiteral("hello"), 41, QVariant(), unicode, true, QString(QLatin1String("")),
            qint64(9007199254740993LL)});
    QVERIFY2(reply.error.isNull(), qPrintable(reply.error.toString()));
    QCOMPARE(reply.results.size(), 1);
    const Result &r = reply.results.first();
    QCOMPARE(r.rowCount(), 1);
    QCOMPARE(r.value(0, QStringLiteral("t")), QVariant(QStringLiteral("hello")));
    QCOMPARE(r.value(0, QStringLiteral("i")), QVariant(42));
    QCOMPARE(r.value(0, QStringLiteral("n")), QVariant(true));
    QVERIFY(r.isNull(0, r.columnIndex(QStringLiteral("nul"))));
    QCOMPARE(r.text(0, r.columnIndex(QStringLiteral("u"))), unicode);
    QCOMPARE(r.value(0, QStringLiteral("ulen")).toInt(), unicode.toUcs4().size());
    QCOMPARE(r.value(0, QStringLiteral("b")), QVariant(true));
    QVERIFY(!r.isNull(0, r.columnIndex(QStringLiteral("e"))));
    QVERIFY(r.text(0, r.columnIndex(QStringLiteral("e"))).isEmpty());
    QCOMPARE(r.value(0, QStringLiteral("big")), QVariant(qint64(9007199254740993LL)));
    QCOMPARE(r.column(1).typeOid, 23u);
    QCOMPARE(r.commandTag(), QStringLiteral("SELECT 1"));
}

void TestConnection::severalStatementsGiveSeveralResults()
{
    Connection c;
    QVERIFY(openAndWait(c, m_db->connInfo()).isNull());
    const auto reply = runAndWait(c,
        QStringLiteral("SELECT 1 AS one; SELECT 2, 3 UNION ALL SELECT 4, 5; "
                       "CREATE TEMP TABLE t (x int); INSERT INTO t VALUES (1), (2), (3); "
                       "UPDATE t SET x = x + 1 WHERE x > 1"));
    QVERIFY2(reply.error.isNull(), qPrintable(reply.error.toString()));
    QCOMPARE(reply.results.size(), 5);
    QCOMPARE(reply.results.at(0).value(0, QStringLiteral("one")), QVariant(1));
    QCOMPARE(reply.results.at(1).rowCount(), 2);
    QCOMPARE(reply.results.at(1).value(1, 1), QVariant(5));
    QCOMPARE(reply.results.at(2).commandTag(), QStringLiteral("CREATE TABLE"));
    QVERIFY(!reply.results.at(2).hasRows());
    QCOMPARE(reply.results.at(3).commandTag(), QStringLiteral("INSERT 0 3"));
    QCOMPARE(reply.results.at(3).affectedRows(), 3);
    QCOMPARE(reply.results.at(4).affectedRows(), 2);

    // An error stops the rest of the string; what ran before still arrived.
    const auto failing = runAndWait(c, QStringLiteral("SELECT 1; SELECT 1/0; SELECT 3"));
    QCOMPARE(failing.results.size(), 1);
    QCOMPARE(failing.error.sqlState, QStringLiteral("22012"));
}

void TestConnection::syntaxErrorCarriesPosition()
{
    Connection c;
    QVERIFY(openAndWait(c, m_db->connInfo()).isNull());
    // Characters, not bytes: the ü and the line break come before the error.
    const QString sql = QStringLiteral("SELECT 'ü' AS a,\n       2 FRM nothing");
    const auto reply = runAndWait(c, sql);
    QCOMPARE(reply.error.sqlState, QStringLiteral("42601"));
    QCOMPARE(reply.error.origin, PgError::Origin::Server);
    QCOMPARE(reply.error.severity, QStringLiteral("ERROR"));
    QVERIFY2(reply.error.message.contains(QLatin1String("\"nothing\"")),
        qPrintable(reply.error.message));
    QCOMPARE(reply.error.position, int(sql.indexOf(QLatin1String("nothing"))) + 1);
    QVERIFY(reply.results.isEmpty());
    // The session is still fine.
    QCOMPARE(runAndWait(c, QStringLiteral("SELECT 1")).results.size(), 1);
}

void TestConnection::noticesArriveAsSignals()
{
    Connection c;
    QVERIFY(openAndWait(c, m_db->connInfo()).isNull());
    QSignalSpy notices(&c, &Connection::notice);
    const auto reply = runAndWait(c,
        QStringLiteral("DO $$ BEGIN RAISE NOTICE 'hello %', 42 USING HINT = 'a hint'; "
                       "RAISE WARNING 'careful'; END $$"));
    QVERIFY(reply.error.isNull());
    QCOMPARE(notices.size(), 2);
    const auto first = notices.at(0).first().value<PgError>();
    QCOMPARE(first.severity, QStringLiteral("NOTICE"));
    QCOMPARE(first.message, QStringLiteral("hello 42"));
    QCOMPARE(first.hint, QStringLiteral("a hint"));
    QCOMPARE(notices.at(1).first().value<PgError>().severity, QStringLiteral("WARNING"));
}

void TestConnection::copyOutGivesRows()
{
    Connection c;
    QVERIFY(openAndWait(c, m_db->connInfo()).isNull());
    const auto reply = runAndWait(
        c, QStringLiteral("COPY (SELECT g, 'x' || g FROM generate_series(1, 3) g) TO STDOUT"));
    QVERIFY2(reply.error.isNull(), qPrintable(reply.error.toString()));
    QVERIFY(!reply.results.isEmpty());
    QCOMPARE(reply.results.first().rowCount(), 3);
    QCOMPARE(reply.results.first().text(2, 0), QStringLiteral("3\tx3"));

    const auto copyIn =
        runAndWait(c, QStringLiteral("CREATE TEMP TABLE ci (x int); COPY ci FROM STDIN"));
    QCOMPARE(copyIn.error.sqlState, QStringLiteral("57014"));
    QVERIFY(copyIn.error.message.contains(QLatin1String("COPY FROM STDIN is not supported")));
    QCOMPARE(runAndWait(c, QStringLiteral("SELECT 1")).results.size(), 1);
}

void TestConnection::cancelStopsSleepQuickly()
{
    Connection c;
    QVERIFY(openAndWait(c, m_db->connInfo()).isNull());
    Connection watcher;
    QVERIFY(openAndWait(watcher, m_db->connInfo()).isNull());
    QSignalSpy finished(&c, &Connection::requestFinished);
    const quint64 id = c.execute(QStringLiteral("SELECT pg_sleep(30)"));
    QCOMPARE(c.state(), Connection::State::Busy);
    // Cancel once the server is really sleeping: a cancel that arrives
    // while the backend is still reading the command is ignored by it.
    QTRY_VERIFY_WITH_TIMEOUT(
        runAndWait(watcher,
            QStringLiteral("SELECT wait_event FROM pg_stat_activity WHERE pid = $1"),
            {c.server().backendPid})
                .results.value(0)
                .text(0, 0)
            == QLatin1String("PgSleep"),
        5000);
    QElapsedTimer timer;
    timer.start();
    c.cancel();
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 5000);
    const qint64 elapsed = timer.elapsed();
    QCOMPARE(finished.first().at(0).toULongLong(), id);
    const auto error = finished.first().at(1).value<PgError>();
    QCOMPARE(error.sqlState, QStringLiteral("57014"));
    QVERIFY(error.isCancellation());
    QVERIFY2(elapsed < 1000, qPrintable(QStringLiteral("cancel took %1 ms").arg(elapsed)));
    QCOMPARE(c.state(), Connection::State::Ready);
    QCOMPARE(runAndWait(c, QStringLiteral("SELECT 1")).results.size(), 1);
}

void TestConnection::cancelDropsStaleReplies()
{
    Connection c;
    QVERIFY(openAndWait(c, m_db->connInfo()).isNull());
    QSignalSpy results(&c, &Connection::resultReady);
    QSignalSpy finished(&c, &Connection::requestFinished);
    const quint64 running =
        c.execute(QStringLiteral("SELECT g FROM generate_series(1, 3000000) g"));
    const quint64 queued = c.execute(QStringLiteral("SELECT 'never'"));
    c.cancel();
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, 10000);
    // The queued one ends at once, the running one after the server stops it.
    QCOMPARE(finished.at(0).at(0).toULongLong(), queued);
    QCOMPARE(finished.at(1).at(0).toULongLong(), running);
    for (const auto &f : finished)
        QVERIFY(f.at(1).value<PgError>().isCancellation());
    QTest::qWait(100);
    QCOMPARE(results.size(), 0);
    const auto after = runAndWait(c, QStringLiteral("SELECT 'fresh'"));
    QCOMPARE(after.results.first().text(0, 0), QStringLiteral("fresh"));
}

void TestConnection::eventLoopKeepsRunningDuringQuery()
{
    Connection c;
    QVERIFY(openAndWait(c, m_db->connInfo()).isNull());
    int ticks = 0;
    QTimer timer;
    timer.setInterval(10);
    connect(&timer, &QTimer::timeout, this, [&ticks] { ++ticks; });
    timer.start();
    const auto reply = runAndWait(c, QStringLiteral("SELECT pg_sleep(2)"));
    timer.stop();
    QVERIFY(reply.error.isNull());
    QVERIFY2(reply.elapsedMs >= 2000, qPrintable(QString::number(reply.elapsedMs)));
    QVERIFY2(ticks >= 100,
        qPrintable(QStringLiteral("%1 ticks in %2 ms").arg(ticks).arg(reply.elapsedMs)));
}

void TestConnection::terminatedBackendIsReportedAndReconnects()
{
    Connection victim;
    Connection killer;
    QVERIFY(openAndWait(victim, m_db->connInfo()).isNull());
    QVERIFY(openAndWait(killer, m_db->connInfo()).isNull());
    const int oldPid = victim.server().backendPid;
    QSignalSpy finished(&victim, &Connection::requestFinished);
    QSignalSpy lost(&victim, &Connection::lost);
    QSignalSpy reopened(&victim, &Connection::opened);

    const quint64 id = victim.execute(QStringLiteral("SELECT pg_sleep(30)"));
    QTest::qWait(300);
    const auto kill =
        runAndWait(killer, QStringLiteral("SELECT pg_terminate_backend($1)"), {oldPid});
    QCOMPARE(kill.results.first().value(0, 0), QVariant(true));

    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 5000);
    QCOMPARE(finished.first().at(0).toULongLong(), id);
    const auto error = finished.first().at(1).value<PgError>();
    QCOMPARE(error.sqlState, QStringLiteral("57P01"));
    QVERIFY2(
        error.message.contains(QLatin1String("terminating connection")), qPrintable(error.message));
    QVERIFY(error.isConnectionFailure());
    QCOMPARE(lost.size(), 1);

    QTRY_COMPARE_WITH_TIMEOUT(reopened.size(), 1, 5000);
    QCOMPARE(victim.state(), Connection::State::Ready);
    QVERIFY(victim.server().backendPid != oldPid);
    const auto after = runAndWait(victim, QStringLiteral("SELECT current_database()"));
    QCOMPARE(after.results.first().text(0, 0), m_db->name());
}

void TestConnection::requestsQueueWhileConnecting()
{
    Connection c;
    QSignalSpy results(&c, &Connection::resultReady);
    QSignalSpy opened(&c, &Connection::opened);
    c.open(m_db->connInfo());
    const quint64 first = c.execute(QStringLiteral("SELECT 1"));
    const quint64 second = c.execute(QStringLiteral("SELECT $1::int"), {2});
    QVERIFY(second > first);
    QCOMPARE(c.queuedRequests(), 2);
    QTRY_COMPARE_WITH_TIMEOUT(results.size(), 2, 5000);
    QCOMPARE(opened.size(), 1);
    QCOMPARE(results.at(0).at(0).toULongLong(), first);
    QCOMPARE(results.at(1).at(1).value<Result>().value(0, 0), QVariant(2));
}

void TestConnection::executeWhenDisconnectedFails()
{
    Connection c;
    QSignalSpy finished(&c, &Connection::requestFinished);
    const quint64 id = c.execute(QStringLiteral("SELECT 1"));
    QCOMPARE(finished.size(), 0); // the caller has the id before the signal
    QTRY_COMPARE(finished.size(), 1);
    QCOMPARE(finished.first().at(0).toULongLong(), id);
    QCOMPARE(finished.first().at(1).value<PgError>().sqlState, QStringLiteral("08003"));
}

void TestConnection::openWhileBusyEndsTheOldRequest()
{
    Connection c;
    QVERIFY(openAndWait(c, m_db->connInfo()).isNull());
    QSignalSpy finished(&c, &Connection::requestFinished);
    const quint64 sleeping = c.execute(QStringLiteral("SELECT pg_sleep(5)"));
    QTest::qWait(100);
    const PgError reopened = openAndWait(c, m_db->connInfo());
    QVERIFY2(reopened.isNull(), qPrintable(reopened.toString()));
    QCOMPARE(finished.size(), 1);
    QCOMPARE(finished.first().at(0).toULongLong(), sleeping);
    QCOMPARE(finished.first().at(1).value<PgError>().sqlState, QStringLiteral("08003"));
    QCOMPARE(runAndWait(c, QStringLiteral("SELECT 1")).results.size(), 1);
}

void TestConnection::closeFromANoticeSlotIsSafe()
{
    Connection c;
    QVERIFY(openAndWait(c, m_db->connInfo()).isNull());
    QSignalSpy finished(&c, &Connection::requestFinished);
    connect(&c, &Connection::notice, &c, [&c] { c.close(); });
    c.execute(
        QStringLiteral("DO $$ BEGIN RAISE NOTICE 'one'; RAISE NOTICE 'two'; END $$; SELECT 1"));
    QTRY_COMPARE(finished.size(), 1);
    QCOMPARE(finished.first().at(1).value<PgError>().sqlState, QStringLiteral("08003"));
    QCOMPARE(c.state(), Connection::State::Disconnected);
    QTest::qWait(50);
    QCOMPARE(finished.size(), 1); // exactly once
}

void TestConnection::severalHostsTriedInTurn()
{
    // libpq tries each host; the report names the last one and keeps all.
    ConnInfo info;
    info.setValue(QStringLiteral("host"), QStringLiteral("127.0.0.1,127.0.0.1"));
    info.setValue(QStringLiteral("port"), QStringLiteral("1,2"));
    info.setValue(QStringLiteral("dbname"), QStringLiteral("x"));
    Connection c;
    const PgError error = openAndWait(c, info);
    QVERIFY2(error.message.contains(QLatin1String("port 2")), qPrintable(error.message));
    QVERIFY(error.detail.contains(QLatin1String("port 1")));

    // A good host after a bad one is reached.
    LocalServer server(qEnvironmentVariable("TUSK_TEST_CLUSTER"));
    ConnInfo fallback = server.tcpConnInfo(m_db->name());
    fallback.setValue(QStringLiteral("host"), QStringLiteral("127.0.0.1,127.0.0.1"));
    fallback.setValue(QStringLiteral("port"), QStringLiteral("1,%1").arg(server.port()));
    Connection good;
    const PgError none = openAndWait(good, fallback);
    QVERIFY2(none.isNull(), qPrintable(none.toString()));
}

void TestConnection::openNeverFailsBeforeReturning()
{
    // A socket folder with no server fails inside libpq's first step; the
    // caller still gets control back before hearing of it.
    ConnInfo info;
    info.setValue(QStringLiteral("host"), tusk::test::scratchFolder(QStringLiteral("nosocket")));
    info.setValue(QStringLiteral("dbname"), QStringLiteral("x"));
    Connection c;
    QSignalSpy failed(&c, &Connection::openFailed);
    c.open(info);
    QCOMPARE(failed.size(), 0);
    QCOMPARE(c.state(), Connection::State::Connecting);
    QTRY_COMPARE(failed.size(), 1);
    QCOMPARE(failed.first().first().value<PgError>().sqlState, QStringLiteral("08001"));
}

QTEST_GUILESS_MAIN(TestConnection)
#include "tst_connection.moc"
