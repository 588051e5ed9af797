// BackfillSpec: the batch statement's exact text for a single key, a
// composite key and a ctid walk (the contract BackfillRun and the plain-SQL
// procedure share), the set clause read into columns and the idempotent
// predicate, names, and the validation sentences. The statements run on a
// real server in tst_backfillserver.

#include "core/migrations/backfill/backfillrate.h"
#include "core/migrations/backfill/backfillspec.h"

#include <QTest>

using namespace tusk::core;

namespace {

BackfillSpec orderItems()
{
    BackfillSpec spec;
    spec.name = QStringLiteral("order_items_total_cents");
    spec.table = QStringLiteral("shop.order_items");
    spec.set = QStringLiteral("total_cents = quantity * unit_price_cents - discount_cents");
    return spec;
}

// The whole text on a mismatch, so a changed statement can be read (and,
// when right, pasted here).
bool sameSql(const QString &actual, const char *expected)
{
    if (actual == QString::fromUtf8(expected))
        return true;
    qWarning().noquote() << "actual SQL:\n" << actual;
    return false;
}

const char *const singleKey = R"sql(WITH tusk_prev AS (
    SELECT last_key FROM tusk_rollout.backfill
    WHERE name = $1 AND NOT finished
    FOR UPDATE
), tusk_first AS (
    SELECT id AS tusk_key_1 FROM shop.order_items
    WHERE EXISTS (SELECT FROM tusk_prev WHERE last_key IS NULL)
    ORDER BY id LIMIT $2
), tusk_next AS (
    SELECT id AS tusk_key_1 FROM shop.order_items
    WHERE id > (SELECT (jsonb_populate_record(NULL::shop.order_items, last_key)).id FROM tusk_prev)
    ORDER BY id LIMIT $2
), tusk_batch AS (
    SELECT * FROM tusk_first UNION ALL SELECT * FROM tusk_next
), tusk_low AS (
    SELECT * FROM tusk_batch ORDER BY tusk_key_1 LIMIT 1
), tusk_high AS (
    SELECT * FROM tusk_batch ORDER BY tusk_key_1 DESC LIMIT 1
), tusk_upd AS (
    UPDATE shop.order_items SET total_cents = quantity * unit_price_cents - discount_cents
    WHERE id >= (SELECT tusk_key_1 FROM tusk_low)
      AND id <= (SELECT tusk_key_1 FROM tusk_high)
      AND (total_cents IS DISTINCT FROM (quantity * unit_price_cents - discount_cents))
    RETURNING 1
), tusk_prog AS (
    UPDATE tusk_rollout.backfill AS p SET
        last_key = COALESCE((SELECT jsonb_build_object('id', tusk_key_1) FROM tusk_high),
            p.last_key),
        rows_done = p.rows_done + (SELECT count(*) FROM tusk_upd),
        rows_seen = p.rows_seen + (SELECT count(*) FROM tusk_batch),
        batches = p.batches + (EXISTS (SELECT FROM tusk_batch))::integer,
        finished = NOT EXISTS (SELECT FROM tusk_batch),
        updated = clock_timestamp()
    WHERE p.name = $1 AND EXISTS (SELECT FROM tusk_prev)
    RETURNING p.finished, p.rows_done, p.rows_seen, p.batches, p.last_key
)
SELECT (SELECT count(*) FROM tusk_upd) AS updated,
    (SELECT count(*) FROM tusk_batch) AS seen,
    p.finished IS NOT NULL AS progressed, p.finished, p.rows_done, p.rows_seen,
    p.batches, p.last_key::text AS last_key
FROM (SELECT) AS one LEFT JOIN tusk_prog AS p ON true)sql";

