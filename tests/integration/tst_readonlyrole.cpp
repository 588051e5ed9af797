#include "catalogtesthelpers.h"
#include "core/catalog/catalogsnapshot.h"
#include "core/catalog/objectreader.h"
#include "core/pg/queryrunner.h"
#include "core/plan/whatifindex.h"
#include "core/rollout/rolloutplanner.h"
#include "core/rollout/rolloutsession.h"
#include "testsupport.h"

#include <QCoreApplication>
#include <QDir>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace tusk::core;
using namespace tusk::test;

// Every tool on a session that may not write: a role with
// default_transaction_read_only = on (ALTER ROLE … SET), and a role with no
// privileges at all (no USAGE on the schema, no grants). Each tool is driven
// through core or its command, on a scratch database of the fixture's
// cluster, and must end with a message that says what stood in the way:
// nothing crashes, nothing hangs, nothing claims what did not happen.
class TestReadOnlyRole : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void schemaBrowserAndHealth_data();
    void schemaBrowserAndHealth();
    void schemaDetails_data();
    void schemaDetails();
    void editorWritesAndHealthFixesAreRefused_data();
    void editorWritesAndHealthFixesAreRefused();
    void lintReadsTheCatalogAsUnprivileged();
    void explainAnalyzeOfAWriteInAReadOnlySession();
    void whatIfIndexSaysWhyHypopgCannotBeMade_data();
    void whatIfIndexSaysWhyHypopgCannotBeMade();
    void whatIfIndexWorksReadOnlyOnceHypopgIsThere();
    void activityHidesOthersAndRefusesSignals();
    void rolloutStepFailsClearly_data();
    void rolloutStepFailsClearly();

private:
    ConnInfo as(const QString &role) const;
    int tusk(const QStringList &arguments, QString *output) const;
    bool admin(const QString &sql) const;

    std::unique_ptr<ScratchDatabase> m_db;
    QString m_readOnly; // ALTER ROLE … SET default_transaction_read_only = on
    QString m_unprivileged; // no grants, no USAGE on public
    QString m_scratch;
};

void TestReadOnlyRole::initTestCase()
{
    QVERIFY2(!clusterConnInfo().isEmpty(), qPrintable(clusterMissingMessage()));
    const qint64 pid = QCoreApplication::applicationPid();
    m_readOnly = QStringLiteral("tusk_ro_%1").arg(pid);
    m_unprivileged = QStringLiteral("tusk_noperm_%1").arg(pid);
    m_db = std::make_unique<ScratchDatabase>(QStringLiteral("readonlyrole"));
    QVERIFY2(m_db->isValid(), qPrintable(m_db->error()));
    m_scratch = scratchFolder(QStringLiteral("readonlyrole"));
    QVERIFY(QDir().mkpath(m_scratch));

    Connection c;
    QVERIFY(openAndWait(c, clusterConnInfo()).isNull());
    for (const QString &role : {m_readOnly, m_unprivileged})
        runAndWait(c, QStringLiteral("DROP ROLE IF EXISTS %1").arg(role));
    QVERIFY(runAndWait(c,
        QStringLiteral("CREATE ROLE %1 LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE; "
                       "ALTER ROLE %1 SET default_transaction_read_only = on; "
                       "CREATE ROLE %2 LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE")
            .arg(m_readOnly, m_unprivileged))
                .error.isNull());
    // The read-only role may do everything to the tables but write (its
    // session refuses that); the other may do nothing in the schema.
    QVERIFY(admin(QStringLiteral(
        "CREATE TABLE public.customers (id int PRIMARY KEY, name text); "
        "CREATE TABLE public.orders (id int PRIMARY KEY, customer_id int REFERENCES "
        "public.customers, total numeric); "
        "INSERT INTO public.customers SELECT g, 'c' || g FROM generate_series(1, 100) g; "
        "INSERT INTO public.orders SELECT g, 1 + g % 100, g FROM generate_series(1, 2000) g; "
        "ANALYZE; "
        "REVOKE ALL ON SCHEMA public FROM PUBLIC; "
        "GRANT USAGE, CREATE ON SCHEMA public TO %1; "
        "GRANT ALL ON ALL TABLES IN SCHEMA public TO %1")
                      .arg(m_readOnly)));
}

void TestReadOnlyRole::cleanupTestCase()
{
    // The database first: the grants in it would keep the roles.
    m_db.reset();
    Connection c;
    if (openAndWait(c, clusterConnInfo()).isNull()) {
        for (const QString &role : {m_readOnly, m_unprivileged})
            runAndWait(c, QStringLiteral("DROP ROLE IF EXISTS %1").arg(role));
    }
}

