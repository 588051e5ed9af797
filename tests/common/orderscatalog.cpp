#include "orderscatalog.h"

namespace tusk::test {

using namespace tusk::core;

namespace {
DbColumn column(Oid relation, int position, const char *name, const char *type, bool notNull,
    const char *defaultValue = nullptr)
{
    DbColumn c;
    c.relationOid = relation;
    c.position = position;
    c.name = QString::fromLatin1(name);
    c.type = QString::fromLatin1(type);
    c.notNull = notNull;
    c.hasDefault = defaultValue != nullptr;
    c.defaultValue = defaultValue ? QString::fromLatin1(defaultValue) : QString();
    return c;
}

DbConstraint constraint(Oid oid, const char *name, ConstraintKind kind, QList<int> columns,
    const char *definition, Oid index = 0)
{
    DbConstraint c;
    c.oid = oid;
    c.relationOid = 100;
    c.name = QString::fromLatin1(name);
    c.kind = kind;
    c.columns = columns;
    c.definition = QString::fromLatin1(definition);
    c.indexOid = index;
    return c;
}

DbIndex index(Oid oid, const char *name, QList<int> keys, const char *definition)
{
    DbIndex x;
    x.oid = oid;
    x.relationOid = 100;
    x.name = QString::fromLatin1(name);
    x.keyColumns = keys;
    x.definition = QString::fromLatin1(definition);
    return x;
}

} // namespace

CatalogSnapshot ordersCatalog()
{
    CatalogSnapshot::Builder b;
    b.setSource(QStringLiteral("db"), 150000, false);
    b.add(DbSchema {10, QStringLiteral("public"), QStringLiteral("postgres"), {}});
    DbRelation orders;
    orders.oid = 100;
    orders.schemaOid = 10;
    orders.name = QStringLiteral("orders");
    orders.owner = QStringLiteral("postgres");
    orders.comment = QStringLiteral("all orders");
    b.add(orders);
    DbRelation sequence;
    sequence.oid = 300;
    sequence.schemaOid = 10;
    sequence.name = QStringLiteral("orders_id_seq");
    sequence.kind = RelationKind::Sequence;
    sequence.owner = QStringLiteral("postgres");
    b.add(sequence);
    DbSequence s;
    s.oid = 300;
    s.type = QStringLiteral("bigint");
    s.maxValue = 9223372036854775807;
    s.ownedByOid = 100;
    s.ownedByColumn = 1;
    s.hasLastValue = true;
    s.lastValue = 42;
    b.add(s);
    b.add(column(100, 1, "id", "bigint", true, "nextval('orders_id_seq'::regclass)"));
    b.add(column(100, 2, "customer_id", "integer", true));
    b.add(column(100, 3, "note", "text", false, "'none'::text"));
    b.add(column(100, 4, "status", "character varying(20)", false));
    b.add(constraint(500, "orders_pkey", ConstraintKind::PrimaryKey, {1}, "PRIMARY KEY (id)", 200));
    b.add(constraint(501, "note_check", ConstraintKind::Check, {3}, "CHECK ((note <> ''::text))"));
    b.add(index(200, "orders_pkey", {1},
        "CREATE UNIQUE INDEX orders_pkey ON public.orders USING btree (id)"));
    b.add(index(201, "orders_status_idx", {4},
        "CREATE INDEX orders_status_idx ON public.orders USING btree (status)"));
    DbType mood;
    mood.oid = 400;
    mood.schemaOid = 10;
    mood.name = QStringLiteral("mood");
    mood.labels = {QStringLiteral("happy"), QStringLiteral("sad")};
    b.add(mood);
    return b.build();
}

} // namespace tusk::test