const char *const compositeKey = R"sql(WITH tusk_prev AS (
    SELECT last_key FROM tusk_rollout.backfill
    WHERE name = $1 AND NOT finished
    FOR UPDATE
), tusk_first AS (
    SELECT order_id AS tusk_key_1, line_no AS tusk_key_2 FROM shop.order_items
    WHERE EXISTS (SELECT FROM tusk_prev WHERE last_key IS NULL)
    ORDER BY order_id, line_no LIMIT $2
), tusk_next AS (
    SELECT order_id AS tusk_key_1, line_no AS tusk_key_2 FROM shop.order_items
    WHERE (order_id, line_no) > ((SELECT (jsonb_populate_record(NULL::shop.order_items, last_key)).order_id FROM tusk_prev),
        (SELECT (jsonb_populate_record(NULL::shop.order_items, last_key)).line_no FROM tusk_prev))
    ORDER BY order_id, line_no LIMIT $2
), tusk_batch AS (
    SELECT * FROM tusk_first UNION ALL SELECT * FROM tusk_next
), tusk_low AS (
    SELECT * FROM tusk_batch ORDER BY tusk_key_1, tusk_key_2 LIMIT 1
), tusk_high AS (
    SELECT * FROM tusk_batch ORDER BY tusk_key_1 DESC, tusk_key_2 DESC LIMIT 1
), tusk_upd AS (
    UPDATE shop.order_items SET total_cents = quantity * unit_price_cents - discount_cents
    WHERE (order_id, line_no) >= ((SELECT tusk_key_1 FROM tusk_low),
        (SELECT tusk_key_2 FROM tusk_low))
      AND (order_id, line_no) <= ((SELECT tusk_key_1 FROM tusk_high),
        (SELECT tusk_key_2 FROM tusk_high))
      AND (total_cents IS DISTINCT FROM (quantity * unit_price_cents - discount_cents))
    RETURNING 1
), tusk_prog AS (
    UPDATE tusk_rollout.backfill AS p SET
        last_key = COALESCE((SELECT jsonb_build_object('order_id', tusk_key_1, 'line_no', tusk_key_2) FROM tusk_high),
            p.last_key),
        rows_done = p.rows_done + (SELECT count(*) FROM tusk_upd),
        rows_seen = p.rows_seen + (SELECT count(*) FROM tusk_batch),
        batches = p.batches + (EXISTS (SELECT FROM tusk_batch))::integer,
        finished = NOT EXISTS (SELECT FROM tusk_batch),
        updated = clock_timestamp()
    WHERE p.name = $1 AND EXISTS (SELECT FROM tusk_prev)
    RETURNING p.finished, p.rows_done, p.rows_seen, p.batches, p.last_key
)
SELECT (SELECT count(*) FROM tusk_upd) AS updated,
    (SELECT count(*) FROM tusk_batch) AS seen,
    p.finished IS NOT NULL AS progressed, p.finished, p.rows_done, p.rows_seen,
    p.batches, p.last_key::text AS last_key
FROM (SELECT) AS one LEFT JOIN tusk_prog AS p ON true)sql";

const char *const ctidWalk = R"sql(WITH tusk_prev AS (
    SELECT last_key FROM tusk_rollout.backfill
    WHERE name = $1 AND NOT finished
    FOR UPDATE
), tusk_range AS (
    SELECT format('(%s,0)', (last_key->>'page')::bigint)::tid AS lo,
        format('(%s,0)', (last_key->>'page')::bigint + $2)::tid AS hi
    FROM tusk_prev
), tusk_upd AS (
    UPDATE shop.order_items SET total_cents = quantity * unit_price_cents - discount_cents
    WHERE ctid >= (SELECT lo FROM tusk_range) AND ctid < (SELECT hi FROM tusk_range)
      AND (total_cents IS DISTINCT FROM (quantity * unit_price_cents - discount_cents))
    RETURNING 1
), tusk_prog AS (
    UPDATE tusk_rollout.backfill AS p SET
        last_key = jsonb_build_object('page', (p.last_key->>'page')::bigint + $2),
        rows_done = p.rows_done + (SELECT count(*) FROM tusk_upd),
        rows_seen = p.rows_seen + (SELECT count(*) FROM tusk_upd),
        batches = p.batches + 1,
        finished = (p.last_key->>'page')::bigint >= p.end_page
            AND NOT EXISTS (SELECT FROM shop.order_items
                WHERE ctid >= (SELECT lo FROM tusk_range)
                  AND ctid < (SELECT hi FROM tusk_range)),
        updated = clock_timestamp()
    WHERE p.name = $1 AND EXISTS (SELECT FROM tusk_prev)
    RETURNING p.finished, p.rows_done, p.rows_seen, p.batches, p.last_key
)
SELECT (SELECT count(*) FROM tusk_upd) AS updated,
    (SELECT count(*) FROM tusk_upd) AS seen,
    p.finished IS NOT NULL AS progressed, p.finished, p.rows_done, p.rows_seen,
    p.batches, p.last_key::text AS last_key