ConnInfo TestReadOnlyRole::as(const QString &role) const
{
    ConnInfo info = m_db->connInfo();
    info.setValue(QStringLiteral("user"), role);
    return info;
}

int TestReadOnlyRole::tusk(const QStringList &arguments, QString *output) const
{
    return runTusk(arguments, m_scratch, output);
}

bool TestReadOnlyRole::admin(const QString &sql) const
{
    Connection c;
    if (!openAndWait(c, m_db->connInfo()).isNull())
        return false;
    const Reply reply = runAndWait(c, sql);
    if (!reply.error.isNull())
        qWarning("%s", qPrintable(reply.error.toString()));
    return reply.error.isNull();
}

void TestReadOnlyRole::schemaBrowserAndHealth_data()
{
    QTest::addColumn<bool>("unprivileged");
    QTest::newRow("read-only role") << false;
    QTest::newRow("unprivileged role") << true;
}

// The catalog, one object's DDL and the health checks read pg_catalog only,
// which every role may: each works and says what it found.
void TestReadOnlyRole::schemaBrowserAndHealth()
{
    QFETCH(bool, unprivileged);
    const QString url = as(unprivileged ? m_unprivileged : m_readOnly).toUrl();
    QString output;
    QCOMPARE(tusk({QStringLiteral("schema"), QStringLiteral("--db"), url}, &output), 0);
    QVERIFY2(output.contains(QLatin1String("table public.orders"))
            && output.contains(QLatin1String("orders_customer_id_fkey")),
        qPrintable(output));

    QCOMPARE(tusk({QStringLiteral("schema"), QStringLiteral("--ddl"),
                      QStringLiteral("public.orders"), QStringLiteral("--db"), url},
                 &output),
        0);
    QVERIFY2(output.contains(QLatin1String("CREATE TABLE public.orders")), qPrintable(output));

    QCOMPARE(tusk({QStringLiteral("health"), QStringLiteral("--db"), url}, &output), 0);
    QVERIFY2(output.contains(QLatin1String("missing-fk-index"))
            && output.contains(QLatin1String(
                "CREATE INDEX CONCURRENTLY orders_customer_id_idx ON public.orders (customer_id)")),
        qPrintable(output));
}

void TestReadOnlyRole::schemaDetails_data()
{
    schemaBrowserAndHealth_data();
}

// The Schema browser's details of a table: the snapshot, exact sizes and
// what depends on it, read on the role's own session.
void TestReadOnlyRole::schemaDetails()
{
    QFETCH(bool, unprivileged);
    Connection session;
    QVERIFY(openAndWait(session, as(unprivileged ? m_unprivileged : m_readOnly)).isNull());
    QString failure;
    const CatalogSnapshot snapshot = loadSnapshot(session, {}, &failure);
    QVERIFY2(failure.isEmpty(), qPrintable(failure));
    const Oid orders = rel(snapshot, QStringLiteral("public.orders")).oid;
    QVERIFY(orders != 0);

    ObjectReader reader(&session);
    QSignalSpy sizes(&reader, &ObjectReader::sizesReady);
    QSignalSpy sizesFailed(&reader, &ObjectReader::sizesFailed);
    reader.readSizes(snapshot, orders);
    QTRY_VERIFY_WITH_TIMEOUT(sizes.count() + sizesFailed.count() == 1, 10000);
    QVERIFY2(sizesFailed.isEmpty(),
        qPrintable(sizesFailed.value(0).value(1).value<PgError>().toString()));
    QVERIFY(sizes.first().at(3).toLongLong() > 0);

    QSignalSpy dependents(&reader, &ObjectReader::dependentsReady);
    QSignalSpy dependentsFailed(&reader, &ObjectReader::dependentsFailed);
    const Oid customers = rel(snapshot, QStringLiteral("public.customers")).oid;
    reader.readDependents(customers);
    QTRY_VERIFY_WITH_TIMEOUT(dependents.count() + dependentsFailed.count() == 1, 10000);
    QVERIFY2(dependentsFailed.isEmpty(),
        qPrintable(dependentsFailed.value(0).value(1).value<PgError>().toString()));
}

