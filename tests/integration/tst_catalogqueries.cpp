// The catalog snapshot's SQL (resources/sql/catalog/*.sql) against the
// throwaway cluster: a fixture with every object kind, each query's rows
// checked object by object, system schemas hidden unless asked, and every
// query still answering while another session holds ACCESS EXCLUSIVE on a
// table (none of them opens a relation).

#include "testsupport.h"

#include "core/pg/connection.h"

#include <QDir>
#include <QFile>
#include <QTest>

using namespace tusk::core;
using namespace tusk::test;

namespace {
const char *const fixture = R"sql(
CREATE SCHEMA app;
COMMENT ON SCHEMA app IS 'the application';
CREATE TYPE app.mood AS ENUM ('sad', 'ok', 'happy');
CREATE DOMAIN app.positive AS integer NOT NULL CHECK (VALUE > 0);
CREATE TYPE app.pair AS (a int, b text);
CREATE TABLE app.customers (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email text NOT NULL UNIQUE,
    name text COLLATE "C",
    mood app.mood DEFAULT 'ok',
    email_lower text GENERATED ALWAYS AS (lower(email)) STORED
);
COMMENT ON COLUMN app.customers.email IS 'login';
CREATE TABLE app.orders (
    id serial PRIMARY KEY,
    customer_id bigint REFERENCES app.customers (id),
    total app.positive,
    placed_at timestamptz NOT NULL DEFAULT now()
);
ALTER TABLE app.orders ADD CONSTRAINT total_small CHECK (total < 1000000) NOT VALID;
CREATE INDEX orders_recent ON app.orders (placed_at) WHERE placed_at > '2020-01-01';
CREATE TABLE app.events (id bigint, at date NOT NULL) PARTITION BY RANGE (at);
CREATE TABLE app.events_2024 PARTITION OF app.events FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE VIEW app.big_orders AS SELECT * FROM app.orders WHERE total > 100;
CREATE MATERIALIZED VIEW app.order_counts AS SELECT customer_id, count(*) FROM app.orders GROUP BY 1;
CREATE FUNCTION app.touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
CREATE PROCEDURE app.cleanup(days int) LANGUAGE sql AS $$ DELETE FROM app.orders $$;
CREATE TRIGGER orders_touch BEFORE UPDATE ON app.orders FOR EACH ROW EXECUTE FUNCTION app.touch();
ALTER TABLE app.orders ENABLE ROW LEVEL SECURITY;
CREATE POLICY own_orders ON app.orders FOR SELECT USING (customer_id = 1);
)sql";

QString query(const QString &name)
{
    QFile file(QStringLiteral(":/sql/catalog/%1.sql").arg(name));
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

// Every file binds $1 (show system schemas) and $2 (one relation, NULL:
// all) and $3 (definitions) when it names them, as the loader does.
QVariantList paramsFor(const QString &sql, bool system)
{
    QVariantList params;
    if (sql.contains(QLatin1String("$1")))
        params << system;
    if (sql.contains(QLatin1String("$2")))
        params << QVariant();
    if (sql.contains(QLatin1String("$3")))
        params << true;
    return params;
}

Result run(Connection &connection, const QString &name, bool system = false)
{
    const QString sql = query(name);
    const QVariantList params = paramsFor(sql, system);
    const Reply reply = runAndWait(connection, sql, params);
    if (!reply.error.isNull() || reply.results.isEmpty()) {
        qWarning("%s: %s", qPrintable(name), qPrintable(reply.error.toString()));
        return {};
    }
    return reply.results.last();
}

// The row whose `column` is `value`, or -1.
int rowWhere(const Result &result, const QString &column, const QString &value)
{
    for (int r = 0; r < result.rowCount(); ++r) {
        if (result.value(r, column).toString() == value)
            return r;
    }
    return -1;
}

QString field(const Result &result, int row, const QString &column)
{
    return row < 0 ? QStringLiteral("<no row>") : result.value(row, column).toString();
}
} // namespace

class TestCatalogQueries : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void everyKindIsRead();
    void systemSchemasOnlyWhenAsked();
    void definitionsReadAfterwardsMatchTheWholeRead();
    void answersWhileATableIsLocked();

private:
    std::unique_ptr<ScratchDatabase> m_db;
    const QStringList m_files {QStringLiteral("schemas"), QStringLiteral("relations"),
        QStringLiteral("columns"), QStringLiteral("constraints"), QStringLiteral("indexes"),
        QStringLiteral("sequences"), QStringLiteral("functions"), QStringLiteral("triggers"),
        QStringLiteral("extensions"), QStringLiteral("types"), QStringLiteral("policies"),
        QStringLiteral("column_defaults"), QStringLiteral("index_definitions"),
        QStringLiteral("sequence_values")};
};