FROM (SELECT) AS one LEFT JOIN tusk_prog AS p ON true)sql";

} // namespace

class TestBackfillSpec : public QObject {
    Q_OBJECT
private slots:
    void batchForOneKey();
    void batchForCompositeKey();
    void batchByCtid();
    void quotesNamesThatNeedIt();
    void userSqlIsNeverTakenForAMarker();
    void setClauseColumns_data();
    void setClauseColumns();
    void defaultPredicate_data();
    void defaultPredicate();
    void givenPredicateWins();
    void tableParts_data();
    void tableParts();
    void defaultName_data();
    void defaultName();
    void validation_data();
    void validation();
    void validSpecHasNoProblems();
    void pagesPerBatch_data();
    void pagesPerBatch();
    void procedureRunsTheSameStatements();
    void procedureQuotesAroundUserText();
    void rateAndEta();
};

void TestBackfillSpec::batchForOneKey()
{
    BackfillSpec spec = orderItems();
    spec.keyColumns = {QStringLiteral("id")};
    QVERIFY(sameSql(spec.batchSql(), singleKey));
}

void TestBackfillSpec::batchForCompositeKey()
{
    BackfillSpec spec = orderItems();
    spec.keyColumns = {QStringLiteral("order_id"), QStringLiteral("line_no")};
    QVERIFY(sameSql(spec.batchSql(), compositeKey));
}

void TestBackfillSpec::batchByCtid()
{
    QVERIFY(sameSql(orderItems().batchSql(), ctidWalk));
}

void TestBackfillSpec::quotesNamesThatNeedIt()
{
    BackfillSpec spec;
    spec.name = QStringLiteral("x");
    spec.table = QStringLiteral("\"Shop\".\"Order Items\"");
    spec.set = QStringLiteral("\"Total\" = 1");
    spec.keyColumns = {QStringLiteral("Order"), QStringLiteral("order")};
    const QString sql = spec.batchSql();
    QVERIFY(sql.contains(QStringLiteral("FROM \"Shop\".\"Order Items\"")));
    QVERIFY(sql.contains(QStringLiteral("ORDER BY \"Order\", \"order\" LIMIT $2")));
    QVERIFY(sql.contains(
        QStringLiteral("jsonb_build_object('Order', tusk_key_1, 'order', tusk_key_2)")));
    QVERIFY(sql.contains(QStringLiteral("AND (\"Total\" IS DISTINCT FROM (1))")));
}

void TestBackfillSpec::userSqlIsNeverTakenForAMarker()
{
    BackfillSpec spec = orderItems();
    spec.set = QStringLiteral("note = '<<table>> %1 %2'");
    spec.keyColumns = {QStringLiteral("id")};
    const QString sql = spec.batchSql();
    QVERIFY(sql.contains(QStringLiteral("SET note = '<<table>> %1 %2'\n")));
    QVERIFY(sql.contains(QStringLiteral("note IS DISTINCT FROM ('<<table>> %1 %2')")));
}

void TestBackfillSpec::setClauseColumns_data()
{
    QTest::addColumn<QString>("set");
    QTest::addColumn<QStringList>("columns");
    QTest::addRow("one") << "total = a * b" << QStringList {"total"};
    QTest::addRow("folded") << "Total_Cents = 1" << QStringList {"total_cents"};
    QTest::addRow("quoted") << "\"Total \"\"x\"\"\" = 1" << QStringList {"Total \"x\""};
    QTest::addRow("two") << "a = 1, b = 2" << QStringList {"a", "b"};
    QTest::addRow("commas inside")
        << "a = coalesce(x, 'y,z'), b = \"c,d\" || $$e,f$$" << QStringList {"a", "b"};
    QTest::addRow("comparison in the value") << "flag = (x = y)" << QStringList {"flag"};
    QTest::addRow("no assignment") << "a + 1" << QStringList {};
    QTest::addRow("a comparison, not an assignment") << "a == 1" << QStringList {};
    QTest::addRow("empty piece") << "a = 1," << QStringList {};
    QTest::addRow("empty") << "" << QStringList {};
}