void TestReadOnlyRole::editorWritesAndHealthFixesAreRefused_data()
{
    QTest::addColumn<bool>("unprivileged");
    QTest::addColumn<QString>("sql");
    QTest::addColumn<QString>("sqlState");
    QTest::addColumn<QString>("said");

    QTest::newRow("read-only: INSERT")
        << false << QStringLiteral("INSERT INTO public.orders VALUES (9999, 1, 1)")
        << QStringLiteral("25006")
        << QStringLiteral("cannot execute INSERT in a read-only transaction");
    // The health check's online fix, opened in the editor and run there.
    QTest::newRow("read-only: the health fix")
        << false
        << QStringLiteral(
               "CREATE INDEX CONCURRENTLY orders_customer_id_idx ON public.orders (customer_id)")
        << QStringLiteral("25006")
        << QStringLiteral("cannot execute CREATE INDEX in a read-only transaction");
    QTest::newRow("unprivileged: SELECT")
        << true << QStringLiteral("SELECT * FROM public.orders") << QStringLiteral("42501")
        << QStringLiteral("permission denied for schema public");
    QTest::newRow("unprivileged: the health fix")
        << true
        << QStringLiteral(
               "CREATE INDEX CONCURRENTLY orders_customer_id_idx ON public.orders (customer_id)")
        << QStringLiteral("42501") << QStringLiteral("permission denied for schema public");
}

// The SQL editor's session (QueryRunner): the server's refusal is what the
// run ends with, and the session stays usable.
void TestReadOnlyRole::editorWritesAndHealthFixesAreRefused()
{
    QFETCH(bool, unprivileged);
    QFETCH(QString, sql);
    QFETCH(QString, sqlState);
    QFETCH(QString, said);
    QueryRunner runner;
    runner.setConnInfo(as(unprivileged ? m_unprivileged : m_readOnly));
    QSignalSpy finished(&runner, &QueryRunner::finished);
    QVERIFY(runner.run(sql));
    QVERIFY(finished.wait(20000));
    const PgError error = finished.first().first().value<PgError>();
    QCOMPARE(error.sqlState, sqlState);
    QVERIFY2(error.toString().contains(said), qPrintable(error.toString()));
    QVERIFY(!error.isConnectionFailure());
    // Nothing was written, and the tab goes on.
    QVERIFY(runner.run(QStringLiteral("SELECT 1")));
    QVERIFY(finished.wait(20000));
    QVERIFY(finished.last().first().value<PgError>().isNull());
    Connection c;
    QVERIFY(openAndWait(c, m_db->connInfo()).isNull());
    const Reply count = runAndWait(c,
        QStringLiteral("SELECT (SELECT count(*) FROM public.orders), (SELECT count(*) FROM "
                       "pg_indexes WHERE indexname = 'orders_customer_id_idx')"));
    QCOMPARE(count.results.first().text(0, 0), QStringLiteral("2000"));
    QCOMPARE(count.results.first().text(0, 1), QStringLiteral("0"));
}

// The linter's catalog (SchemaFactsLoader) reads pg_class, which no grant
// hides: the size of a table this role may not even read still counts.
void TestReadOnlyRole::lintReadsTheCatalogAsUnprivileged()
{
    const QString file = m_scratch + QStringLiteral("/add-column.sql");
    QVERIFY(writeFile(file,
        "ALTER TABLE public.orders ADD COLUMN note text NOT NULL DEFAULT 'x';\n"
        "CREATE INDEX orders_total_idx ON public.orders (total);\n"));
    QString output;
    const int code =
        tusk({QStringLiteral("lint"), QStringLiteral("--db"), as(m_unprivileged).toUrl(), file},
            &output);
    QCOMPARE(code, 1); // warnings reach the default --fail-on
    QVERIFY2(output.contains(QLatin1String("here orders:"))
            && output.contains(QLatin1String("about 2000 rows")),
        qPrintable(output));
    QVERIFY2(!output.contains(QLatin1String("cannot read the catalog")), qPrintable(output));
}

void TestReadOnlyRole::explainAnalyzeOfAWriteInAReadOnlySession()
{
    const QString url = as(m_readOnly).toUrl();
    const QString update = QStringLiteral("UPDATE public.orders SET total = 0 WHERE id = 1");
    QString output;
    QCOMPARE(tusk({QStringLiteral("explain"), QStringLiteral("--analyze"), update,
                      QStringLiteral("--db"), url},
                 &output),
        1);
    QVERIFY2(output.contains(QLatin1String("the server refused the statement"))
            && output.contains(
                QLatin1String("ERROR 25006: cannot execute UPDATE in a read-only transaction")),
        qPrintable(output));
    QVERIFY2(output.contains(QLatin1String("this session is read-only")), qPrintable(output));
    // It never ran: nothing may say it ran and was undone.
    QVERIFY2(!output.contains(QLatin1String("ran UPDATE")), qPrintable(output));
    QVERIFY2(!output.contains(QLatin1String("its changes were undone")), qPrintable(output));

    // Without ANALYZE the plan is there, read-only or not.
    QCOMPARE(tusk({QStringLiteral("explain"), update, QStringLiteral("--db"), url}, &output), 0);
    QVERIFY2(output.contains(QLatin1String("Update on orders")), qPrintable(output));

    // The unprivileged role cannot even plan it, and is told why.
    QCOMPARE(tusk({QStringLiteral("explain"), update, QStringLiteral("--db"),
                      as(m_unprivileged).toUrl()},
                 &output),
        1);
    QVERIFY2(
        output.contains(QLatin1String("permission denied for schema public")), qPrintable(output));
}

