// What of an editor's text goes into a migration (MigrationStatements), and
// the evidence that a catalog is the one after the pending changes
// (AppliedEvidence), against the hand-built orders catalog.

#include "orderscatalog.h"

#include "core/migrations/appliedevidence.h"
#include "core/migrations/migrationstatements.h"

#include <QTest>

using namespace tusk::core;

class TestMigrationStatements : public QObject {
    Q_OBJECT
private slots:
    void keepsWhatChangesSomething();
    void leavesCopyDataOut();
    void closesTheLastStatement();
    void findsACatalogAfterTheChange_data();
    void findsACatalogAfterTheChange();
};

void TestMigrationStatements::keepsWhatChangesSomething()
{
    int count = 0;
    const QByteArray kept = MigrationStatements::of(
        "SELECT count(*) FROM orders;\nSET lock_timeout = '2s';\n"
        "ALTER TABLE orders ADD COLUMN code text;\nSHOW work_mem;\n"
        "SELECT setval('orders_id_seq', 10);\nUPDATE orders SET code = 'x';\n",
        &count);
    QCOMPARE(count, 4);
    QCOMPARE(kept,
        QByteArray("SET lock_timeout = '2s';\n\nALTER TABLE orders ADD COLUMN code text;\n\n"
                   "SELECT setval('orders_id_seq', 10);\n\nUPDATE orders SET code = 'x';\n"));
    QVERIFY(MigrationStatements::changeStructure("SELECT 1; ALTER TABLE orders ADD x int"));
    QVERIFY(!MigrationStatements::changeStructure("SELECT 1; UPDATE orders SET note = 'a'"));
    QVERIFY(MigrationStatements::of("SELECT * FROM orders; EXPLAIN SELECT 1").isEmpty());
}

void TestMigrationStatements::leavesCopyDataOut()
{
    QString leftOut;
    const QByteArray kept = MigrationStatements::of(
        "COPY orders (id) FROM stdin;\n1\n\\.\nCREATE INDEX orders_id2 ON orders (id);\n", nullptr,
        &leftOut);
    QCOMPARE(kept, QByteArray("CREATE INDEX orders_id2 ON orders (id);\n"));
    QCOMPARE(leftOut,
        QStringLiteral("COPY … FROM stdin (line 1) was left out: its data lines are "
                       "not part of the statement"));
}

void TestMigrationStatements::closesTheLastStatement()
{
    QCOMPARE(MigrationStatements::closed("ALTER TABLE a ADD x int"),
        QByteArray("ALTER TABLE a ADD x int;"));
    QCOMPARE(MigrationStatements::closed("ALTER TABLE a ADD x int; -- done"),
        QByteArray("ALTER TABLE a ADD x int; -- done"));
    QCOMPARE(MigrationStatements::closed("ALTER TABLE a ADD x int -- no end"),
        QByteArray("ALTER TABLE a ADD x int -- no end\n;"));
    QCOMPARE(MigrationStatements::closed("\n"), QByteArray("\n"));
}

void TestMigrationStatements::findsACatalogAfterTheChange_data()
{
    QTest::addColumn<QString>("sql");
    QTest::addColumn<QStringList>("evidence");
    QTest::newRow("column there") << QStringLiteral("ALTER TABLE orders ADD COLUMN note text")
                                  << QStringList {
                                         QStringLiteral("column orders.note exists already")};
    QTest::newRow("if not exists")
        << QStringLiteral("ALTER TABLE orders ADD COLUMN IF NOT EXISTS note text") << QStringList();
    QTest::newRow("column gone") << QStringLiteral("ALTER TABLE orders DROP COLUMN shipped_at")
                                 << QStringList {
                                        QStringLiteral("column orders.shipped_at is gone already")};
    QTest::newRow("type set") << QStringLiteral(
        "ALTER TABLE orders ALTER COLUMN status TYPE varchar(20)")
                              << QStringList {QStringLiteral(
                                     "column orders.status is character varying(20) already")};
    QTest::newRow("type to come") << QStringLiteral(
        "ALTER TABLE orders ALTER COLUMN status TYPE text")
                                  << QStringList();
    QTest::newRow("not null set") << QStringLiteral(
        "ALTER TABLE orders ALTER COLUMN customer_id SET NOT NULL")
                                  << QStringList {QStringLiteral(
                                         "column orders.customer_id is NOT NULL already")};
    QTest::newRow("table there") << QStringLiteral("CREATE TABLE orders (id int)")
                                 << QStringList {QStringLiteral("table orders exists already")};
    QTest::newRow("dropped first")
        << QStringLiteral("DROP TABLE orders; CREATE TABLE orders (id int)") << QStringList();
    QTest::newRow("a fresh change")
        << QStringLiteral("ALTER TABLE orders ADD COLUMN code text; CREATE TABLE refunds (id int)")
        << QStringList();
}

void TestMigrationStatements::findsACatalogAfterTheChange()
{
    QFETCH(QString, sql);
    QFETCH(QStringList, evidence);
    QCOMPARE(AppliedEvidence::find(tusk::test::ordersCatalog(), sql.toUtf8()), evidence);
    QVERIFY(AppliedEvidence::find(CatalogSnapshot(), sql.toUtf8()).isEmpty());
}

QTEST_GUILESS_MAIN(TestMigrationStatements)
#include "tst_migrationstatements.moc"
