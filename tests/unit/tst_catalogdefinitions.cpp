// CatalogSnapshot::withDefinitions: the definitions read after a quick
// snapshot land on their columns, indexes and sequences, in a copy that
// shares its objects with the quick one, which stays as it was.

#include "core/catalog/catalogsnapshot.h"

#include <QTest>

using namespace tusk::core;

class TestCatalogDefinitions : public QObject {
    Q_OBJECT
private slots:
    void definitionsLandOnTheirObjects();
    void unknownObjectsAreIgnored();
    void separateLoadsDoNotShareObjects();

private:
    static CatalogSnapshot quickSnapshot();
};

CatalogSnapshot TestCatalogDefinitions::quickSnapshot()
{
    CatalogSnapshot::Builder b;
    b.setSource(QStringLiteral("shop"), 150004, false, false);
    b.add(DbSchema {2200, QStringLiteral("public"), QStringLiteral("postgres"), {}});
    DbRelation orders;
    orders.oid = 100;
    orders.schemaOid = 2200;
    orders.name = QStringLiteral("orders");
    b.add(orders);
    DbRelation sequence;
    sequence.oid = 101;
    sequence.schemaOid = 2200;
    sequence.name = QStringLiteral("orders_id_seq");
    sequence.kind = RelationKind::Sequence;
    b.add(sequence);
    for (int position : {1, 2, 3}) {
        DbColumn c;
        c.relationOid = 100;
        c.position = position;
        c.name = QStringLiteral("c%1").arg(position);
        c.type = QStringLiteral("bigint");
        c.hasDefault = position != 2;
        b.add(c);
    }
    DbIndex index;
    index.oid = 102;
    index.relationOid = 100;
    index.name = QStringLiteral("orders_pkey");
    b.add(index);
    DbSequence s;
    s.oid = 101;
    s.maxValue = 100;
    b.add(s);
    return b.build();
}

void TestCatalogDefinitions::definitionsLandOnTheirObjects()
{
    const CatalogSnapshot quick = quickSnapshot();
    CatalogDefinitions definitions;
    definitions.columnDefaults << CatalogDefinitions::ColumnDefault {100, 1,
        QStringLiteral("nextval('orders_id_seq'::regclass)")}
                               << CatalogDefinitions::ColumnDefault {100, 3, QStringLiteral("0")};
    definitions.indexDefinitions << CatalogDefinitions::IndexDefinition {
        102, QStringLiteral("CREATE UNIQUE INDEX orders_pkey ON public.orders USING btree (c1)")};
    definitions.sequenceValues << CatalogDefinitions::SequenceValue {101, 77};
    definitions.problems << CatalogProblem {
        QStringLiteral("sequence_values"), QStringLiteral("permission denied")};

    const CatalogSnapshot whole = quick.withDefinitions(definitions);
    QVERIFY(whole.hasDefinitions());
    QVERIFY(whole.sharesObjectsWith(quick));
    QVERIFY(quick.sharesObjectsWith(whole));
    const DbRelation *orders = whole.relation(100);
    QVERIFY(orders);
    QCOMPARE(whole.column(*orders, 1)->defaultValue,
        QStringLiteral("nextval('orders_id_seq'::regclass)"));
    QVERIFY(whole.column(*orders, 2)->defaultValue.isNull());
    QCOMPARE(whole.column(*orders, 3)->defaultValue, QStringLiteral("0"));
    QCOMPARE(whole.index(102)->definition,
        QStringLiteral("CREATE UNIQUE INDEX orders_pkey ON public.orders USING btree (c1)"));
    QVERIFY(whole.sequence(101)->hasLastValue);
    QCOMPARE(whole.sequence(101)->lastValue, 77);
    QCOMPARE(whole.problems().size(), 1);
    QCOMPARE(whole.problems().first().kind, QStringLiteral("sequence_values"));
    // Links and lookups carry over.
    QCOMPARE(orders->columns.size(), 3);
    QCOMPARE(orders->indexes.size(), 1);
    QCOMPARE(whole.relation(101)->sequence, 0);

    // The quick snapshot is a value: untouched.
    QVERIFY(!quick.hasDefinitions());
    QVERIFY(quick.column(*quick.relation(100), 1)->defaultValue.isNull());
    QVERIFY(quick.index(102)->definition.isNull());
    QVERIFY(!quick.sequence(101)->hasLastValue);
    QVERIFY(quick.problems().isEmpty());
    // Names are one string in both, not a copy.
    QVERIFY(whole.columns().at(0).name.constData() == quick.columns().at(0).name.constData());
}

void TestCatalogDefinitions::unknownObjectsAreIgnored()
{
    const CatalogSnapshot quick = quickSnapshot();
    CatalogDefinitions definitions;
    definitions.columnDefaults << CatalogDefinitions::ColumnDefault {100, 9, QStringLiteral("1")}
                               << CatalogDefinitions::ColumnDefault {999, 1, QStringLiteral("1")};
    definitions.indexDefinitions << CatalogDefinitions::IndexDefinition {
        999, QStringLiteral("CREATE INDEX x ON y (z)")};
    definitions.sequenceValues << CatalogDefinitions::SequenceValue {999, 5};
    const CatalogSnapshot whole = quick.withDefinitions(definitions);
    QVERIFY(whole.hasDefinitions());
    QCOMPARE(whole.columns().size(), 3);
    for (const DbColumn &c : whole.columns())
        QVERIFY(c.defaultValue.isNull());
    QVERIFY(!whole.index(999));
    QVERIFY(!whole.sequence(101)->hasLastValue);
    QVERIFY(CatalogSnapshot().withDefinitions(definitions).isNull());
}

void TestCatalogDefinitions::separateLoadsDoNotShareObjects()
{
    const CatalogSnapshot one = quickSnapshot();
    const CatalogSnapshot other = quickSnapshot();
    QVERIFY(!one.sharesObjectsWith(other));
    QVERIFY(!one.sharesObjectsWith(CatalogSnapshot()));
    QVERIFY(!CatalogSnapshot().sharesObjectsWith(CatalogSnapshot()));
    QVERIFY(one.sharesObjectsWith(one));
}

QTEST_GUILESS_MAIN(TestCatalogDefinitions)
#include "tst_catalogdefinitions.moc"