void TestReadOnlyRole::whatIfIndexSaysWhyHypopgCannotBeMade_data()
{
    QTest::addColumn<bool>("unprivileged");
    QTest::addColumn<QString>("said");
    QTest::newRow("read-only role")
        << false << QStringLiteral("cannot execute CREATE EXTENSION in a read-only transaction");
    // No schema it may create in: the server refuses before it gets to
    // the extension's own rights.
    QTest::newRow("unprivileged role")
        << true << QStringLiteral("no schema has been selected to create in");
}

// HypoPG is installed on the server but not created in the database; these
// sessions may not create it, and the outcome says so with the server's words.
void TestReadOnlyRole::whatIfIndexSaysWhyHypopgCannotBeMade()
{
    QFETCH(bool, unprivileged);
    QFETCH(QString, said);
    WhatIfIndex whatIf;
    QSignalSpy finished(&whatIf, &WhatIfIndex::finished);
    whatIf.start(as(unprivileged ? m_unprivileged : m_readOnly),
        "SELECT * FROM public.orders WHERE customer_id = 7",
        WhatIfCandidate {
            QStringLiteral("public"), QStringLiteral("orders"), {QStringLiteral("customer_id")}});
    QVERIFY(finished.wait(20000));
    const auto outcome = finished.first().first().value<WhatIfIndex::Outcome>();
    QVERIFY(!outcome.ok());
    QVERIFY(outcome.needsHypopg);
    QVERIFY2(outcome.error.message.contains(QLatin1String("CREATE EXTENSION hypopg"))
            && outcome.error.message.contains(said),
        qPrintable(outcome.error.toString()));
    QVERIFY(!outcome.before && !outcome.after);
}

// Once an administrator created HypoPG, a read-only session can ask what an
// index would do: a hypothetical index writes nothing.
void TestReadOnlyRole::whatIfIndexWorksReadOnlyOnceHypopgIsThere()
{
    QVERIFY(admin(QStringLiteral("CREATE EXTENSION hypopg")));
    WhatIfIndex whatIf;
    QSignalSpy finished(&whatIf, &WhatIfIndex::finished);
    whatIf.start(as(m_readOnly), "SELECT * FROM public.orders WHERE customer_id = 7",
        WhatIfCandidate {
            QStringLiteral("public"), QStringLiteral("orders"), {QStringLiteral("customer_id")}});
    QVERIFY(finished.wait(20000));
    const auto outcome = finished.first().first().value<WhatIfIndex::Outcome>();
    QVERIFY(admin(QStringLiteral("DROP EXTENSION hypopg")));
    QVERIFY2(outcome.ok(), qPrintable(outcome.error.toString()));
    QVERIFY(outcome.indexUsed);
    QCOMPARE(outcome.hypotheticalLeft, 0);
}

