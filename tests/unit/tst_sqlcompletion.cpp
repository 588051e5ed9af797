// SqlCompletion over a small hand-built catalog: columns after an alias
// or a table name, relations and functions after a schema, everything
// with keywords elsewhere, quoting, and half-typed statements.

#include "core/completion/sqlcompletion.h"

#include <QTest>

using namespace tusk::core;

namespace {
CatalogSnapshot catalog()
{
    CatalogSnapshot::Builder b;
    b.setSource(QStringLiteral("db"), 150000, false);
    b.add(DbSchema {10, QStringLiteral("public"), {}, {}});
    b.add(DbSchema {11, QStringLiteral("shop"), {}, {}});
    DbRelation orders;
    orders.oid = 100;
    orders.schemaOid = 11;
    orders.name = QStringLiteral("orders");
    b.add(orders);
    DbRelation mixed;
    mixed.oid = 101;
    mixed.schemaOid = 10;
    mixed.name = QStringLiteral("Order Lines");
    b.add(mixed);
    DbRelation seq;
    seq.oid = 102;
    seq.schemaOid = 11;
    seq.name = QStringLiteral("orders_id_seq");
    seq.kind = RelationKind::Sequence;
    b.add(seq);
    int position = 0;
    for (const char *name : {"id", "customer_id", "ordered_at"}) {
        DbColumn c;
        c.relationOid = 100;
        c.position = ++position;
        c.name = QString::fromLatin1(name);
        c.type = QStringLiteral("bigint");
        b.add(c);
    }
    DbColumn quantity;
    quantity.relationOid = 101;
    quantity.position = 1;
    quantity.name = QStringLiteral("Quantity");
    quantity.type = QStringLiteral("integer");
    b.add(quantity);
    DbFunction f;
    f.oid = 200;
    f.schemaOid = 11;
    f.name = QStringLiteral("order_total");
    f.arguments = QStringLiteral("bigint");
    b.add(f);
    return b.build();
}

QStringList texts(const SqlCompletion::Result &result)
{
    QStringList out;
    for (const auto &item : result.items)
        out << item.text;
    return out;
}

SqlCompletion::Result at(const QByteArray &textWithCaret)
{
    // '|' marks the caret.
    QByteArray text = textWithCaret;
    const qsizetype caret = text.indexOf('|');
    text.remove(caret, 1);
    static const CatalogSnapshot snapshot = catalog();
    return SqlCompletion::complete(text, caret, snapshot,
        {QStringLiteral("ORDER"), QStringLiteral("OR"), QStringLiteral("SELECT")});
}
} // namespace

class TestSqlCompletion : public QObject {
    Q_OBJECT
private slots:
    void columnsAfterAnAlias();
    void columnsAfterATableName();
    void relationsAfterASchema();
    void everythingElsewhere();
    void aliasesOfEachIntroducer();
};

void TestSqlCompletion::columnsAfterAnAlias()
{
    const auto result = at("SELECT o.| FROM shop.orders AS o WHERE o.id = 1");
    QCOMPARE(texts(result), (QStringList {"customer_id", "id", "ordered_at"}));
    QCOMPARE(result.items.first().detail, QStringLiteral("bigint"));
    // A prefix, and the statement still half-typed (no FROM end, no ';').
    const auto typed = at("SELECT 1;\nSELECT o.ord| FROM shop.orders o JOIN \"Order Lines\" l ON");
    QCOMPARE(texts(typed), QStringList {"ordered_at"});
    QCOMPARE(typed.prefix, QStringLiteral("ord"));
    QCOMPARE(typed.prefixBegin, qsizetype(QByteArray("SELECT 1;\nSELECT o.").size()));
    // A quoted column name comes back quoted.
    QCOMPARE(texts(at("SELECT l.| FROM shop.orders o JOIN \"Order Lines\" l ON true")),
        QStringList {"\"Quantity\""});
}

void TestSqlCompletion::columnsAfterATableName()
{
    QCOMPARE(texts(at("UPDATE shop.orders SET ordered_at = now() WHERE orders.cu|")),
        QStringList {"customer_id"});
}

void TestSqlCompletion::relationsAfterASchema()
{
    // Tables and functions of the schema; the sequence is not offered.
    QCOMPARE(texts(at("SELECT * FROM shop.|")), (QStringList {"orders", "order_total"}));
    QVERIFY(texts(at("SELECT * FROM nosuch.|")).isEmpty());
}

void TestSqlCompletion::everythingElsewhere()
{
    const QStringList all = texts(at("SELECT * FROM or|"));
    // Names that begin as typed first; among them relations before
    // functions, keywords last. "Order Lines" comes quoted.
    QCOMPARE(all, (QStringList {"orders", "order_total", "\"Order Lines\"", "OR", "ORDER"}));
    // Nothing typed: no keywords flood the list, the catalog is offered.
    const QStringList empty = texts(at("SELECT * FROM |"));
    QVERIFY(empty.contains(QStringLiteral("orders")));
    QVERIFY(empty.contains(QStringLiteral("shop")));
    QVERIFY(!empty.contains(QStringLiteral("SELECT")));
    // Text in comments and strings is not read as names.
    QCOMPARE(SqlCompletion::aliases("SELECT 'from x y' -- from a b\nFROM shop.orders o").value("o"),
        QStringLiteral("shop.orders"));
    QVERIFY(!SqlCompletion::aliases("SELECT 'from x y' FROM t").contains(QStringLiteral("y")));
}

void TestSqlCompletion::aliasesOfEachIntroducer()
{
    const auto found = SqlCompletion::aliases(
        "SELECT * FROM a x, b AS y JOIN c ON true LEFT JOIN s.d z USING (id) WHERE true");
    QCOMPARE(found.value("x"), QStringLiteral("a"));
    QCOMPARE(found.value("y"), QStringLiteral("b"));
    QCOMPARE(found.value("c"), QStringLiteral("c"));
    QCOMPARE(found.value("z"), QStringLiteral("s.d"));
    QVERIFY(!found.contains(QStringLiteral("on")));
    QVERIFY(!found.contains(QStringLiteral("where")));
    QCOMPARE(
        SqlCompletion::aliases("INSERT INTO t (a) VALUES (1)").value("t"), QStringLiteral("t"));
    QCOMPARE(SqlCompletion::aliases("DELETE FROM \"Odd\" o").value("o"), QStringLiteral("\"Odd\""));
}

QTEST_GUILESS_MAIN(TestSqlCompletion)
#include "tst_sqlcompletion.moc"
