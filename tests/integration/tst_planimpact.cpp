// The plan impact of a migration on the test cluster (issue 25, point 6):
// a table of 20,000 orders with an index on customer_id; the migration
// drops that index. Of the queries given, the one that used the index
// is kept with "Seq Scan … replaces Index Scan using …", queries that do
// not use the index are left out as not concerned, a normalized statement from
// pg_stat_statements ($1) is explained as a generic plan, and a migration
// that fails says at which statement.

#include "testsupport.h"

#include "core/pg/connection.h"
#include "core/rollout/planimpact.h"

#include <QSignalSpy>
#include <QTest>

using namespace tusk::core;
using namespace tusk::test;

class TestPlanImpact : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void pureParts();
    void droppedIndexComesFirst();
    void failingMigrationSaysWhere();
    void topQueriesFromStatStatements();

private:
    std::unique_ptr<ScratchDatabase> m_db;
};

void TestPlanImpact::initTestCase()
{
    QVERIFY2(!clusterConnInfo().isEmpty(), qPrintable(clusterMissingMessage()));
}

void TestPlanImpact::pureParts()
{
    QCOMPARE(
        PlanImpact::parameterCount(QStringLiteral("SELECT * FROM t WHERE a = $1 AND b = $12")), 12);
    QCOMPARE(
        PlanImpact::parameterCount(QStringLiteral("SELECT '$3', \"$4\" -- $5\n FROM t /* $6 */")),
        0);
    const QSet<QString> names = PlanImpact::changedNames(QByteArrayLiteral(
        "DROP INDEX shop.orders_customer_idx; ALTER TABLE shop.items ADD COLUMN w int;"));
    QVERIFY2(names.contains(QStringLiteral("orders_customer_idx")),
        qPrintable(names.values().join(u',')));
    QVERIFY(
        names.contains(QStringLiteral("items")) && names.contains(QStringLiteral("shop.items")));
}

namespace {
// 20,000 orders with an index on customer_id, and a notes table beside
// them; the error, or nothing.
QString makeOrders(const ConnInfo &database)
{
    Connection setup;
    if (const PgError e = openAndWait(setup, database); !e.isNull())
        return e.message;
    return runAndWait(setup,
        QStringLiteral(
            "CREATE SCHEMA shop; "
            "CREATE TABLE shop.orders (id bigint PRIMARY KEY, customer_id int NOT NULL, "
            "total numeric NOT NULL); "
            "INSERT INTO shop.orders SELECT g, g % 2000, g FROM generate_series(1, 20000) g; "
            "CREATE INDEX orders_customer_idx ON shop.orders (customer_id); "
            "CREATE TABLE shop.notes (id int PRIMARY KEY, body text); ANALYZE"))
        .error.message;
}

QList<PlanImpact::Outcome> runImpact(const ConnInfo &scratch, const QByteArray &migration,
    const QList<PlanImpact::Query> &queries, QString *error)
{
    PlanImpact impact;
    QSignalSpy finished(&impact, &PlanImpact::finished);
    QSignalSpy failed(&impact, &PlanImpact::failed);
    impact.run(scratch, migration, queries, false);
    for (int i = 0; i < 3000 && finished.isEmpty() && failed.isEmpty(); ++i)
        QTest::qWait(10);
    if (finished.isEmpty() && failed.isEmpty()) {
        *error = QStringLiteral("no answer in 30 s");
        return {};
    }
    if (!failed.isEmpty()) {
        *error = failed.first().first().toString();
        return {};
    }
    return finished.first().first().value<QList<PlanImpact::Outcome>>();
}
} // namespace