void TestBackfillSpec::setClauseColumns()
{
    QFETCH(QString, set);
    QFETCH(QStringList, columns);
    BackfillSpec spec;
    spec.set = set;
    QCOMPARE(spec.setColumns(), columns);
}

void TestBackfillSpec::defaultPredicate_data()
{
    QTest::addColumn<QString>("set");
    QTest::addColumn<QString>("predicate");
    QTest::addRow("one") << "total = a * b"
                         << "total IS DISTINCT FROM (a * b)";
    QTest::addRow("quoted") << " \"Total\"=a "
                            << "\"Total\" IS DISTINCT FROM (a)";
    QTest::addRow("two") << "a = lower(x), b = 2"
                         << "(a, b) IS DISTINCT FROM ((lower(x)), (2))";
    QTest::addRow("not an assignment") << "a"
                                       << "";
}

void TestBackfillSpec::defaultPredicate()
{
    QFETCH(QString, set);
    QFETCH(QString, predicate);
    BackfillSpec spec;
    spec.set = set;
    QCOMPARE(spec.defaultPredicate(), predicate);
    QCOMPARE(spec.effectivePredicate(), predicate);
}

void TestBackfillSpec::givenPredicateWins()
{
    BackfillSpec spec = orderItems();
    spec.predicate = QStringLiteral("  total_cents IS NULL ");
    QCOMPARE(spec.effectivePredicate(), QStringLiteral("total_cents IS NULL"));
    QVERIFY(spec.batchSql().contains(QStringLiteral("AND (total_cents IS NULL)")));
}

void TestBackfillSpec::tableParts_data()
{
    QTest::addColumn<QString>("table");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QString>("schema");
    QTest::addColumn<QString>("relation");
    QTest::addColumn<QString>("qualified");
    QTest::addRow("qualified") << "shop.order_items" << true << "shop"
                               << "order_items"
                               << "shop.order_items";
    QTest::addRow("folded") << "Shop.Order_Items" << true << "shop"
                            << "order_items"
                            << "shop.order_items";
    QTest::addRow("bare") << "orders" << true << ""
                          << "orders"
                          << "orders";
    QTest::addRow("quoted") << "\"My Shop\".\"Order\"" << true << "My Shop"
                            << "Order"
                            << "\"My Shop\".\"Order\"";
    QTest::addRow("reserved") << "shop.\"order\"" << true << "shop"
                              << "order"
                              << "shop.\"order\"";
    QTest::addRow("three parts") << "db.shop.orders" << false << ""
                                 << ""
                                 << "";
    QTest::addRow("injection") << "orders; DROP TABLE x" << false << ""
                               << ""
                               << "";
}

void TestBackfillSpec::tableParts()
{
    QFETCH(QString, table);
    QFETCH(bool, ok);
    QFETCH(QString, schema);
    QFETCH(QString, relation);
    QFETCH(QString, qualified);
    BackfillSpec spec;
    spec.table = table;
    QString s, r;
    QCOMPARE(spec.tableParts(&s, &r), ok);
    if (!ok)
        return;
    QCOMPARE(s, schema);
    QCOMPARE(r, relation);
    QCOMPARE(spec.qualifiedTable(), qualified);
}

void TestBackfillSpec::defaultName_data()
{
    QTest::addColumn<QString>("table");
    QTest::addColumn<QString>("set");
    QTest::addColumn<QString>("name");
    QTest::addRow("plain") << "shop.order_items"
                           << "total_cents = 1"
                           << "order_items_total_cents";
    QTest::addRow("odd characters") << "\"My Shop\".\"Order-Items\""
                                    << "\"Total €\" = 1"
                                    << "order_items_total_";
    QTest::addRow("digit first") << "\"1t\""
                                 << "a = 1"
                                 << "b_1t_a";
    QTest::addRow("long") << "shop.a_very_long_table_name_that_goes_on_and_on"
                          << "a_very_long_column_name = 1"
                          << "a_very_long_table_name_that_goes_on_and_on_a_ver";
}

