// Every step of a rollout plan against the real server, the way the dry run
// proves it: catalog before, up, catalog after, rollback (written from the
// catalog right before the step), the catalog must equal the one before;
// up again, the catalog must equal the first after. A rollback that leaves
// anything behind fails the test with the objects named.

#include "catalogtesthelpers.h"
#include "testsupport.h"

#include "core/migrations/statementreverse.h"
#include "core/rollout/rolloutplanner.h"
#include "core/rollout/schemacomparison.h"
#include "core/sql/parsedscript.h"

#include <QTest>

using namespace tusk::core;
using namespace tusk::test;

namespace {
const char *const base = R"sql(
DROP SCHEMA IF EXISTS shop CASCADE;
CREATE SCHEMA shop;
CREATE TABLE shop.customers (id bigint PRIMARY KEY, name text);
CREATE TABLE shop.orders (id bigint PRIMARY KEY, customer_id bigint, note text, total numeric);
INSERT INTO shop.customers SELECT g, 'c' || g FROM generate_series(1, 100) g;
INSERT INTO shop.orders SELECT g, 1 + g % 100, 'n' || g, g FROM generate_series(1, 1000) g;
)sql";

QStringList described(const QList<SchemaComparison::Difference> &differences)
{
    QStringList out;
    for (const SchemaComparison::Difference &d : differences)
        out << d.describe();
    return out;
}
} // namespace

class TestRolloutRoundTrip : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void everyStepRollsBack_data();
    void everyStepRollsBack();

private:
    bool run(const QString &sql, QString *error);
    CatalogSnapshot snapshot();

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
        QCOMPARE(plan.items.size(), 1);
        QCOMPARE(plan.items.first().kind, RolloutItem::Kind::Recipe);
    }
    QVERIFY2(run(plan.settings.join(QLatin1Char('\n')), &error), qPrintable(error));
    int number = 0;
    for (const RolloutItem &item : plan.items) {
        for (const RolloutStep &step : item.steps) {
            ++number;
            // The application's step of a recipe has no SQL.
            if (step.up.startsWith(QLatin1String("--")))
                continue;
            const CatalogSnapshot before = snapshot();
            QVERIFY2(run(step.up, &error), qPrintable(error));
            // The gate holds once the step ran (the next button would open).
            for (const ChangeVerifier::Check &check : step.gate) {
                const Reply reply = runAndWait(m_connection, check.sql, check.params);
                QVERIFY2(reply.error.isNull(), qPrintable(reply.error.toString()));
                const ChangeVerifier::Verdict verdict = ChangeVerifier::judge(
                    check, reply.results.isEmpty() ? Result() : reply.results.first());
                QVERIFY2(verdict.ok, qPrintable(verdict.line));
            }
            const CatalogSnapshot after = snapshot();
            // The rollback as the dry run writes it: from the catalog right
            // before the step.
            // A recipe writes its own rollback; its contract is the point of
            // no return (said, and not run back).
            if (step.fromRecipe && !step.rollbackSafe)
                continue;
            QString rollback = step.rollback;
            if (!step.fromRecipe) {
                const QList<StatementReverse::Inverse> inverse =
                    StatementReverse(before).reverse(step.up);
                QVERIFY(!inverse.isEmpty());
                QVERIFY2(inverse.last().safe,
                    qPrintable(QStringLiteral("step %1 has no safe rollback: %2")
                                   .arg(number)
                                   .arg(inverse.last().reason)));
                rollback = inverse.last().sql;
            }
            QVERIFY2(run(rollback, &error), qPrintable(error));
            QList<SchemaComparison::Difference> differences =
                SchemaComparison::compare(before, snapshot());
            // Validation is not undone: PostgreSQL cannot mark a constraint
            // NOT VALID again short of dropping it, and a proof that the rows
            // hold harms no one. That one difference, and only it, is allowed.
            if (step.up.contains(QLatin1String("VALIDATE CONSTRAINT")))
                differences.removeIf([](const SchemaComparison::Difference &d) {
                    return d.category == QLatin1String("constraint")
                        && d.before.endsWith(QLatin1String(" NOT VALID (not validated)"))
                        && d.after == d.before.chopped(int(qstrlen(" NOT VALID (not validated)")));
                });
            const QStringList left = described(differences);
            QVERIFY2(left.isEmpty(),
                qPrintable(QStringLiteral("step %1 (%2): the rollback left\n%3")
                               .arg(number)
                               .arg(step.up, left.join(QLatin1Char('\n')))));
            QVERIFY2(run(step.up, &error), qPrintable(error));
            const QStringList again = described(SchemaComparison::compare(after, snapshot()));
            QVERIFY2(again.isEmpty(),
                qPrintable(QStringLiteral("step %1 (%2): up after the rollback differs\n%3")
                               .arg(number)
                               .arg(step.up, again.join(QLatin1Char('\n')))));
        }
    }
}

QTEST_GUILESS_MAIN(TestRolloutRoundTrip)
#include "tst_rolloutroundtrip.moc"