void TestCatalogQueries::initTestCase()
{
    QVERIFY2(!clusterConnInfo().isEmpty(), qPrintable(clusterMissingMessage()));
    m_db = std::make_unique<ScratchDatabase>(QStringLiteral("catalog"));
    QVERIFY2(m_db->isValid(), qPrintable(m_db->error()));
    Connection connection;
    QVERIFY(openAndWait(connection, m_db->connInfo()).isNull());
    const Reply reply = runAndWait(connection, QString::fromUtf8(fixture));
    QVERIFY2(reply.error.isNull(), qPrintable(reply.error.toString()));
    // Every query file the build holds is one this test knows.
    const QStringList built = QDir(QStringLiteral(":/sql/catalog")).entryList({"*.sql"});
    QCOMPARE(built.size(), m_files.size());
}

void TestCatalogQueries::everyKindIsRead()
{
    Connection c;
    QVERIFY(openAndWait(c, m_db->connInfo()).isNull());

    const Result schemas = run(c, QStringLiteral("schemas"));
    const int app = rowWhere(schemas, QStringLiteral("name"), QStringLiteral("app"));
    QCOMPARE(field(schemas, app, QStringLiteral("comment")), QStringLiteral("the application"));
    const QString appOid = field(schemas, app, QStringLiteral("oid"));

    const Result relations = run(c, QStringLiteral("relations"));
    auto kindOf = [&](const QString &name) {
        return field(
            relations, rowWhere(relations, QStringLiteral("name"), name), QStringLiteral("kind"));
    };
    QCOMPARE(kindOf(QStringLiteral("orders")), QStringLiteral("r"));
    QCOMPARE(kindOf(QStringLiteral("events")), QStringLiteral("p"));
    QCOMPARE(kindOf(QStringLiteral("big_orders")), QStringLiteral("v"));
    QCOMPARE(kindOf(QStringLiteral("order_counts")), QStringLiteral("m"));
    QCOMPARE(kindOf(QStringLiteral("orders_id_seq")), QStringLiteral("S"));
    const int events = rowWhere(relations, QStringLiteral("name"), QStringLiteral("events"));
    const int partition =
        rowWhere(relations, QStringLiteral("name"), QStringLiteral("events_2024"));
    QCOMPARE(field(relations, partition, QStringLiteral("parent_oid")),
        field(relations, events, QStringLiteral("oid")));
    QVERIFY(
        field(relations, partition, QStringLiteral("partition_bound")).startsWith("FOR VALUES"));
    QCOMPARE(
        field(relations, events, QStringLiteral("partition_key")), QStringLiteral("RANGE (at)"));
    QCOMPARE(field(relations, events, QStringLiteral("table_bytes")), QStringLiteral("0"));
    const int orders = rowWhere(relations, QStringLiteral("name"), QStringLiteral("orders"));
    QCOMPARE(field(relations, orders, QStringLiteral("schema_oid")), appOid);
    QCOMPARE(field(relations, orders, QStringLiteral("row_security")), QStringLiteral("true"));
    const QString ordersOid = field(relations, orders, QStringLiteral("oid"));
    const QString customersOid =
        field(relations, rowWhere(relations, QStringLiteral("name"), QStringLiteral("customers")),
            QStringLiteral("oid"));

    const Result columns = run(c, QStringLiteral("columns"));
    auto column = [&](const QString &name) {
        return rowWhere(columns, QStringLiteral("name"), name);
    };
    QCOMPARE(field(columns, column(QStringLiteral("id")), QStringLiteral("identity")),
        QStringLiteral("a"));
    QCOMPARE(field(columns, column(QStringLiteral("email_lower")), QStringLiteral("generated")),
        QStringLiteral("s"));
    QCOMPARE(field(columns, column(QStringLiteral("name")), QStringLiteral("collation")),
        QStringLiteral("C"));
    QCOMPARE(field(columns, column(QStringLiteral("email")), QStringLiteral("comment")),
        QStringLiteral("login"));
    QCOMPARE(field(columns, column(QStringLiteral("total")), QStringLiteral("type")),
        QStringLiteral("app.positive"));
    QCOMPARE(field(columns, column(QStringLiteral("placed_at")), QStringLiteral("default_value")),
        QStringLiteral("now()"));

    const Result constraints = run(c, QStringLiteral("constraints"));
    const int notValid =
        rowWhere(constraints, QStringLiteral("name"), QStringLiteral("total_small"));
    QCOMPARE(field(constraints, notValid, QStringLiteral("validated")), QStringLiteral("false"));
    QCOMPARE(field(constraints, notValid, QStringLiteral("kind")), QStringLiteral("c"));
    const int fk =
        rowWhere(constraints, QStringLiteral("name"), QStringLiteral("orders_customer_id_fkey"));
    QCOMPARE(field(constraints, fk, QStringLiteral("kind")), QStringLiteral("f"));
    QCOMPARE(field(constraints, fk, QStringLiteral("relation_oid")), ordersOid);
    QCOMPARE(field(constraints, fk, QStringLiteral("referenced_oid")), customersOid);
    QCOMPARE(field(constraints, fk, QStringLiteral("columns")), QStringLiteral("2"));

    const Result indexes = run(c, QStringLiteral("indexes"));
    const int recent = rowWhere(indexes, QStringLiteral("name"), QStringLiteral("orders_recent"));
    QCOMPARE(field(indexes, recent, QStringLiteral("is_partial")), QStringLiteral("true"));
    QCOMPARE(field(indexes, recent, QStringLiteral("is_valid")), QStringLiteral("true"));
    QCOMPARE(field(indexes, recent, QStringLiteral("key_columns")), QStringLiteral("4"));
    QCOMPARE(
        field(indexes, rowWhere(indexes, QStringLiteral("name"), QStringLiteral("orders_pkey")),
            QStringLiteral("is_primary")),
        QStringLiteral("true"));

    const Result sequences = run(c, QStringLiteral("sequences"));
    const int serial = rowWhere(sequences, QStringLiteral("owned_by_oid"), ordersOid);
    QCOMPARE(field(sequences, serial, QStringLiteral("type")), QStringLiteral("integer"));
    QCOMPARE(field(sequences, serial, QStringLiteral("max_value")), QStringLiteral("2147483647"));

    const Result functions = run(c, QStringLiteral("functions"));
    QCOMPARE(
        field(functions, rowWhere(functions, QStringLiteral("name"), QStringLiteral("cleanup")),
            QStringLiteral("kind")),
        QStringLiteral("p"));
    const int touch = rowWhere(functions, QStringLiteral("name"), QStringLiteral("touch"));
    QCOMPARE(field(functions, touch, QStringLiteral("language")), QStringLiteral("plpgsql"));
    QCOMPARE(field(functions, touch, QStringLiteral("result")), QStringLiteral("trigger"));

    const Result triggers = run(c, QStringLiteral("triggers"));
    QCOMPARE(triggers.rowCount(), 1); // the foreign key's own triggers are internal
    QCOMPARE(field(triggers, 0, QStringLiteral("name")), QStringLiteral("orders_touch"));

    const Result extensions = run(c, QStringLiteral("extensions"));
    QVERIFY(rowWhere(extensions, QStringLiteral("name"), QStringLiteral("plpgsql")) >= 0);

    const Result types = run(c, QStringLiteral("types"));
    const int mood = rowWhere(types, QStringLiteral("name"), QStringLiteral("mood"));
    QCOMPARE(field(types, mood, QStringLiteral("labels")).split(QChar(31)),
        QStringList({"sad", "ok", "happy"}));
    const int positive = rowWhere(types, QStringLiteral("name"), QStringLiteral("positive"));
    QCOMPARE(field(types, positive, QStringLiteral("kind")), QStringLiteral("d"));
    QCOMPARE(
        field(types, positive, QStringLiteral("checks")), QStringLiteral("CHECK ((VALUE > 0))"));
    QCOMPARE(field(types, rowWhere(types, QStringLiteral("name"), QStringLiteral("pair")),
                 QStringLiteral("kind")),
        QStringLiteral("c"));
    QCOMPARE(types.rowCount(), 3); // no row types of tables, no arrays

    const Result policies = run(c, QStringLiteral("policies"));
    QCOMPARE(policies.rowCount(), 1);
    QCOMPARE(field(policies, 0, QStringLiteral("using_expression")),
        QStringLiteral("(customer_id = 1)"));
    QCOMPARE(field(policies, 0, QStringLiteral("roles")), QStringLiteral("public"));
}

