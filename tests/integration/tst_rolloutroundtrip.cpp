// Every step of a rollout plan proven by the dry run (RolloutDryRun) on the
// real server: catalog before, up, catalog after, rollback (written from the
// catalog right before the step), the catalog must equal the one before;
// up again, the catalog must equal the first after. A rollback that leaves
// anything behind fails the test with the objects named; a hand-written
// down script that forgets an index is caught and the index named. A
// writer loop of short transactions runs meanwhile; none may wait as long
// as the plans' lock_timeout (the longest wait is printed).

#include "catalogtesthelpers.h"
#include "testsupport.h"

#include "core/rollout/rolloutdryrun.h"
#include "core/rollout/rolloutplanner.h"
#include "core/rollout/schemacomparison.h"
#include "core/sql/parsedscript.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

using namespace tusk::core;
using namespace tusk::test;

namespace {
const char *const base = R"sql(
DROP SCHEMA IF EXISTS shop CASCADE;
CREATE SCHEMA shop;
CREATE TABLE shop.customers (id bigint PRIMARY KEY, name text);
CREATE TABLE shop.orders (id bigint PRIMARY KEY, customer_id bigint, note text, total numeric);
CREATE VIEW shop.order_customers AS SELECT id, customer_id FROM shop.orders;
INSERT INTO shop.customers SELECT g, 'c' || g FROM generate_series(1, 100) g;
INSERT INTO shop.orders SELECT g, 1 + g % 100, 'n' || g, g FROM generate_series(1, 1000) g;
)sql";

} // namespace

class TestRolloutRoundTrip : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void everyStepRollsBack_data();
    void everyStepRollsBack();
    void handWrittenRollback_data();
    void handWrittenRollback();

private:
    bool run(const QString &sql, QString *error);
    CatalogSnapshot snapshot();
    DryRunReport dryRun(const RolloutPlan &plan);

    std::unique_ptr<ScratchDatabase> m_db;
    Connection m_connection;
};

void TestRolloutRoundTrip::initTestCase()
{
    QVERIFY2(!clusterConnInfo().isEmpty(), qPrintable(clusterMissingMessage()));
    m_db = std::make_unique<ScratchDatabase>(QStringLiteral("rolloutroundtrip"));
    QVERIFY2(m_db->isValid(), qPrintable(m_db->error()));
    QVERIFY(openAndWait(m_connection, m_db->connInfo()).isNull());
}

bool TestRolloutRoundTrip::run(const QString &sql, QString *error)
{
    // One statement at a time: CONCURRENTLY refuses a multi-statement query.
    const QByteArray bytes = sql.toUtf8();
    const ParsedScript script(bytes, 1);
    for (const ParsedStatement &s : script.statements()) {
        const QString text = QString::fromUtf8(bytes.mid(s.range.begin, s.range.size()));
        const Reply reply = runAndWait(m_connection, text);
        if (!reply.error.isNull()) {
            *error = QStringLiteral("%1\n  in: %2").arg(reply.error.toString(), text);
            return false;
        }
    }
    return true;
}

CatalogSnapshot TestRolloutRoundTrip::snapshot()
{
    QString failure;
    const CatalogSnapshot s = loadSnapshot(m_connection, {}, &failure);
    if (s.isNull())
        qWarning("%s", qPrintable(failure));
    return s;
}

