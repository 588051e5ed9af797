// `tusk schema` and `tusk health` as a script sees them, against a scratch
// database of the throwaway cluster: the JSON shape the issue fixes, the
// DDL of one object, findings with their fixes, exit codes, and the
// messages for a locked table and an unreachable server.

#include "testsupport.h"

#include "core/pg/connection.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace tusk::core;
using namespace tusk::test;

namespace {
const char *const fixture = R"sql(
CREATE SCHEMA shop;
CREATE TABLE shop.products (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, name text NOT NULL);
CREATE TABLE shop.order_items (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    product_id bigint NOT NULL REFERENCES shop.products (id),
    quantity int NOT NULL CHECK (quantity > 0)
);
CREATE TABLE public.notes (body text);
CREATE VIEW shop.product_names AS SELECT name FROM shop.products;
INSERT INTO shop.products (name) SELECT 'p' || g FROM generate_series(1, 100) g;
ANALYZE;
)sql";

QJsonObject tableNamed(const QJsonArray &tables, const QString &schema, const QString &name)
{
    for (const QJsonValue &t : tables) {
        if (t[QStringLiteral("schema")] == schema && t[QStringLiteral("name")] == name)
            return t.toObject();
    }
    return {};
}
} // namespace

class TestSchemaCli : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void schemaJsonHasTheAgreedShape();
    void schemaTextAndOneSchema();
    void ddlOfOneObject();
    void healthFindingsWithFixes();
    void lockedTableIsNamed();
    void unreachableServerIsAMessage();

private:
    QString url() const { return m_db->connInfo().toUrl(); }
    std::unique_ptr<ScratchDatabase> m_db;
};

void TestSchemaCli::initTestCase()
{
    QVERIFY2(!clusterConnInfo().isEmpty(), qPrintable(clusterMissingMessage()));
    m_db = std::make_unique<ScratchDatabase>(QStringLiteral("schemacli"));
    QVERIFY2(m_db->isValid(), qPrintable(m_db->error()));
    Connection c;
    QVERIFY(openAndWait(c, m_db->connInfo()).isNull());
    const Reply reply = runAndWait(c, QString::fromUtf8(fixture));
    QVERIFY2(reply.error.isNull(), qPrintable(reply.error.toString()));
}

void TestSchemaCli::schemaJsonHasTheAgreedShape()
{
    QString output;
    QCOMPARE(runTusk({"schema", "--db", url(), "--format", "json"}, QString(), &output), 0);
    const QJsonObject root = QJsonDocument::fromJson(output.toUtf8()).object();
    QVERIFY2(!root.isEmpty(), qPrintable(output));
    QCOMPARE(root[QStringLiteral("database")].toString(), m_db->name());
    const QJsonArray tables = root[QStringLiteral("tables")].toArray();
    QCOMPARE(tables.size(), 3);
    const QJsonObject items =
        tableNamed(tables, QStringLiteral("shop"), QStringLiteral("order_items"));
    for (const char *key :
        {"schema", "name", "columns", "indexes", "constraints", "rows_estimate", "total_bytes"})
        QVERIFY2(items.contains(QLatin1String(key)), key);
    const QJsonArray columns = items[QStringLiteral("columns")].toArray();
    QCOMPARE(columns.size(), 3);
    QCOMPARE(columns[1][QStringLiteral("name")].toString(), QStringLiteral("product_id"));
    QCOMPARE(columns[1][QStringLiteral("type")].toString(), QStringLiteral("bigint"));
    QCOMPARE(columns[1][QStringLiteral("nullable")].toBool(), false);
    QCOMPARE(columns[0][QStringLiteral("identity")].toString(), QStringLiteral("always"));
    QStringList constraints;
    for (const QJsonValue &k : items[QStringLiteral("constraints")].toArray())
        constraints << k[QStringLiteral("kind")].toString() + QLatin1Char(':')
                + k[QStringLiteral("name")].toString();
    constraints.sort();
    QCOMPARE(constraints,
        QStringList({"check:order_items_quantity_check", "foreign key:order_items_product_id_fkey",
            "primary key:order_items_pkey"}));
    const QJsonObject products =
        tableNamed(tables, QStringLiteral("shop"), QStringLiteral("products"));
    QCOMPARE(products[QStringLiteral("rows_estimate")].toInt(), 100);
    QVERIFY(products[QStringLiteral("total_bytes")].toDouble() > 0);
    QCOMPARE(products[QStringLiteral("indexes")][0][QStringLiteral("name")].toString(),
        QStringLiteral("products_pkey"));
    QCOMPARE(root[QStringLiteral("views")][0][QStringLiteral("name")].toString(),
        QStringLiteral("product_names"));
    QCOMPARE(root[QStringLiteral("sequences")].toArray().size(), 2); // the identity sequences
}

