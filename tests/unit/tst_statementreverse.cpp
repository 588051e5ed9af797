// StatementReverse over a small hand-built catalog: each statement's
// inverse SQL and whether it is safe, the down script's order and
// comments, statements on objects the script itself creates, and what a
// missing snapshot leaves unsafe. The server checks the inverses in
// tests/integration/tst_statementreverseserver.cpp.

#include "orderscatalog.h"

#include "core/migrations/statementreverse.h"

#include <QTest>

using namespace tusk::core;
using tusk::test::ordersCatalog;

class TestStatementReverse : public QObject {
    Q_OBJECT
private slots:
    void inverse_data();
    void inverse();
    void downScriptRunsBackwards();
    void scriptCreatedObjectsNeedNoOldState();
    void droppedAgainVoidsEarlierInverses();
    void renamesAreFollowed();
    void withoutSnapshot();
};

void TestStatementReverse::inverse_data()
{
    QTest::addColumn<QString>("sql");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<bool>("safe");
    auto row = [](const char *name, const char *sql, const char *expected, bool safe) {
        QTest::newRow(name) << QString::fromUtf8(sql) << QString::fromUtf8(expected) << safe;
    };
    row("create table", "CREATE TABLE shop.items (id int)", "DROP TABLE shop.items;", true);
    row("create table quoted", "CREATE TABLE \"Order\" (id int)", "DROP TABLE \"Order\";", true);
    row("create table if not exists, existing", "CREATE TABLE IF NOT EXISTS orders (id int)", "",
        true);
    row("create index", "CREATE INDEX CONCURRENTLY orders_note_idx ON orders (note)",
        "DROP INDEX CONCURRENTLY orders_note_idx;", true);
    row("create unique index in schema", "CREATE UNIQUE INDEX i ON shop.t (a)",
        "DROP INDEX shop.i;", true);
    row("create index unnamed", "CREATE INDEX ON orders (note)",
        "-- no safe inverse: the server picks the index's name; name it to get an inverse", false);
    row("drop index", "DROP INDEX orders_status_idx",
        "CREATE INDEX orders_status_idx ON public.orders USING btree (status);", true);
    row("drop index concurrently", "DROP INDEX CONCURRENTLY public.orders_status_idx",
        "CREATE INDEX CONCURRENTLY orders_status_idx ON public.orders USING btree (status);", true);
    row("add column", "ALTER TABLE orders ADD COLUMN total numeric(10,2) NOT NULL DEFAULT 0",
        "ALTER TABLE orders DROP COLUMN total;", true);
    row("drop column", "ALTER TABLE orders DROP COLUMN status",
        "ALTER TABLE orders ADD COLUMN status character varying(20);\n"
        "CREATE INDEX orders_status_idx ON public.orders USING btree (status);",
        false);
    row("drop column with check", "ALTER TABLE orders DROP COLUMN note",
        "ALTER TABLE orders ADD COLUMN note text DEFAULT 'none'::text;\n"
        "ALTER TABLE public.orders ADD CONSTRAINT note_check CHECK ((note <> ''::text));",
        false);
    row("drop serial column", "ALTER TABLE orders DROP COLUMN id",
        "CREATE SEQUENCE public.orders_id_seq\n    AS bigint\n    START WITH 1\n    INCREMENT BY "
        "1\n    MINVALUE 1\n    MAXVALUE 9223372036854775807\n    NO CYCLE;\n"
        "ALTER SEQUENCE public.orders_id_seq OWNER TO postgres;\n"
        "ALTER TABLE orders ADD COLUMN id bigint DEFAULT nextval('orders_id_seq'::regclass) NOT "
        "NULL;\n"
        "ALTER SEQUENCE public.orders_id_seq OWNED BY public.orders.id;\n"
        "SELECT pg_catalog.setval('public.orders_id_seq', 42);\n"
        "ALTER TABLE public.orders ADD CONSTRAINT orders_pkey PRIMARY KEY (id);",
        false);
    row("alter type", "ALTER TABLE orders ALTER COLUMN status TYPE text",
        "ALTER TABLE orders ALTER COLUMN status TYPE character varying(20);", true);
    row("alter type using", "ALTER TABLE orders ALTER COLUMN customer_id TYPE text USING 'c'",
        "ALTER TABLE orders ALTER COLUMN customer_id TYPE integer USING customer_id::integer;",
        true);
    row("set not null", "ALTER TABLE orders ALTER COLUMN note SET NOT NULL",
        "ALTER TABLE orders ALTER COLUMN note DROP NOT NULL;", true);
    row("set not null, already", "ALTER TABLE orders ALTER COLUMN customer_id SET NOT NULL", "",
        true);
    row("drop not null", "ALTER TABLE orders ALTER COLUMN customer_id DROP NOT NULL",
        "ALTER TABLE orders ALTER COLUMN customer_id SET NOT NULL;", true);
    row("set default", "ALTER TABLE orders ALTER COLUMN note SET DEFAULT 'x'",
        "ALTER TABLE orders ALTER COLUMN note SET DEFAULT 'none'::text;", true);
    row("set default, none before", "ALTER TABLE orders ALTER COLUMN status SET DEFAULT 'new'",
        "ALTER TABLE orders ALTER COLUMN status DROP DEFAULT;", true);
    row("drop default", "ALTER TABLE orders ALTER COLUMN note DROP DEFAULT",
        "ALTER TABLE orders ALTER COLUMN note SET DEFAULT 'none'::text;", true);
    row("add check", "ALTER TABLE orders ADD CONSTRAINT c CHECK (customer_id > 0) NOT VALID",
        "ALTER TABLE orders DROP CONSTRAINT c;", true);
    row("add unnamed", "ALTER TABLE orders ADD CHECK (customer_id > 0)",
        "-- no safe inverse: the server picks the constraint's name; name it to get an inverse",
        false);
    row("add primary key on nullable", "ALTER TABLE orders ADD CONSTRAINT pk PRIMARY KEY (status)",
        "ALTER TABLE orders DROP CONSTRAINT pk;\n"
        "ALTER TABLE orders ALTER COLUMN status DROP NOT NULL;",
        true);
    row("drop constraint", "ALTER TABLE orders DROP CONSTRAINT note_check",
        "ALTER TABLE public.orders ADD CONSTRAINT note_check CHECK ((note <> ''::text));", true);
    row("validate", "ALTER TABLE orders VALIDATE CONSTRAINT note_check", "", true);
    row("two subcommands backwards",
        "ALTER TABLE orders ADD COLUMN a int, ALTER COLUMN note DROP DEFAULT",
        "ALTER TABLE orders ALTER COLUMN note SET DEFAULT 'none'::text;\n"
        "ALTER TABLE orders DROP COLUMN a;",
        true);
    row("rename table", "ALTER TABLE orders RENAME TO purchases",
        "ALTER TABLE purchases RENAME TO orders;", true);
    row("rename column", "ALTER TABLE public.orders RENAME COLUMN note TO remark",
        "ALTER TABLE public.orders RENAME COLUMN remark TO note;", true);
    row("rename index", "ALTER INDEX orders_status_idx RENAME TO by_status",
        "ALTER INDEX by_status RENAME TO orders_status_idx;", true);
    row("rename constraint", "ALTER TABLE orders RENAME CONSTRAINT note_check TO note_ok",
        "ALTER TABLE orders RENAME CONSTRAINT note_ok TO note_check;", true);
    row("create view", "CREATE VIEW v AS SELECT 1", "DROP VIEW v;", true);
    row("create or replace new view", "CREATE OR REPLACE VIEW v AS SELECT 1", "DROP VIEW v;", true);
    row("create materialized view", "CREATE MATERIALIZED VIEW m AS SELECT 1",
        "DROP MATERIALIZED VIEW m;", true);
    row("create function",
        "CREATE FUNCTION shop.f(a integer, OUT b text, VARIADIC c text[]) LANGUAGE sql AS 'select "
        "1'",
        "DROP FUNCTION shop.f(int4, text[]);", true);
    row("create sequence", "CREATE SEQUENCE s", "DROP SEQUENCE s;", true);
    row("create enum", "CREATE TYPE shop.state AS ENUM ('a')", "DROP TYPE shop.state;", true);
    row("create domain", "CREATE DOMAIN d AS int", "DROP DOMAIN d;", true);
    row("create schema", "CREATE SCHEMA shop", "DROP SCHEMA shop;", true);
    row("create extension", "CREATE EXTENSION IF NOT EXISTS citext", "DROP EXTENSION citext;",
        true);
    row("add enum value", "ALTER TYPE mood ADD VALUE 'meh'",
        "-- no safe inverse: PostgreSQL cannot remove a value from an enum type", false);
    row("rename enum value", "ALTER TYPE mood RENAME VALUE 'sad' TO 'blue'",
        "ALTER TYPE mood RENAME VALUE 'blue' TO 'sad';", true);
    row("drop enum", "DROP TYPE mood",
        "CREATE TYPE public.mood AS ENUM (\n    'happy',\n    'sad'\n);", true);
    row("comment on table", "COMMENT ON TABLE orders IS 'x'",
        "COMMENT ON TABLE orders IS 'all orders';", true);
    row("comment on column", "COMMENT ON COLUMN orders.note IS 'x'",
        "COMMENT ON COLUMN orders.note IS NULL;", true);
    row("insert", "INSERT INTO orders (customer_id) VALUES (1)",
        "-- no safe inverse: a data change: the rows before it are not kept", false);
    row("set", "SET lock_timeout = '1s'", "", true);
    row("begin", "BEGIN", "", true);
    row("drop view", "DROP VIEW IF EXISTS nothing_here", "", true);
}