void TestBackfillSpec::defaultName()
{
    QFETCH(QString, table);
    QFETCH(QString, set);
    QFETCH(QString, name);
    QCOMPARE(BackfillSpec::defaultName(table, set), name);
    BackfillSpec spec = orderItems();
    spec.name = BackfillSpec::defaultName(table, set);
    QVERIFY2(spec.validate().isEmpty(), qPrintable(spec.validate().join(u'\n')));
}

void TestBackfillSpec::validation_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("message");
    QTest::addRow("no name") << "name"
                             << ""
                             << "the backfill has no name";
    QTest::addRow("capitals") << "name"
                              << "Orders"
                              << "the backfill name \"Orders\" must be lower-case letters, "
                                 "digits and _, not starting with a digit, at most 48 characters";
    QTest::addRow("too long") << "name" << QString(49, u'a') << "at most 48 characters";
    QTest::addRow("no table") << "table"
                              << " "
                              << "the table is missing";
    QTest::addRow("bad table") << "table"
                               << "a.b.c"
                               << "the table \"a.b.c\" is not a name or schema.name";
    QTest::addRow("no set") << "set"
                            << ""
                            << "the set clause is missing";
    QTest::addRow("bad set") << "set"
                             << "total"
                             << "the set clause \"total\" is not column = expression (several "
                                "separated by commas)";
    QTest::addRow("key assigned") << "key"
                                  << "total_cents"
                                  << "the set clause assigns the key column total_cents: a "
                                     "backfill walks the table by its key and cannot change it";
    QTest::addRow("batch") << "batchSize"
                           << "0"
                           << "the batch size must be at least 1 row (is 0)";
    QTest::addRow("pause") << "pauseMs"
                           << "-5"
                           << "the pause between batches cannot be negative (is -5 ms)";
    QTest::addRow("lock timeout") << "lockTimeoutMs"
                                  << "0"
                                  << "the lock timeout must be at least 1 ms (is 0)";
    QTest::addRow("retries") << "maxRetries"
                             << "-1"
                             << "the number of retries cannot be negative (is -1)";
    QTest::addRow("lag") << "maxReplicaLagSeconds"
                         << "0"
                         << "the replica lag limit must be more than 0 s (is 0)";
}

void TestBackfillSpec::validation()
{
    QFETCH(QString, field);
    QFETCH(QString, value);
    QFETCH(QString, message);
    BackfillSpec spec = orderItems();
    if (field == u"name")
        spec.name = value;
    else if (field == u"table")
        spec.table = value;
    else if (field == u"set")
        spec.set = value;
    else if (field == u"key")
        spec.keyColumns = {QStringLiteral("id"), value};
    else if (field == u"batchSize")
        spec.batchSize = value.toInt();
    else if (field == u"pauseMs")
        spec.pauseMs = value.toInt();
    else if (field == u"lockTimeoutMs")
        spec.lockTimeoutMs = value.toInt();
    else if (field == u"maxRetries")
        spec.maxRetries = value.toInt();
    else if (field == u"maxReplicaLagSeconds")
        spec.maxReplicaLagSeconds = value.toDouble();
    const QStringList problems = spec.validate();
    QCOMPARE(problems.size(), 1);
    QVERIFY2(problems.first().contains(message), qPrintable(problems.first()));
}

void TestBackfillSpec::validSpecHasNoProblems()
{
    BackfillSpec spec = orderItems();
    QVERIFY(spec.validate().isEmpty());
    spec.keyColumns = {QStringLiteral("order_id"), QStringLiteral("line_no")};
    QVERIFY(spec.validate().isEmpty());
}