void TestRolloutRoundTrip::everyStepRollsBack_data()
{
    QTest::addColumn<QString>("sql");
    QTest::newRow("not null column")
        << QStringLiteral("ALTER TABLE shop.orders ADD COLUMN code text NOT NULL DEFAULT 'x';");
    QTest::newRow("set not null") << QStringLiteral(
        "ALTER TABLE shop.orders ALTER COLUMN note SET NOT NULL;");
    QTest::newRow("index") << QStringLiteral(
        "CREATE INDEX orders_customer_idx ON shop.orders (customer_id);");
    QTest::newRow("foreign key") << QStringLiteral(
        "ALTER TABLE shop.orders ADD CONSTRAINT orders_customer_fk FOREIGN KEY "
        "(customer_id) REFERENCES shop.customers (id);");
    QTest::newRow("unique") << QStringLiteral(
        "ALTER TABLE shop.orders ADD CONSTRAINT orders_note_uq UNIQUE (note);");
    QTest::newRow("check") << QStringLiteral(
        "ALTER TABLE shop.orders ADD CONSTRAINT orders_total_check CHECK (total >= 0);");
    QTest::newRow("rename column (expand/contract)")
        << QStringLiteral("ALTER TABLE shop.orders RENAME COLUMN note TO remark;");
    QTest::newRow("type change (expand/contract)")
        << QStringLiteral("ALTER TABLE shop.orders ALTER COLUMN total TYPE numeric(14,2);");
    QTest::newRow("not null column, volatile default (expand/contract)")
        << QStringLiteral("ALTER TABLE shop.orders ADD COLUMN ref uuid NOT NULL DEFAULT "
                          "gen_random_uuid();");
    QTest::newRow("unbatched update (expand/contract)")
        << QStringLiteral("UPDATE shop.orders SET note = 'n-' || id;");
    QTest::newRow("drop column (expand/contract)")
        << QStringLiteral("ALTER TABLE shop.orders DROP COLUMN note;");
    QTest::newRow("drop table (expand/contract)") << QStringLiteral("DROP TABLE shop.customers;");
    QTest::newRow("rename table (expand/contract)")
        << QStringLiteral("ALTER TABLE shop.customers RENAME TO clients;");
    QTest::newRow("drop index") << QStringLiteral(
        "CREATE INDEX orders_total_idx ON shop.orders (total);\n"
        "DROP INDEX shop.orders_total_idx;");
}

void TestRolloutRoundTrip::everyStepRollsBack()
{
    QFETCH(QString, sql);
    QString error;
    QVERIFY2(run(QString::fromUtf8(base), &error), qPrintable(error));
    const CatalogSnapshot start = snapshot();
    QVERIFY(!start.isNull());
    const RolloutPlan plan = RolloutPlanner::plan(sql.toUtf8(), start);
    QVERIFY(plan.stepCount() > 0);
    if (QByteArray(QTest::currentDataTag()).contains("expand/contract")) {
        // The recipe, then (for a backfill or a usage point) the drop of
        // Tusk's bookkeeping schema.
        QVERIFY(plan.items.size() == 1 || plan.items.size() == 2);
        QCOMPARE(plan.items.first().kind, RolloutItem::Kind::Recipe);
        if (plan.items.size() == 2)
            QCOMPARE(plan.items.last().steps.first().up,
                QStringLiteral("DROP SCHEMA IF EXISTS tusk_rollout CASCADE;"));
    }
    const DryRunReport report = dryRun(plan);
    QVERIFY2(report.passed(), qPrintable(report.text()));
    QCOMPARE(report.steps.size(), plan.stepCount());
    int number = 0;
    for (const RolloutItem &item : plan.items) {
        for (const RolloutStep &step : item.steps) {
            const DryRunStep &result = report.steps.at(number++);
            // Every step is proven, but the application's (no SQL) and a
            // recipe's contract, the point of no return it declares.
            const DryRunStep::Outcome expected = step.up.startsWith(QLatin1String("--"))
                ? DryRunStep::Outcome::Application
                : (step.fromRecipe && !step.rollbackSafe ? DryRunStep::Outcome::NoRollback
                                                         : DryRunStep::Outcome::Proven);
            QVERIFY2(result.outcome == expected, qPrintable(report.text()));
            // The gate holds once the step ran (the next button would open).
            // The application's step runs nothing: its gate is the live one.
            if (expected == DryRunStep::Outcome::Application)
                continue;
            QCOMPARE(result.gate.size(), step.gate.size());
            for (const QString &line : result.gate)
                QVERIFY2(line.startsWith(QStringLiteral("✓")), qPrintable(line));
        }
    }
}