void TestStatementReverse::inverse()
{
    QFETCH(QString, sql);
    QFETCH(QString, expected);
    QFETCH(bool, safe);
    const QList<StatementReverse::Inverse> inverses =
        StatementReverse(ordersCatalog()).reverse(sql);
    QCOMPARE(inverses.size(), 1);
    QCOMPARE(inverses.first().sql, expected);
    QCOMPARE(inverses.first().safe, safe);
    QCOMPARE(inverses.first().statement, sql);
    if (!safe)
        QVERIFY(!inverses.first().reason.isEmpty());
}

void TestStatementReverse::downScriptRunsBackwards()
{
    const QString down =
        StatementReverse(ordersCatalog())
            .downScript(QStringLiteral("SET lock_timeout = '1s';\n"
                                       "ALTER TABLE orders ADD COLUMN total numeric;\n"
                                       "UPDATE orders\n   SET total = 0;\n"
                                       "ALTER TABLE orders DROP COLUMN status;\n"
                                       "CREATE INDEX orders_total_idx ON orders (total);\n"));
    QCOMPARE(down,
        QStringLiteral(
            "DROP INDEX orders_total_idx;\n"
            "\n"
            "-- partial inverse: restores the definition of column status, not its data\n"
            "-- ALTER TABLE orders DROP COLUMN status\n"
            "ALTER TABLE orders ADD COLUMN status character varying(20);\n"
            "CREATE INDEX orders_status_idx ON public.orders USING btree (status);\n"
            "\n"
            "-- no safe inverse: a data change: the rows before it are not kept\n"
            "-- UPDATE orders SET total = 0\n"
            "\n"
            "ALTER TABLE orders DROP COLUMN total;\n"));
}