void TestCatalogQueries::systemSchemasOnlyWhenAsked()
{
    Connection c;
    QVERIFY(openAndWait(c, m_db->connInfo()).isNull());
    const Result user = run(c, QStringLiteral("schemas"), false);
    const Result all = run(c, QStringLiteral("schemas"), true);
    QCOMPARE(rowWhere(user, QStringLiteral("name"), QStringLiteral("pg_catalog")), -1);
    QVERIFY(rowWhere(all, QStringLiteral("name"), QStringLiteral("pg_catalog")) >= 0);
    QVERIFY(rowWhere(all, QStringLiteral("name"), QStringLiteral("information_schema")) >= 0);
    const Result userRelations = run(c, QStringLiteral("relations"), false);
    QCOMPARE(rowWhere(userRelations, QStringLiteral("name"), QStringLiteral("pg_class")), -1);
}

void TestCatalogQueries::definitionsReadAfterwardsMatchTheWholeRead()
{
    // The files read after a quick snapshot give what the kinds' own files
    // give with $3 true: "key = value" for every row that has one.
    Connection c;
    QVERIFY(openAndWait(c, m_db->connInfo()).isNull());
    auto pairs = [](const Result &r, const QStringList &key, const QString &value) {
        QStringList list;
        for (int row = 0; row < r.rowCount(); ++row) {
            if (r.value(row, value).isNull())
                continue;
            QStringList parts;
            for (const QString &k : key)
                parts << r.value(row, k).toString();
            list << parts.join(QLatin1Char('/')) + QStringLiteral(" = ")
                    + r.value(row, value).toString();
        }
        list.sort();
        return list;
    };
    const QStringList columnKey {QStringLiteral("relation_oid"), QStringLiteral("position")};
    const QStringList defaults = pairs(
        run(c, QStringLiteral("column_defaults")), columnKey, QStringLiteral("default_value"));
    QCOMPARE(defaults,
        pairs(run(c, QStringLiteral("columns")), columnKey, QStringLiteral("default_value")));
    QVERIFY2(
        defaults.filter(QStringLiteral("= now()")).size() == 1, qPrintable(defaults.join(';')));
    const QStringList definitions = pairs(run(c, QStringLiteral("index_definitions")),
        {QStringLiteral("oid")}, QStringLiteral("definition"));
    QCOMPARE(definitions,
        pairs(run(c, QStringLiteral("indexes")), {QStringLiteral("oid")},
            QStringLiteral("definition")));
    QVERIFY(definitions.filter(QStringLiteral("CREATE INDEX orders_recent")).size() == 1);
    // orders.id is a serial: used once, its sequence has a last value.
    QVERIFY(runAndWait(c, QStringLiteral("SELECT nextval('app.orders_id_seq')")).error.isNull());
    const QStringList values = pairs(run(c, QStringLiteral("sequence_values")),
        {QStringLiteral("oid")}, QStringLiteral("last_value"));
    QCOMPARE(values,
        pairs(run(c, QStringLiteral("sequences")), {QStringLiteral("oid")},
            QStringLiteral("last_value")));
    QCOMPARE(values.size(), 1);
}

