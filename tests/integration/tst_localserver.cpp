// LocalServer and DemoDatabase: real clusters in scratch folders.

#include "testsupport.h"

#include "core/sandbox/demodatabase.h"
#include "core/sandbox/localserver.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QSignalSpy>
#include <QTest>

using namespace tusk::core;
using tusk::test::openAndWait;
using tusk::test::runAndWait;

class TestLocalServer : public QObject {
    Q_OBJECT
private slots:
    void startStopRestartRemove();
    void refusesForeignFolder();
    void reportsMissingBinaries();
    void buildsDemoDatabase();
    void ignoresStalePidFile();
    void keepsWhatTuskDidNotCreate();
    void reportsProgramsThatCannotRun();

private:
    // Runs one step and waits for its signal (or failed()).
    bool step(LocalServer &server, void (LocalServer::*action)(), void (LocalServer::*done)(),
        int timeoutMs = 60000, QString *failure = nullptr);
};

bool TestLocalServer::step(LocalServer &server, void (LocalServer::*action)(),
    void (LocalServer::*done)(), int timeoutMs, QString *failure)
{
    QSignalSpy ok(&server, done);
    QSignalSpy failed(&server, &LocalServer::failed);
    (server.*action)();
    QElapsedTimer timer;
    timer.start();
    while (ok.isEmpty() && failed.isEmpty() && timer.elapsed() < timeoutMs)
        QTest::qWait(10);
    if (!failed.isEmpty()) {
        const PgError error = failed.first().first().value<PgError>();
        qWarning().noquote() << "LocalServer failed:" << error.sqlState << error.message;
        if (failure)
            *failure = error.sqlState + QLatin1Char(' ') + error.message;
    }
    return !ok.isEmpty();
}

void TestLocalServer::startStopRestartRemove()
{
    // Two missing levels above the cluster: a fresh machine has no test root.
    const QString top = tusk::test::scratchFolder(QStringLiteral("lifecycle"));
    const QString folder = top + QStringLiteral("/nested/cluster");
    QVERIFY(!QDir(top).exists());
    LocalServer server(folder);
    QVERIFY(!server.isInitialized());
    QVERIFY(!server.isRunning());

    QVERIFY(step(server, &LocalServer::start, &LocalServer::started));
    QVERIFY(server.isInitialized());
    QVERIFY(server.isRunning());
    const int port = server.port();
    QVERIFY(port > 0);
    QVERIFY(QFile::exists(folder + QStringLiteral("/.s.PGSQL.%1").arg(port)));
    QVERIFY(QFile::exists(folder + QStringLiteral("/TUSK_SANDBOX")));
    QFile password(folder + QStringLiteral("/superuser.password"));
    QCOMPARE(password.permissions() & (QFileDevice::ReadOther | QFileDevice::ReadGroup),
        QFileDevice::Permissions());

    {
        Connection c;
        const PgError e = openAndWait(c, server.connInfo());
        QVERIFY2(e.isNull(), qPrintable(e.toString()));
        QVERIFY(c.server()
                    .setting(QStringLiteral("shared_preload_libraries"))
                    .contains(QLatin1String("pg_stat_statements")));
        QCOMPARE(c.server().setting(QStringLiteral("port")), QString::number(port));
        // TCP listens on loopback with a password.
        Connection tcp;
        QVERIFY(openAndWait(tcp, server.tcpConnInfo()).isNull());
        ConnInfo noPassword = server.tcpConnInfo();
        noPassword.remove(QStringLiteral("password"));
        noPassword.setValue(QStringLiteral("passfile"), QStringLiteral("/nonexistent"));
        Connection refused;
        const PgError denied = openAndWait(refused, noPassword);
        QVERIFY2(!denied.isNull(), "TCP must not be trusted");
    }

    // Starting a running server is a no-op that still reports started().
    QVERIFY(step(server, &LocalServer::start, &LocalServer::started));

    const int pid = server.serverPid();
    QVERIFY(step(server, &LocalServer::restart, &LocalServer::started));
    QVERIFY(server.serverPid() != pid);
    QCOMPARE(server.port(), port); // the remembered port is reused

    QVERIFY(step(server, &LocalServer::stop, &LocalServer::stopped));
    QVERIFY(!server.isRunning());
    QVERIFY(server.isInitialized());

    // A second start of the existing cluster: the "startup" the sandbox does
    // every day.
    QElapsedTimer timer;
    timer.start();
    QVERIFY(step(server, &LocalServer::start, &LocalServer::started));
    qInfo("restart of an existing cluster took %lld ms", timer.elapsed());
    QVERIFY(step(server, &LocalServer::remove, &LocalServer::removed));
    QVERIFY(!QDir(folder).exists());
    QVERIFY(QDir(top).removeRecursively());
}

