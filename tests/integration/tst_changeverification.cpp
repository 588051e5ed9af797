// Post-change verification (docs/migrations-folder.md) against the real
// server: after each structure change the catalog query confirms it (✓), and
// where a statement "succeeded" without doing what it says, or a check is
// run for a change that did not happen, it says so (✗) with what it found.

#include "testsupport.h"

#include "core/migrations/changeverification.h"

#include <QSignalSpy>
#include <QTest>

using namespace tusk::core;
using namespace tusk::test;

class TestChangeVerification : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void confirms_data();
    void confirms();
    void noticesWhatDidNotHappen_data();
    void noticesWhatDidNotHappen();
    void promisesNothingForData();
    void assertionsFailWhenFalse();

private:
    QStringList verify(const QByteArray &sql);
    void run(const QString &sql);

    std::unique_ptr<ScratchDatabase> m_db;
    Connection m_connection;
};

void TestChangeVerification::initTestCase()
{
    QVERIFY2(!clusterConnInfo().isEmpty(), qPrintable(clusterMissingMessage()));
    m_db = std::make_unique<ScratchDatabase>(QStringLiteral("verify"));
    QVERIFY2(m_db->isValid(), qPrintable(m_db->error()));
    QVERIFY(openAndWait(m_connection, m_db->connInfo()).isNull());
    run(QStringLiteral("CREATE SCHEMA shop; CREATE TABLE shop.customers (id bigint PRIMARY KEY, "
                       "name text); CREATE TABLE shop.\"Orders\" (id bigint PRIMARY KEY, "
                       "customer_id bigint, note varchar(20)); INSERT INTO shop.customers "
                       "VALUES (1, 'a'), (2, 'a');"));
}

void TestChangeVerification::run(const QString &sql)
{
    const Reply reply = runAndWait(m_connection, sql);
    QVERIFY2(reply.error.isNull(), qPrintable(reply.error.toString()));
}

QStringList TestChangeVerification::verify(const QByteArray &sql)
{
    ChangeVerification verification;
    QSignalSpy done(&verification, &ChangeVerification::finished);
    if (!verification.start(&m_connection, sql))
        return {};
    if (!done.wait(10000))
        return {QStringLiteral("timed out")};
    QStringList lines;
    for (const ChangeVerifier::Verdict &v :
        done.first().first().value<QList<ChangeVerifier::Verdict>>())
        lines << v.line;
    return lines;
}

void TestChangeVerification::confirms_data()
{
    QTest::addColumn<QString>("sql");
    QTest::addColumn<QStringList>("expected");
    auto row = [](const char *name, const char *sql, QStringList expected) {
        QTest::newRow(name) << QString::fromUtf8(sql) << expected;
    };
    row("add column", "ALTER TABLE shop.customers ADD COLUMN phone varchar(32)",
        {QStringLiteral("✓ column shop.customers.phone: varchar(32), nullable (found character "
                        "varying(32), nullable)")});
    row("add not null column",
        "ALTER TABLE shop.\"Orders\" ADD COLUMN state text NOT NULL DEFAULT 'new'",
        {QStringLiteral("✓ column shop.\"Orders\".state: text, NOT NULL (found text, NOT NULL, "
                        "with a default)")});
    row("type", "ALTER TABLE shop.\"Orders\" ALTER COLUMN note TYPE text",
        {QStringLiteral("✓ column shop.\"Orders\".note: type text (found text, nullable)")});
    row("set not null", "ALTER TABLE shop.customers ALTER COLUMN name SET NOT NULL",
        {QStringLiteral("✓ column shop.customers.name: NOT NULL (found text, NOT NULL)")});
    row("drop default", "ALTER TABLE shop.\"Orders\" ALTER COLUMN state DROP DEFAULT",
        {QStringLiteral("✓ column shop.\"Orders\".state: no default (found text, NOT NULL)")});
    row("index", "CREATE INDEX orders_customer_idx ON shop.\"Orders\" (customer_id)",
        {QStringLiteral("✓ index shop.orders_customer_idx exists and is valid (found valid on "
                        "shop.\"Orders\")")});
    row("fk not valid",
        "ALTER TABLE shop.\"Orders\" ADD CONSTRAINT orders_customer_fk FOREIGN KEY "
        "(customer_id) REFERENCES shop.customers (id) NOT VALID",
        {QStringLiteral("✓ constraint orders_customer_fk on shop.\"Orders\" exists (found NOT "
                        "VALID)")});
    row("validate", "ALTER TABLE shop.\"Orders\" VALIDATE CONSTRAINT orders_customer_fk",
        {QStringLiteral("✓ constraint orders_customer_fk on shop.\"Orders\" is validated (found "
                        "validated)")});
    row("table and view",
        "CREATE TABLE shop.refunds (id bigint); CREATE VIEW shop.big_refunds AS SELECT * FROM "
        "shop.refunds",
        {QStringLiteral("✓ table shop.refunds exists (found table)"),
            QStringLiteral("✓ view shop.big_refunds exists (found view)")});
    row("rename column", "ALTER TABLE shop.refunds RENAME COLUMN id TO refund_id",
        {QStringLiteral("✓ column shop.refunds.refund_id: renamed from id (found bigint, "
                        "nullable)"),
            QStringLiteral("✓ column shop.refunds.id dropped (gone)")});
    row("drop", "DROP VIEW shop.big_refunds; DROP INDEX shop.orders_customer_idx",
        {QStringLiteral("✓ view shop.big_refunds dropped (gone)"),
            QStringLiteral("✓ index shop.orders_customer_idx dropped (gone)")});
    row("function", "CREATE FUNCTION shop.total(bigint) RETURNS bigint LANGUAGE sql AS 'SELECT $1'",
        {QStringLiteral("✓ function shop.total exists (found shop.total(bigint))")});
}