void TestCatalogQueries::answersWhileATableIsLocked()
{
    Connection holder;
    QVERIFY(openAndWait(holder, m_db->connInfo()).isNull());
    QVERIFY(
        runAndWait(holder, QStringLiteral("BEGIN; LOCK TABLE app.orders IN ACCESS EXCLUSIVE MODE"))
            .error.isNull());
    Connection reader;
    QVERIFY(openAndWait(reader, m_db->connInfo()).isNull());
    QVERIFY(runAndWait(reader, QStringLiteral("SET lock_timeout = '500ms'")).error.isNull());
    for (const QString &name : m_files) {
        const QString sql = query(name);
        const Reply reply = runAndWait(reader, sql, paramsFor(sql, false), 10000);
        QVERIFY2(
            reply.error.isNull(), qPrintable(name + QStringLiteral(": ") + reply.error.toString()));
        QVERIFY2(reply.elapsedMs < 500, qPrintable(name));
    }
    // The browser can say who holds the lock.
    const Result relations = run(reader, QStringLiteral("relations"));
    const int orders = rowWhere(relations, QStringLiteral("name"), QStringLiteral("orders"));
    // The locked table's defaults wait for it to be opened: left out.
    const QString ordersOid = field(relations, orders, QStringLiteral("oid"));
    QCOMPARE(rowWhere(run(reader, QStringLiteral("column_defaults")),
                 QStringLiteral("relation_oid"), ordersOid),
        -1);
    const Reply pid = runAndWait(holder, QStringLiteral("SELECT pg_backend_pid()"));
    QVERIFY(!pid.results.isEmpty());
    QCOMPARE(field(relations, orders, QStringLiteral("locked_by")), pid.results.last().text(0, 0));
    QVERIFY(runAndWait(holder, QStringLiteral("ROLLBACK")).error.isNull());
}

QTEST_GUILESS_MAIN(TestCatalogQueries)
#include "tst_catalogqueries.moc"