void TestLocalServer::refusesForeignFolder()
{
    const QString folder = tusk::test::scratchFolder(QStringLiteral("foreign"));
    QVERIFY(QDir().mkpath(folder));
    QFile other(folder + QStringLiteral("/notes.txt"));
    QVERIFY(other.open(QIODevice::WriteOnly));
    other.close();
    LocalServer server(folder);
    QString failure;
    QVERIFY(!step(server, &LocalServer::start, &LocalServer::started, 5000, &failure));
    QVERIFY2(failure.startsWith(QLatin1String("42501 "))
            && failure.contains(QLatin1String("not a Tusk sandbox folder")),
        qPrintable(failure));
    QVERIFY(!step(server, &LocalServer::remove, &LocalServer::removed, 5000, &failure));
    QVERIFY(QFile::exists(other.fileName()));
}

void TestLocalServer::reportsMissingBinaries()
{
    LocalServer server(tusk::test::scratchFolder(QStringLiteral("nobin")));
    server.setBinDir(QStringLiteral("/nonexistent/bin"));
    QString failure;
    QVERIFY(!step(server, &LocalServer::start, &LocalServer::started, 5000, &failure));
    QVERIFY2(failure.startsWith(QLatin1String("58P01 "))
            && failure.contains(QLatin1String("/nonexistent/bin does not hold")),
        qPrintable(failure));
}