// The Activity monitor as a role that may see and signal only its own
// sessions: other users' queries are hidden and it says why; cancel and
// terminate of another role's session are refused with the server's words
// and who may do it, and the session goes on.
void TestReadOnlyRole::activityHidesOthersAndRefusesSignals()
{
    Connection superuser;
    Connection readOnly;
    QVERIFY(openAndWait(superuser, m_db->connInfo()).isNull());
    QVERIFY(openAndWait(readOnly, as(m_readOnly)).isNull());
    superuser.execute(QStringLiteral("SELECT pg_sleep(60)"));
    readOnly.execute(QStringLiteral("SELECT pg_sleep(60)"));
    const QString superuserPid = QString::number(superuser.server().backendPid);
    const QString readOnlyPid = QString::number(readOnly.server().backendPid);
    Connection watcher;
    QVERIFY(openAndWait(watcher, m_db->connInfo()).isNull());
    QTRY_COMPARE_WITH_TIMEOUT(
        runAndWait(watcher,
            QStringLiteral("SELECT count(*) FROM pg_stat_activity WHERE pid IN (%1, %2) AND "
                           "wait_event = 'PgSleep'")
                .arg(superuserPid, readOnlyPid))
            .results.value(0)
            .text(0, 0),
        QStringLiteral("2"), 10000);

    const QString url = as(m_unprivileged).toUrl();
    QString output;
    QCOMPARE(tusk({QStringLiteral("activity"), QStringLiteral("--all"),
                      QStringLiteral("--this-database"), QStringLiteral("--db"), url},
                 &output),
        0);
    QVERIFY2(output.contains(QLatin1String("<insufficient privilege>"))
            && output.contains(QLatin1String("other users' queries are hidden: membership in "
                                             "pg_read_all_stats would show them")),
        qPrintable(output));
    QVERIFY2(!output.contains(QLatin1String("pg_sleep")), qPrintable(output));
    // Without --all too: a session whose state is hidden is not an idle one.
    QCOMPARE(tusk({QStringLiteral("activity"), QStringLiteral("--this-database"),
                      QStringLiteral("--db"), url},
                 &output),
        0);
    QVERIFY2(output.contains(QRegularExpression(QStringLiteral("\\n%1 ").arg(superuserPid)))
            && output.contains(QRegularExpression(QStringLiteral("\\n%1 ").arg(readOnlyPid))),
        qPrintable(output));

    QCOMPARE(tusk({QStringLiteral("activity"), QStringLiteral("cancel"), superuserPid,
                      QStringLiteral("--yes"), QStringLiteral("--db"), url},
                 &output),
        1);
    QVERIFY2(output.contains(QStringLiteral("cancel %1: refused by the server: must be a superuser "
                                            "to cancel superuser query")
                                 .arg(superuserPid))
            && output.contains(QLatin1String("a superuser's session: only a superuser")),
        qPrintable(output));
    QCOMPARE(tusk({QStringLiteral("activity"), QStringLiteral("terminate"), superuserPid,
                      QStringLiteral("--yes"), QStringLiteral("--db"), url},
                 &output),
        1);
    QVERIFY2(
        output.contains(QStringLiteral("terminate %1: refused by the server").arg(superuserPid)),
        qPrintable(output));
    QCOMPARE(tusk({QStringLiteral("activity"), QStringLiteral("terminate"), readOnlyPid,
                      QStringLiteral("--yes"), QStringLiteral("--db"), url},
                 &output),
        1);
    QVERIFY2(output.contains(QStringLiteral("terminate %1: refused by the server").arg(readOnlyPid))
            && output.contains(QLatin1String("pg_signal_backend")),
        qPrintable(output));

    // Both sessions still sleep.
    QCOMPARE(superuser.state(), Connection::State::Busy);
    QCOMPARE(readOnly.state(), Connection::State::Busy);
    superuser.cancel();
    readOnly.cancel();
}

void TestReadOnlyRole::rolloutStepFailsClearly_data()
{
    QTest::addColumn<bool>("unprivileged");
    QTest::addColumn<QString>("said");
    QTest::newRow("read-only role")
        << false << QStringLiteral("cannot execute CREATE INDEX in a read-only transaction");
    QTest::newRow("unprivileged role")
        << true << QStringLiteral("permission denied for schema public");
}

// The Rollout wizard's Run step on the target: the step fails, with the
// server's reason in its one line, and nothing was built.
void TestReadOnlyRole::rolloutStepFailsClearly()
{
    QFETCH(bool, unprivileged);
    QFETCH(QString, said);
    RolloutSession session;
    session.setPlan(RolloutPlanner::plan(
        "CREATE INDEX orders_total_idx ON public.orders (total);", CatalogSnapshot()));
    QVERIFY(session.stepCount() >= 1);
    QSignalSpy busy(&session, &RolloutSession::busyChanged);
    session.run(0, as(unprivileged ? m_unprivileged : m_readOnly));
    while (session.isBusy())
        QVERIFY(busy.wait(30000));
    const RolloutSession::Status &status = session.status(0);
    QVERIFY2(status.state == RolloutSession::State::Failed, qPrintable(status.message));
    QVERIFY2(status.message.startsWith(QLatin1String("Step 1 failed: "))
            && status.message.contains(said),
        qPrintable(status.message));
    Connection c;
    QVERIFY(openAndWait(c, m_db->connInfo()).isNull());
    const Reply built = runAndWait(
        c, QStringLiteral("SELECT count(*) FROM pg_indexes WHERE indexname = 'orders_total_idx'"));
    QCOMPARE(built.results.value(0).text(0, 0), QStringLiteral("0"));
}

QTEST_GUILESS_MAIN(TestReadOnlyRole)
#include "tst_readonlyrole.moc"