void TestStatementReverse::scriptCreatedObjectsNeedNoOldState()
{
    const QList<StatementReverse::Inverse> inverses =
        StatementReverse(ordersCatalog())
            .reverse(QStringLiteral("CREATE TABLE items (id int, name text);\n"
                                    "ALTER TABLE items ALTER COLUMN name SET NOT NULL;\n"
                                    "CREATE INDEX items_name_idx ON items (name);\n"
                                    "ALTER TABLE orders ADD COLUMN item_id int;\n"
                                    "ALTER TABLE orders ALTER COLUMN item_id SET DEFAULT 1;\n"
                                    "COMMENT ON COLUMN orders.item_id IS 'x';\n"));
    QCOMPARE(inverses.size(), 6);
    QCOMPARE(inverses.at(0).sql, QStringLiteral("DROP TABLE items;"));
    for (int i : {1, 2, 4, 5}) {
        QVERIFY2(inverses.at(i).sql.isEmpty(), qPrintable(inverses.at(i).sql));
        QVERIFY(inverses.at(i).safe);
    }
    QCOMPARE(inverses.at(3).sql, QStringLiteral("ALTER TABLE orders DROP COLUMN item_id;"));
}

void TestStatementReverse::droppedAgainVoidsEarlierInverses()
{
    const QList<StatementReverse::Inverse> inverses =
        StatementReverse(ordersCatalog())
            .reverse(QStringLiteral("CREATE TABLE tmp (id int);\n"
                                    "ALTER TABLE orders ADD COLUMN x int, ADD COLUMN y int;\n"
                                    "ALTER TABLE orders DROP COLUMN x;\n"
                                    "ALTER TABLE orders ALTER COLUMN note TYPE varchar(50);\n"
                                    "ALTER TABLE orders DROP COLUMN note;\n"
                                    "DROP TABLE tmp;\n"));
    QCOMPARE(inverses.size(), 6);
    QCOMPARE(inverses.at(0).sql, QString()); // dropped again by the last statement
    QCOMPARE(inverses.at(1).sql, QStringLiteral("ALTER TABLE orders DROP COLUMN y;"));
    QCOMPARE(inverses.at(2).sql, QString());
    QCOMPARE(inverses.at(3).sql, QString()); // the restored column has its old type
    QVERIFY(
        inverses.at(4).sql.startsWith(QLatin1String("ALTER TABLE orders ADD COLUMN note text")));
    QCOMPARE(inverses.at(5).sql, QString());
    QVERIFY(inverses.at(5).safe);
}