// A hand-written down script that forgets an index: the dry run names it,
// and a correct one is proven.
void TestRolloutRoundTrip::handWrittenRollback_data()
{
    QTest::addColumn<QString>("up");
    QTest::addColumn<QString>("down");
    QTest::addColumn<QString>("left"); // the category the rollback leaves; empty: proven
    QTest::addColumn<QString>("object");
    const QString addIndex =
        QStringLiteral("ALTER TABLE shop.orders ADD COLUMN shipped_at timestamptz;\n"
                       "CREATE INDEX orders_note_idx ON shop.orders (note);\n");
    QTest::newRow("forgets the index")
        << addIndex << QStringLiteral("ALTER TABLE shop.orders DROP COLUMN shipped_at;")
        << QStringLiteral("index") << QStringLiteral("orders_note_idx");
    QTest::newRow("complete") << addIndex
                              << QStringLiteral("DROP INDEX shop.orders_note_idx;\n"
                                                "ALTER TABLE shop.orders DROP COLUMN shipped_at;")
                              << QString() << QString();
    QTest::newRow("forgets the grant")
        << QStringLiteral("GRANT SELECT ON shop.orders TO PUBLIC;") << QStringLiteral("SELECT 1;")
        << QStringLiteral("grant") << QStringLiteral("shop.orders");
    QTest::newRow("puts the view back wrong")
        << QStringLiteral("CREATE OR REPLACE VIEW shop.order_customers AS SELECT id, customer_id "
                          "FROM shop.orders WHERE id > 0;")
        << QStringLiteral("CREATE OR REPLACE VIEW shop.order_customers AS SELECT id, customer_id "
                          "FROM shop.orders WHERE id > 1;")
        << QStringLiteral("view definition") << QStringLiteral("shop.order_customers");
    QTest::newRow("view put back") << QStringLiteral(
        "CREATE OR REPLACE VIEW shop.order_customers AS SELECT id, customer_id FROM shop.orders "
        "WHERE id > 0;")
                                   << QStringLiteral(
                                          "CREATE OR REPLACE VIEW shop.order_customers AS SELECT "
                                          "id, customer_id FROM shop.orders;")
                                   << QString() << QString();
}

void TestRolloutRoundTrip::handWrittenRollback()
{
    QFETCH(QString, up);
    QFETCH(QString, down);
    QFETCH(QString, left);
    QFETCH(QString, object);
    QString error;
    QVERIFY2(run(QString::fromUtf8(base), &error), qPrintable(error));
    const DryRunReport report = dryRun(RolloutPlanner::handWritten(up.toUtf8(), down.toUtf8()));
    QCOMPARE(report.passed(), left.isEmpty());
    QCOMPARE(report.steps.size(), 1);
    const DryRunStep &step = report.steps.first();
    if (left.isEmpty()) {
        QVERIFY2(step.outcome == DryRunStep::Outcome::Proven, qPrintable(report.text()));
        return;
    }
    QCOMPARE(step.outcome, DryRunStep::Outcome::Failed);
    QVERIFY2(step.rollbackLeft.size() == 1, qPrintable(report.text()));
    QCOMPARE(step.rollbackLeft.first().category, left);
    QVERIFY2(step.rollbackLeft.first().object.contains(object), qPrintable(report.text()));
    QVERIFY2(report.text().contains(QStringLiteral("✗ 1 (expand)")), qPrintable(report.text()));
    QVERIFY2(report.text().contains(QStringLiteral("the rollback left: ") + left),
        qPrintable(report.text()));
}

DryRunReport TestRolloutRoundTrip::dryRun(const RolloutPlan &plan)
{
    // A writer loop of short transactions on the same table runs the whole
    // time, as the application would: no write may wait longer than the
    // plan's lock_timeout (a step that cannot get its lock gives up first).
    Connection writer;
    if (!openAndWait(writer, m_db->connInfo()).isNull())
        return DryRunReport {{}, {}, QStringLiteral("the writer could not connect"), 0};
    bool writing = true;
    qint64 longest = 0;
    int writes = 0;
    std::function<void()> write = [&] {
        auto timer = std::make_shared<QElapsedTimer>();
        timer->start();
        writer.execute(
            QStringLiteral("UPDATE shop.orders SET customer_id = customer_id WHERE id = $1"),
            {1 + writes % 1000}, &writer, [&, timer](const QList<Result> &, const PgError &) {
                longest = std::max(longest, timer->elapsed());
                ++writes;
                if (writing)
                    write();
            });
    };
    write();
    RolloutDryRun dryRun;
    QSignalSpy finished(&dryRun, &RolloutDryRun::finished);
    dryRun.start(m_db->connInfo(), plan, CatalogSnapshot(), m_db->name());
    const bool done = finished.wait(120'000);
    writing = false;
    while (writer.runningRequest() != 0)
        QTest::qWait(5);
    qInfo("%s: %d writes during the steps, the longest waited %lld ms", QTest::currentDataTag(),
        writes, longest);
    if (!done)
        return DryRunReport {{}, {}, QStringLiteral("the dry run did not finish in 120 s"), 0};
    DryRunReport report = finished.first().first().value<DryRunReport>();
    if (longest >= 5000) // the plans' lock_timeout
        report.error = QStringLiteral("a writer waited %1 ms").arg(longest);
    return report;
}

QTEST_GUILESS_MAIN(TestRolloutRoundTrip)
#include "tst_rolloutroundtrip.moc"