void TestSchemaCli::schemaTextAndOneSchema()
{
    QString output;
    QCOMPARE(runTusk({"schema", "--db", url(), "--schema", "shop"}, QString(), &output), 0);
    QVERIFY2(output.contains(QStringLiteral("table shop.products  ~100 rows")), qPrintable(output));
    QVERIFY(output.contains(QStringLiteral("      product_id bigint NOT NULL\n")));
    QVERIFY(!output.contains(QStringLiteral("notes")));
    QCOMPARE(runTusk({"schema", "--db", url(), "--schema", "nope"}, QString(), &output), 1);
    QVERIFY(output.contains(QStringLiteral("no schema named nope")));
    QCOMPARE(runTusk({"schema", "--db", url(), "--format", "yaml"}, QString(), &output), 2);
}

void TestSchemaCli::ddlOfOneObject()
{
    QString output;
    QCOMPARE(
        runTusk({"schema", "--db", url(), "--ddl", "shop.order_items"}, QString(), &output), 0);
    QVERIFY2(output.startsWith(QStringLiteral("CREATE TABLE shop.order_items (\n    id bigint "
                                              "GENERATED ALWAYS AS IDENTITY NOT NULL,")),
        qPrintable(output));
    QVERIFY(output.contains(QStringLiteral("ADD CONSTRAINT order_items_product_id_fkey FOREIGN KEY "
                                           "(product_id) REFERENCES shop.products(id);")));
    // A bare name works when it is unique; a view prints its query.
    QCOMPARE(runTusk({"schema", "--db", url(), "--ddl", "product_names"}, QString(), &output), 0);
    QVERIFY2(
        output.startsWith(QStringLiteral("CREATE OR REPLACE VIEW shop.product_names AS\nSELECT")),
        qPrintable(output));
    QCOMPARE(runTusk({"schema", "--db", url(), "--ddl", "shop.missing"}, QString(), &output), 1);
    QVERIFY(output.contains(QStringLiteral("no table, view, sequence, index, function, type or "
                                           "schema named shop.missing")));
}

void TestSchemaCli::healthFindingsWithFixes()
{
    QString output;
    QCOMPARE(runTusk({"health", "--db", url(), "--format", "json"}, QString(), &output), 0);
    const QJsonArray findings =
        QJsonDocument::fromJson(output.toUtf8()).object()[QStringLiteral("findings")].toArray();
    QStringList seen;
    for (const QJsonValue &f : findings) {
        if (!f[QStringLiteral("check")].toString().startsWith(QLatin1String("largest")))
            seen << f[QStringLiteral("check")].toString() + QLatin1Char(' ')
                    + f[QStringLiteral("object")].toString();
        if (f[QStringLiteral("check")] == QLatin1String("missing-fk-index"))
            QCOMPARE(f[QStringLiteral("fix")].toString(),
                QStringLiteral("CREATE INDEX CONCURRENTLY order_items_product_id_idx ON "
                               "shop.order_items (product_id);"));
    }
    seen.sort();
    QCOMPARE(seen,
        QStringList({"missing-fk-index shop.order_items.order_items_product_id_fkey",
            "no-primary-key public.notes"}));

    QCOMPARE(runTusk({"health", "--db", url(), "--fail-on", "warning"}, QString(), &output), 3);
    QVERIFY(output.contains(QStringLiteral("WARNING missing-fk-index  "
                                           "shop.order_items.order_items_product_id_fkey\n")));
    QVERIFY(output.contains(QStringLiteral("  fix:\n    CREATE INDEX CONCURRENTLY")));
    QCOMPARE(runTusk({"health", "--db", url(), "--schema", "shop", "--check", "no-primary-key",
                         "--fail-on", "warning"},
                 QString(), &output),
        0);
    QCOMPARE(runTusk({"health", "--db", url(), "--check", "bogus"}, QString(), &output), 2);
}

void TestSchemaCli::lockedTableIsNamed()
{
    Connection holder;
    QVERIFY(openAndWait(holder, m_db->connInfo()).isNull());
    QVERIFY(runAndWait(holder,
        QStringLiteral("BEGIN; LOCK TABLE shop.products IN ACCESS "
                       "EXCLUSIVE MODE"))
                .error.isNull());
    const QString pid = QString::number(holder.server().backendPid);
    QString output;
    QCOMPARE(runTusk({"schema", "--db", url(), "--schema", "shop"}, QString(), &output), 0);
    QVERIFY2(
        output.contains(QStringLiteral("[locked in ACCESS EXCLUSIVE mode by session %1]").arg(pid)),
        qPrintable(output));
    QCOMPARE(runTusk({"schema", "--db", url(), "--ddl", "shop.products"}, QString(), &output), 1);
    QVERIFY2(output.contains(QStringLiteral("session %1 (").arg(pid))
            && output.contains(QStringLiteral("holds ACCESS EXCLUSIVE on shop.products")),
        qPrintable(output));
    QVERIFY(runAndWait(holder, QStringLiteral("ROLLBACK")).error.isNull());
}

void TestSchemaCli::unreachableServerIsAMessage()
{
    QString output;
    QCOMPARE(runTusk({"health", "--db", "postgresql://nobody@127.0.0.1:1/none?connect_timeout=3"},
                 QString(), &output),
        1);
    QVERIFY2(
        output.startsWith(QStringLiteral("tusk health: cannot connect: ")), qPrintable(output));
}

QTEST_GUILESS_MAIN(TestSchemaCli)
#include "tst_schemacli.moc"