void TestStatementReverse::renamesAreFollowed()
{
    const QList<StatementReverse::Inverse> inverses =
        StatementReverse(ordersCatalog())
            .reverse(QStringLiteral("ALTER TABLE orders RENAME TO purchases;\n"
                                    "ALTER TABLE purchases RENAME COLUMN note TO remark;\n"
                                    "ALTER TABLE purchases ALTER COLUMN remark DROP DEFAULT;\n"
                                    "ALTER TABLE purchases DROP CONSTRAINT note_check;\n"
                                    "DROP INDEX orders_status_idx;\n"));
    QCOMPARE(inverses.size(), 5);
    QCOMPARE(
        inverses.at(1).sql, QStringLiteral("ALTER TABLE purchases RENAME COLUMN remark TO note;"));
    QCOMPARE(inverses.at(2).sql,
        QStringLiteral("ALTER TABLE purchases ALTER COLUMN remark SET DEFAULT 'none'::text;"));
    QCOMPARE(inverses.at(3).sql,
        QStringLiteral(
            "ALTER TABLE public.purchases ADD CONSTRAINT note_check CHECK ((note <> ''::text));"));
    QCOMPARE(inverses.at(4).sql,
        QStringLiteral("CREATE INDEX orders_status_idx ON public.purchases USING btree (status);"));
}

void TestStatementReverse::withoutSnapshot()
{
    const StatementReverse reverse {CatalogSnapshot()};
    const QList<StatementReverse::Inverse> inverses =
        reverse.reverse(QStringLiteral("CREATE TABLE t (id int);\n"
                                       "ALTER TABLE orders ADD COLUMN a int;\n"
                                       "ALTER TABLE orders ALTER COLUMN note SET DEFAULT 'x';\n"
                                       "DROP INDEX orders_status_idx;\n"
                                       "CREATE TABLE IF NOT EXISTS u (id int);\n"));
    QCOMPARE(inverses.size(), 5);
    QVERIFY(inverses.at(0).safe);
    QVERIFY(inverses.at(1).safe);
    for (int i : {2, 3, 4}) {
        QVERIFY(!inverses.at(i).safe);
        QVERIFY2(inverses.at(i).reason.startsWith(QLatin1String("needs the catalog")),
            qPrintable(inverses.at(i).reason));
        QVERIFY(inverses.at(i).sql.startsWith(QLatin1String("-- no safe inverse: needs")));
    }
}

QTEST_GUILESS_MAIN(TestStatementReverse)
#include "tst_statementreverse.moc"