void TestLocalServer::buildsDemoDatabase()
{
    const QString folder = tusk::test::scratchFolder(QStringLiteral("demo"));
    LocalServer server(folder);
    QVERIFY(step(server, &LocalServer::start, &LocalServer::started));

    DemoDatabase demo(server.connInfo());
    QSignalSpy finished(&demo, &DemoDatabase::finished);
    QSignalSpy failed(&demo, &DemoDatabase::failed);
    QElapsedTimer timer;
    timer.start();
    demo.create();
    QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty() || !failed.isEmpty(), 120000);
    QVERIFY2(failed.isEmpty(), qPrintable(failed.value(0).value(0).value<PgError>().toString()));
    QCOMPARE(finished.first().first().toBool(), true);
    qInfo("demo database built in %lld ms", timer.elapsed());

    Connection c;
    QVERIFY(openAndWait(c, server.connInfo(DemoDatabase::name())).isNull());
    const auto facts = runAndWait(c, QStringLiteral(R"sql(
        SELECT
          (SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition
              AND n.nspname NOT IN ('pg_catalog', 'information_schema')) AS tables,
          (SELECT count(*) FROM pg_constraint WHERE contype = 'f') AS foreign_keys,
          (SELECT max(reltuples) FROM pg_class WHERE relkind = 'r') AS biggest_rows,
          (SELECT count(*) FROM pg_index WHERE NOT indisvalid) AS invalid_indexes,
          (SELECT count(*) FROM pg_constraint WHERE NOT convalidated) AS not_valid_constraints,
          (SELECT count(*) FROM pg_partitioned_table) AS partitioned_tables,
          (SELECT count(*) FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
            WHERE n.nspname NOT IN ('pg_catalog', 'information_schema')
              AND p.proname NOT LIKE 'pg_stat_statements%') AS functions,
          (SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE c.relkind IN ('v', 'm') AND n.nspname NOT IN ('pg_catalog', 'information_schema')
              AND c.relname NOT LIKE 'pg_stat_statements%') AS views,
          -- foreign keys whose referencing columns lead no index
          (SELECT count(*) FROM pg_constraint con
            WHERE con.contype = 'f' AND NOT EXISTS (
              SELECT 1 FROM pg_index i WHERE i.indrelid = con.conrelid
                AND (i.indkey::int2[])[0:array_length(con.conkey, 1) - 1] @> con.conkey)) AS fks_without_index
    )sql"));
    QVERIFY2(facts.error.isNull(), qPrintable(facts.error.toString()));
    const Result &f = facts.results.first();
    QVERIFY2(f.value(0, QStringLiteral("tables")).toInt() >= 18, qPrintable(f.text(0, 0)));
    QVERIFY(f.value(0, QStringLiteral("foreign_keys")).toInt() >= 10);
    QVERIFY(f.value(0, QStringLiteral("biggest_rows")).toDouble() >= 900000);
    QVERIFY(f.value(0, QStringLiteral("invalid_indexes")).toInt() >= 1);
    QVERIFY(f.value(0, QStringLiteral("not_valid_constraints")).toInt() >= 1);
    QVERIFY(f.value(0, QStringLiteral("partitioned_tables")).toInt() >= 1);
    QVERIFY(f.value(0, QStringLiteral("functions")).toInt() >= 3);
    QVERIFY(f.value(0, QStringLiteral("views")).toInt() >= 2);
    QVERIFY(f.value(0, QStringLiteral("fks_without_index")).toInt() >= 1);

    // The planted findings, by name (resources/sql/demo/README.md).
    const auto named = runAndWait(c, QStringLiteral(R"sql(
        SELECT
          (SELECT count(*) FROM shop.order_items) AS order_items,
          (SELECT NOT indisvalid FROM pg_index
            WHERE indexrelid = 'shop.customers_phone_key'::regclass) AS phone_key_invalid,
          (SELECT NOT convalidated FROM pg_constraint
            WHERE conname = 'products_weight_positive') AS check_not_valid,
          (SELECT NOT convalidated FROM pg_constraint
            WHERE conname = 'payments_invoice_id_fkey') AS fk_not_valid,
          (SELECT count(*) FROM pg_inherits
            WHERE inhparent = 'audit.events'::regclass) AS event_partitions,
          (SELECT NOT EXISTS (SELECT 1 FROM pg_index i
             WHERE i.indrelid = 'shop.order_items'::regclass
               AND i.indkey[0] = (SELECT attnum FROM pg_attribute
                                   WHERE attrelid = 'shop.order_items'::regclass
                                     AND attname = 'product_id'))) AS product_fk_unindexed,
          (SELECT idx_scan FROM pg_stat_user_indexes
            WHERE indexrelid = 'shop.customers_marketing_opt_in_idx'::regclass) AS unused_scans,
          (SELECT n_dead_tup FROM pg_stat_user_tables
            WHERE relid = 'shop.inventory'::regclass) AS inventory_dead,
          (SELECT provolatile FROM pg_proc WHERE proname = 'generate_public_token') AS token_volatility,
          (SELECT prokind FROM pg_proc WHERE proname = 'mark_uncollectible') AS procedure_kind,
          (SELECT typtype FROM pg_type WHERE typname = 'money_amount') AS composite_kind,
          (SELECT relrowsecurity FROM pg_class
            WHERE oid = 'billing.invoices'::regclass) AS invoices_rls,
          (SELECT count(*) FROM pg_policy WHERE polname = 'invoices_own_customer') AS policies
    )sql"));
    QVERIFY2(named.error.isNull(), qPrintable(named.error.toString()));
    const Result &n = named.results.first();
    QCOMPARE(n.value(0, QStringLiteral("order_items")).toLongLong(), 1000000);
    QCOMPARE(n.value(0, QStringLiteral("phone_key_invalid")), QVariant(true));
    QCOMPARE(n.value(0, QStringLiteral("check_not_valid")), QVariant(true));
    QCOMPARE(n.value(0, QStringLiteral("fk_not_valid")), QVariant(true));
    QCOMPARE(n.value(0, QStringLiteral("event_partitions")).toInt(), 6);
    QCOMPARE(n.value(0, QStringLiteral("product_fk_unindexed")), QVariant(true));
    QCOMPARE(n.value(0, QStringLiteral("unused_scans")).toLongLong(), 0);
    QVERIFY(n.value(0, QStringLiteral("inventory_dead")).toLongLong() > 0);
    QCOMPARE(n.text(0, n.columnIndex(QStringLiteral("token_volatility"))), QStringLiteral("v"));
    // Every kind the schema browser shows has an example.
    QCOMPARE(n.text(0, n.columnIndex(QStringLiteral("procedure_kind"))), QStringLiteral("p"));
    QCOMPARE(n.text(0, n.columnIndex(QStringLiteral("composite_kind"))), QStringLiteral("c"));
    QCOMPARE(n.value(0, QStringLiteral("invoices_rls")), QVariant(true));
    QCOMPARE(n.value(0, QStringLiteral("policies")).toInt(), 1);

    // A complete demo is kept; asking again builds nothing.
    DemoDatabase again(server.connInfo());
    QSignalSpy againFinished(&again, &DemoDatabase::finished);
    again.create();
    QTRY_VERIFY_WITH_TIMEOUT(!againFinished.isEmpty(), 10000);
    QCOMPARE(againFinished.first().first().toBool(), false);

    c.close();
    QVERIFY(step(server, &LocalServer::remove, &LocalServer::removed));
}

void TestLocalServer::ignoresStalePidFile()
{
    const QString folder = tusk::test::scratchFolder(QStringLiteral("stalepid"));
    LocalServer server(folder);
    QVERIFY(step(server, &LocalServer::start, &LocalServer::started));
    QVERIFY(step(server, &LocalServer::stop, &LocalServer::stopped));

    // A crash leaves postmaster.pid behind; its pid now belongs to another
    // program (this test) and it even says "ready".
    QFile pidFile(server.dataDir() + QStringLiteral("/postmaster.pid"));
    QVERIFY(pidFile.open(QIODevice::WriteOnly));
    pidFile.write(QStringLiteral("%1\n%2\n0\n5432\n%3\n127.0.0.1\n0 0\nready   \n")
                      .arg(QCoreApplication::applicationPid())
                      .arg(server.dataDir(), folder)
                      .toUtf8());
    pidFile.close();
    QVERIFY(!server.isRunning());
    QCOMPARE(server.serverPid(), 0);

    QVERIFY(step(server, &LocalServer::start, &LocalServer::started));
    QVERIFY(server.isRunning());
    QVERIFY(server.serverPid() != QCoreApplication::applicationPid());
    Connection c;
    QVERIFY(openAndWait(c, server.connInfo()).isNull());
    c.close();

    // Busy with a step, the server refuses another instead of racing it.
    QSignalSpy failed(&server, &LocalServer::failed);
    QSignalSpy restarted(&server, &LocalServer::started);
    server.restart();
    server.remove();
    QTRY_COMPARE(failed.size(), 1);
    QCOMPARE(failed.first().first().value<PgError>().sqlState, QStringLiteral("55006"));
    QVERIFY(failed.first().first().value<PgError>().message.contains(QLatin1String("busy")));
    QTRY_COMPARE_WITH_TIMEOUT(restarted.size(), 1, 30000);
    QVERIFY(server.isRunning());
    QVERIFY(step(server, &LocalServer::remove, &LocalServer::removed));
}

void TestLocalServer::keepsWhatTuskDidNotCreate()
{
    // A folder holding only hidden files is not empty.
    const QString hidden = tusk::test::scratchFolder(QStringLiteral("hidden"));
    QVERIFY(QDir().mkpath(hidden + QStringLiteral("/.git")));
    LocalServer refused(hidden);
    QString failure;
    QVERIFY(!step(refused, &LocalServer::start, &LocalServer::started, 5000, &failure));
    QVERIFY2(failure.startsWith(QLatin1String("42501 "))
            && failure.contains(QLatin1String("not a Tusk sandbox folder")),
        qPrintable(failure));
    QVERIFY(QDir(hidden + QStringLiteral("/.git")).exists());

    // Files a person adds to a sandbox survive its removal.
    const QString folder = tusk::test::scratchFolder(QStringLiteral("keep"));
    LocalServer server(folder);
    QVERIFY(step(server, &LocalServer::start, &LocalServer::started));
    QFile notes(folder + QStringLiteral("/notes.md"));
    QVERIFY(notes.open(QIODevice::WriteOnly));
    notes.close();
    QVERIFY(step(server, &LocalServer::remove, &LocalServer::removed));
    QVERIFY(QFile::exists(notes.fileName()));
    QVERIFY(!QDir(folder + QStringLiteral("/data")).exists());
    QVERIFY(!server.isRunning());
}

void TestLocalServer::reportsProgramsThatCannotRun()
{
    // Programs that exist and are executable but cannot be started.
    const QString bin = tusk::test::scratchFolder(QStringLiteral("brokenbin"));
    QVERIFY(QDir().mkpath(bin));
    QFile::setPermissions(
        bin, QFile::permissions(bin) | QFileDevice::ExeOther | QFileDevice::ReadOther);
    for (const char *name : {"initdb", "pg_ctl", "postgres"}) {
        QFile program(bin + QLatin1Char('/') + QLatin1String(name));
        QVERIFY(program.open(QIODevice::WriteOnly));
        program.write("#!/nonexistent/interpreter\n");
        program.close();
        program.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner
            | QFileDevice::ExeOwner | QFileDevice::ReadOther | QFileDevice::ExeOther);
    }
    LocalServer server(tusk::test::scratchFolder(QStringLiteral("brokenbin-cluster")));
    server.setBinDir(bin);
    QString failure;
    QVERIFY(!step(server, &LocalServer::start, &LocalServer::started, 10000, &failure));
    QVERIFY2(
        failure.startsWith(QLatin1String("58000 ")) && failure.contains(QLatin1String("initdb")),
        qPrintable(failure));
    // Not busy any more: the next step is accepted.
    QVERIFY(step(server, &LocalServer::remove, &LocalServer::removed));
}

QTEST_GUILESS_MAIN(TestLocalServer)
#include "tst_localserver.moc"