void TestPlanImpact::droppedIndexComesFirst()
{
    ScratchDatabase db(QStringLiteral("planimpact"));
    QVERIFY2(db.isValid(), qPrintable(db.error()));
    QVERIFY2(makeOrders(db.connInfo()).isEmpty(), "the orders were made");

    const QList<PlanImpact::Query> queries {
        {QStringLiteral("SELECT sum(total) FROM shop.notes n JOIN shop.orders o ON o.id = n.id"),
            QStringLiteral("queries.sql, statement 1")},
        {QStringLiteral("SELECT * FROM shop.orders WHERE customer_id = $1"),
            QStringLiteral("pg_stat_statements")},
        {QStringLiteral("SELECT body FROM shop.notes WHERE id = 7;"),
            QStringLiteral("queries.sql, statement 3")},
    };
    QString error;
    const QList<PlanImpact::Outcome> outcomes = runImpact(
        db.connInfo(), QByteArrayLiteral("DROP INDEX shop.orders_customer_idx;"), queries, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    // The notes-only query, and the join that reads orders by its primary
    // key, do not use what the migration changes: left out.
    QCOMPARE(outcomes.size(), 1);
    const PlanImpact::Outcome &worst = outcomes.first();
    QCOMPARE(worst.query.source, QStringLiteral("pg_stat_statements"));
    QVERIFY2(worst.error.isEmpty(), qPrintable(worst.error));
    QCOMPARE(worst.verdict.worse.size(), 1);
    QVERIFY2(worst.verdict.worse.first().startsWith(QLatin1String("Seq Scan on orders replaces ")),
        qPrintable(worst.verdict.worse.first()));
    QVERIFY2(worst.verdict.worse.first().contains(QLatin1String("using orders_customer_idx")),
        qPrintable(worst.verdict.worse.first()));
    QVERIFY(worst.verdict.ratio() > 2);
    QVERIFY(worst.verdict.isWorse());
    QVERIFY(!worst.before.isEmpty() && !worst.after.isEmpty());

    // The index goes and another comes: every query on orders is concerned
    // now (CREATE INDEX names the table), worst first, the one the new
    // index helps last.
    ScratchDatabase again(QStringLiteral("planimpact2"));
    QVERIFY2(again.isValid(), qPrintable(again.error()));
    QVERIFY2(makeOrders(again.connInfo()).isEmpty(), "the orders were made");
    const QList<PlanImpact::Outcome> both = runImpact(again.connInfo(),
        QByteArrayLiteral("DROP INDEX shop.orders_customer_idx;\n"
                          "CREATE INDEX orders_total_idx ON shop.orders (total);"),
        queries
            + QList<PlanImpact::Query> {{QStringLiteral(
                                             "SELECT id FROM shop.orders WHERE total = 5"),
                QStringLiteral("queries.sql, statement 4")}},
        &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(both.size(), 3); // the notes-only query is still not concerned
    QCOMPARE(both.first().query.source, QStringLiteral("pg_stat_statements"));
    QVERIFY(both.first().verdict.isWorse());
    QCOMPARE(both.last().query.source, QStringLiteral("queries.sql, statement 4"));
    QCOMPARE(both.last().verdict.better.size(), 1);
    QVERIFY2(both.last().verdict.better.first().contains(QLatin1String("using orders_total_idx")),
        qPrintable(both.last().verdict.better.first()));
}

void TestPlanImpact::failingMigrationSaysWhere()
{
    ScratchDatabase db(QStringLiteral("planimpactfail"));
    QVERIFY2(db.isValid(), qPrintable(db.error()));
    QString error;
    runImpact(db.connInfo(),
        QByteArrayLiteral("CREATE TABLE a (id int);\nDROP INDEX nothing_here;"),
        {{QStringLiteral("SELECT 1"), QStringLiteral("q")}}, &error);
    QVERIFY2(error.startsWith(QLatin1String("The migration failed on the scratch database at "
                                            "statement 2 (DROP INDEX nothing_here")),
        qPrintable(error));
}

// The target's top queries come from pg_stat_statements, normalized ($1),
// this database's only, DML and queries only; explained as generic plans
// they show the lost index like a query written by hand.
void TestPlanImpact::topQueriesFromStatStatements()
{
    ScratchDatabase db(QStringLiteral("planimpacttop"));
    QVERIFY2(db.isValid(), qPrintable(db.error()));
    Connection session;
    QVERIFY(openAndWait(session, db.connInfo()).isNull());
    const Reply made = runAndWait(session,
        QStringLiteral("CREATE EXTENSION pg_stat_statements; "
                       "CREATE TABLE orders (id bigint PRIMARY KEY, customer_id int NOT NULL); "
                       "INSERT INTO orders SELECT g, g % 500 FROM generate_series(1, 20000) g; "
                       "CREATE INDEX orders_customer_idx ON orders (customer_id); ANALYZE"));
    QVERIFY2(made.error.isNull(), qPrintable(made.error.message));
    for (int i = 0; i < 5; ++i)
        QVERIFY(runAndWait(
            session, QStringLiteral("SELECT count(*) FROM orders WHERE customer_id = %1").arg(i))
                    .error.isNull());

    PlanImpact impact;
    QSignalSpy read(&impact, &PlanImpact::topQueriesRead);
    impact.readTopQueries(db.connInfo(), 10);
    QVERIFY(read.wait(10000));
    const auto queries = read.first().first().value<QList<PlanImpact::Query>>();
    QVERIFY2(read.first().at(1).toString().isEmpty(), qPrintable(read.first().at(1).toString()));
    const auto normalized =
        std::find_if(queries.begin(), queries.end(), [](const PlanImpact::Query &q) {
            return q.sql == QLatin1String("SELECT count(*) FROM orders WHERE customer_id = $1");
        });
    QVERIFY2(normalized != queries.end(), "the five counts are one normalized statement");
    QVERIFY2(normalized->source.startsWith(QLatin1String("pg_stat_statements: 5 calls")),
        qPrintable(normalized->source));
    for (const PlanImpact::Query &q : queries)
        QVERIFY2(!q.sql.startsWith(QLatin1String("CREATE")), qPrintable(q.sql)); // no utility

    QString error;
    const QList<PlanImpact::Outcome> outcomes = runImpact(
        db.connInfo(), QByteArrayLiteral("DROP INDEX orders_customer_idx;"), queries, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(!outcomes.isEmpty());
    QCOMPARE(outcomes.first().query.sql, normalized->sql);
    QVERIFY(outcomes.first().verdict.isWorse());
}

QTEST_MAIN(TestPlanImpact)
#include "tst_planimpact.moc"