// Rows run in order, each on the state the ones above left.
void TestChangeVerification::confirms()
{
    QFETCH(QString, sql);
    QFETCH(QStringList, expected);
    run(sql);
    QCOMPARE(verify(sql.toUtf8()), expected);
}

void TestChangeVerification::noticesWhatDidNotHappen_data()
{
    QTest::addColumn<QString>("setup");
    QTest::addColumn<QString>("sql");
    QTest::addColumn<QStringList>("expected");
    // A unique index built concurrently over duplicates fails and stays,
    // invalid; IF NOT EXISTS then "succeeds" with a notice.
    QTest::newRow("invalid index")
        << QStringLiteral("CREATE UNIQUE INDEX CONCURRENTLY customers_name_key ON "
                          "shop.customers (name)")
        << QStringLiteral("CREATE UNIQUE INDEX IF NOT EXISTS customers_name_key ON "
                          "shop.customers (name)")
        << QStringList {QStringLiteral(
               "✗ index shop.customers_name_key exists and is valid (found INVALID: a build "
               "that failed left it; drop it and build it again on shop.customers)")};
    QTest::newRow("column kept its type")
        << QString()
        << QStringLiteral("ALTER TABLE shop.customers ADD COLUMN IF NOT EXISTS phone bigint")
        << QStringList {QStringLiteral("✗ column shop.customers.phone: bigint, nullable (found "
                                       "character varying(32), nullable)")};
    QTest::newRow("not validated")
        << QStringLiteral("ALTER TABLE shop.customers ADD CONSTRAINT name_short CHECK "
                          "(length(name) < 5) NOT VALID")
        << QStringLiteral("ALTER TABLE shop.customers VALIDATE CONSTRAINT name_short")
        << QStringList {QStringLiteral(
               "✗ constraint name_short on shop.customers is validated (found NOT VALID)")};
    QTest::newRow("not dropped")
        << QString()
        << QStringLiteral("DROP TABLE IF EXISTS shop.refunds_typo; DROP TABLE shop.refunds")
        << QStringList {QStringLiteral("✓ table shop.refunds_typo dropped (gone)"),
               QStringLiteral("✗ table shop.refunds dropped: still there (table)")};
    QTest::newRow("missing") << QString() << QStringLiteral("CREATE TABLE shop.never_made (id int)")
                             << QStringList {
                                    QStringLiteral("✗ table shop.never_made exists (not found)")};
}

// The setup runs; the statement's checks run as if it had succeeded (the
// first row: it did, with a notice; the others: it was never run).
void TestChangeVerification::noticesWhatDidNotHappen()
{
    QFETCH(QString, setup);
    QFETCH(QString, sql);
    QFETCH(QStringList, expected);
    if (!setup.isEmpty())
        runAndWait(m_connection, setup); // may fail on purpose (the invalid index)
    if (QTest::currentDataTag() == QLatin1String("invalid index")
        || QTest::currentDataTag() == QLatin1String("column kept its type"))
        run(sql);
    QCOMPARE(verify(sql.toUtf8()), expected);
}

void TestChangeVerification::promisesNothingForData()
{
    QVERIFY(ChangeVerifier::checksFor("UPDATE shop.customers SET name = 'b'; SELECT 1").isEmpty());
    ChangeVerification verification;
    QVERIFY(!verification.start(&m_connection, "INSERT INTO shop.customers VALUES (3, 'c')"));
}

// The checks as statements another tool runs (a sqitch verify script):
// quiet when the change is there, a division by zero when it is not.
// Runs on the state the tests above leave.
void TestChangeVerification::assertionsFailWhenFalse()
{
    const auto errors = [this](const char *sql) {
        QStringList states;
        for (const ChangeVerifier::Check &c : ChangeVerifier::finalChecksFor(sql))
            states << runAndWait(m_connection, ChangeVerifier::assertion(c)).error.sqlState;
        return states;
    };
    QCOMPARE(errors("ALTER TABLE shop.customers ADD COLUMN phone varchar(32);"
                    "CREATE TABLE shop.refunds (id bigint);"
                    "ALTER TABLE shop.refunds RENAME COLUMN id TO refund_id"),
        QStringList(4, QString()));
    const QString divisionByZero = QStringLiteral("22012");
    QCOMPARE(errors("ALTER TABLE shop.customers ADD COLUMN phone bigint;"
                    "ALTER TABLE shop.customers VALIDATE CONSTRAINT name_short;"
                    "DROP TABLE shop.refunds;"
                    "CREATE FUNCTION shop.never_made() RETURNS int LANGUAGE sql AS 'SELECT 1';"
                    "CREATE TABLE shop.\"$1\" (id int)"), // a literal that looks like a parameter
        QStringList(5, divisionByZero));
    // Only the end state counts: a column added, then dropped, is gone.
    const QList<ChangeVerifier::Check> last =
        ChangeVerifier::finalChecksFor("ALTER TABLE shop.customers ADD COLUMN tmp int; ALTER TABLE "
                                       "shop.customers DROP COLUMN tmp");
    QCOMPARE(last.size(), 1);
    QVERIFY(last.first().absentIsOk);
}

QTEST_GUILESS_MAIN(TestChangeVerification)
#include "tst_changeverification.moc"