void TestBackfillSpec::pagesPerBatch_data()
{
    QTest::addColumn<int>("batch");
    QTest::addColumn<double>("reltuples");
    QTest::addColumn<qint64>("relpages");
    QTest::addColumn<qint64>("pages");
    QTest::addRow("100 a page") << 1000 << 1e6 << qint64(10'000) << qint64(10);
    QTest::addRow("rounded up") << 1000 << 1e6 << qint64(7'500) << qint64(8);
    QTest::addRow("at least one") << 1 << 1e6 << qint64(100) << qint64(1);
    QTest::addRow("never analysed") << 1000 << -1.0 << qint64(0) << qint64(20);
    QTest::addRow("empty") << 1000 << 0.0 << qint64(0) << qint64(20);
}

void TestBackfillSpec::pagesPerBatch()
{
    QFETCH(int, batch);
    QFETCH(double, reltuples);
    QFETCH(qint64, relpages);
    QFETCH(qint64, pages);
    QCOMPARE(BackfillSpec::pagesPerBatch(batch, reltuples, relpages), pages);
}

void TestBackfillSpec::procedureRunsTheSameStatements()
{
    for (const QStringList &keys : {QStringList {QStringLiteral("id")}, QStringList {}}) {
        BackfillSpec spec = orderItems();
        spec.keyColumns = keys;
        spec.batchSize = 250;
        const QString sql = spec.procedureSql();
        QVERIFY(sql.startsWith(QStringLiteral(
            "CREATE OR REPLACE PROCEDURE tusk_rollout.backfill_order_items_total_cents(\n"
            "    batch_size integer DEFAULT 250,")));
        QVERIFY(sql.contains(QStringLiteral("EXECUTE $batch$") + spec.batchSql() + u"$batch$"));
        QVERIFY(sql.contains(
            QStringLiteral("EXECUTE $insert$") + BackfillSpec::insertProgressSql() + u"$insert$"));
        QVERIFY(sql.contains(QStringLiteral("COMMIT;")));
        QVERIFY(sql.contains(
            QStringLiteral("set_config('lock_timeout', lock_timeout_ms || 'ms', true)")));
        QVERIFY(sql.contains(QStringLiteral(
            "EXCEPTION WHEN lock_not_available OR deadlock_detected OR serialization_failure")));
        QCOMPARE(keys.isEmpty(), sql.contains(QStringLiteral("c.reltuples / c.relpages")));
        QVERIFY(sql.endsWith(QStringLiteral("$tusk_backfill$;\n")));
        QCOMPARE(spec.callSql(),
            QStringLiteral("CALL tusk_rollout.backfill_order_items_total_cents(batch_size => "
                           "250, pause_ms => 0);\n"));
    }
    QCOMPARE(
        BackfillSpec::dropSql(), QStringLiteral("DROP SCHEMA IF EXISTS tusk_rollout CASCADE;\n"));
}

void TestBackfillSpec::procedureQuotesAroundUserText()
{
    BackfillSpec spec = orderItems();
    spec.keyColumns = {QStringLiteral("id")};
    spec.set = QStringLiteral("note = $batch$it's$batch$ || $tusk_backfill$x$tusk_backfill$");
    const QString sql = spec.procedureSql();
    QVERIFY(sql.contains(QStringLiteral("EXECUTE $batch1$WITH tusk_prev")));
    QVERIFY(sql.contains(QStringLiteral("AS $tusk_backfill1$\n")));
    QVERIFY(sql.contains(
        QStringLiteral("'note = $batch$it''s$batch$ || $tusk_backfill$x$tusk_backfill$'")));
}

void TestBackfillSpec::rateAndEta()
{
    BackfillRate rate(10'000);
    QCOMPARE(rate.rowsPerSecond(), 0.0);
    QCOMPARE(rate.etaSeconds(), -1.0);
    rate.add(0, 0, 0.0);
    rate.add(1000, 1000, 0.1);
    QCOMPARE(rate.rowsPerSecond(), 1000.0);
    QCOMPARE(qRound(rate.etaSeconds()), 9);
    // Only the last 10 s count (and one sample before them).
    rate.add(20'000, 2000, 0.2);
    rate.add(21'000, 12'000, 0.3);
    QCOMPARE(rate.rowsPerSecond(), 10'000.0);
    QCOMPARE(qRound(rate.etaSeconds()), 7);
    rate.reset();
    QCOMPARE(rate.rowsPerSecond(), 0.0);
    rate.add(0, 0, -1);
    rate.add(1000, 10, -1);
    QCOMPARE(rate.etaSeconds(), -1.0);
}

QTEST_GUILESS_MAIN(TestBackfillSpec)
#include "tst_backfillspec.moc"
