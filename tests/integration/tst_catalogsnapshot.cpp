// CatalogSnapshot, its loader, the DDL reader and the health checks against
// the throwaway cluster: a fixture with every object kind and every health
// problem (and a healthy twin of each, so a check that fires everywhere
// fails too), checked object by object; a table held in ACCESS EXCLUSIVE by
// another session; an object renamed or dropped after the snapshot; a
// session killed under the loader; a role that may not read sequences.

#include "catalogtesthelpers.h"
#include "testsupport.h"

#include "core/catalog/catalogsnapshotloader.h"
#include "core/catalog/healthchecker.h"
#include "core/catalog/objectreader.h"
#include "core/pg/connection.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

using namespace tusk::core;
using namespace tusk::test;

namespace {
const char *const fixture = R"sql(
CREATE EXTENSION pg_trgm;
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
-- Healthy twin: a foreign key with its index.
CREATE TABLE app.payments (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    customer_id bigint NOT NULL REFERENCES app.customers (id)
);
CREATE INDEX payments_customer_id_idx ON app.payments (customer_id);
ALTER TABLE app.orders ADD CONSTRAINT total_small CHECK (total < 1000000) NOT VALID;
ALTER TABLE app.payments ADD CONSTRAINT payments_order_fkey_nv
    FOREIGN KEY (id) REFERENCES app.orders (id) NOT VALID;
CREATE INDEX orders_recent ON app.orders (placed_at) WHERE placed_at > '2020-01-01';
CREATE INDEX orders_placed_at ON app.orders (placed_at);
CREATE INDEX orders_placed_at_copy ON app.orders (placed_at);
CREATE UNIQUE INDEX orders_placed_at_id ON app.orders (placed_at, id);
CREATE TABLE app.events (id bigint, at date NOT NULL, customer_id bigint REFERENCES app.customers (id))
    PARTITION BY RANGE (at);
CREATE TABLE app.events_2024 PARTITION OF app.events FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE TABLE app.events_2025 PARTITION OF app.events FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
CREATE VIEW app.big_orders AS SELECT * FROM app.orders WHERE total > 100;
CREATE MATERIALIZED VIEW app.order_counts AS SELECT customer_id, count(*) FROM app.orders GROUP BY 1;
CREATE FUNCTION app.touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
CREATE PROCEDURE app.cleanup(days int) LANGUAGE sql AS $$ DELETE FROM app.orders $$;
CREATE TRIGGER orders_touch BEFORE UPDATE ON app.orders FOR EACH ROW EXECUTE FUNCTION app.touch();
ALTER TABLE app.orders ENABLE ROW LEVEL SECURITY;
CREATE POLICY own_orders ON app.orders FOR SELECT USING (customer_id = 1);
-- No primary key; never analyzed (autovacuum kept away so it stays so).
CREATE TABLE app.raw_import (line text) WITH (autovacuum_enabled = false);
INSERT INTO app.raw_import SELECT 'line ' || g FROM generate_series(1, 2000) g;
-- Dead tuples with autovacuum off.
CREATE TABLE app.counters (id int PRIMARY KEY, n int) WITH (autovacuum_enabled = false);
INSERT INTO app.counters SELECT g, 0 FROM generate_series(1, 5000) g;
UPDATE app.counters SET n = n + 1;
-- A sequence at 93 % of its range, and an int column fed by a bigint
-- sequence at 84 % of int4; a healthy sequence too.
CREATE SEQUENCE app.ticket_seq AS integer;
SELECT setval('app.ticket_seq', 2000000000);
CREATE SEQUENCE app.legacy_seq AS bigint;
CREATE TABLE app.legacy (id integer PRIMARY KEY DEFAULT nextval('app.legacy_seq'));
SELECT setval('app.legacy_seq', 1800000000);
CREATE SEQUENCE app.fine_seq;
SELECT nextval('app.fine_seq');
INSERT INTO app.customers (email) SELECT 'c' || g || '@x.org' FROM generate_series(1, 300) g;
INSERT INTO app.orders (customer_id, total) SELECT 1 + g % 300, 1 + g % 500 FROM generate_series(1, 3000) g;
INSERT INTO app.payments (customer_id) SELECT 1 + g % 300 FROM generate_series(1, 1000) g;
INSERT INTO app.events SELECT g, date '2024-06-01' + g % 400, 1 + g % 300 FROM generate_series(1, 1000) g;
ANALYZE app.customers, app.orders, app.payments, app.events, app.legacy, app.counters,
    app.order_counts;
)sql";

// Runs after the fixture, each statement on its own: CONCURRENTLY cannot
// run in the fixture's implicit transaction.
const char *const invalidIndex =
    "CREATE UNIQUE INDEX CONCURRENTLY customers_name_key ON app.customers (mood)";
// Use the indexes a healthy database would use, then flush the statistics
// so the loader's session sees them.
const char *const traffic = R"sql(
SET enable_seqscan = off; SET enable_bitmapscan = off;
SELECT count(*) FROM app.payments WHERE customer_id = 5;
SELECT * FROM app.customers WHERE id = 3;
RESET enable_seqscan; RESET enable_bitmapscan;
SELECT count(*) FROM app.raw_import;
SELECT pg_stat_force_next_flush();
)sql";

} // namespace

class TestCatalogSnapshot : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void snapshotHoldsEveryKind();
    void systemSchemasOnlyWhenAsked();
    void healthChecksFireOnTheirObjectsOnly();
    void healthFixesRun();
    void ddlOfEachKind();
    void lockedTableIsNamedNotWaitedFor();
    void renamedAndDroppedObjects();
    void killedSessionFailsTheLoad();
    void roleWithoutSequenceRightsStillLoads();

private:
    std::unique_ptr<ScratchDatabase> m_db;
    std::unique_ptr<Connection> m_connection;
    CatalogSnapshot m_snapshot;
};

void TestCatalogSnapshot::initTestCase()
{
    QVERIFY2(!clusterConnInfo().isEmpty(), qPrintable(clusterMissingMessage()));
    m_db = std::make_unique<ScratchDatabase>(QStringLiteral("snapshot"));
    QVERIFY2(m_db->isValid(), qPrintable(m_db->error()));
    m_connection = std::make_unique<Connection>();
    QVERIFY(openAndWait(*m_connection, m_db->connInfo()).isNull());
    for (const char *sql : {fixture}) {
        const Reply reply = runAndWait(*m_connection, QString::fromUtf8(sql));
        QVERIFY2(reply.error.isNull(), qPrintable(reply.error.toString()));
    }
    // Duplicate moods make the concurrent unique build fail and leave the
    // index behind, invalid.
    const Reply failed = runAndWait(*m_connection, QString::fromUtf8(invalidIndex));
    QCOMPARE(failed.error.sqlState, QStringLiteral("23505"));
    const Reply used = runAndWait(*m_connection, QString::fromUtf8(traffic));
    QVERIFY2(used.error.isNull(), qPrintable(used.error.toString()));
    QString failure;
    m_snapshot = loadSnapshot(*m_connection, {}, &failure);
    QVERIFY2(!m_snapshot.isNull(), qPrintable(failure));
    QVERIFY(m_snapshot.problems().isEmpty());
}

void TestCatalogSnapshot::snapshotHoldsEveryKind()
{
    const CatalogSnapshot &s = m_snapshot;
    QCOMPARE(s.database(), m_db->name());
    QVERIFY(s.serverVersion() >= 120000);

    const DbRelation &customers = rel(s, QStringLiteral("app.customers"));
    QCOMPARE(customers.kind, RelationKind::Table);
    QCOMPARE(s.schemaName(customers.schemaOid), QStringLiteral("app"));
    QCOMPARE(s.schema(customers.schemaOid)->comment, QStringLiteral("the application"));
    QCOMPARE(customers.columns.size(), 5);
    QCOMPARE(customers.rowsEstimate, 300);
    QVERIFY(customers.tableBytes > 0);
    QVERIFY(customers.indexBytes > 0);
    const DbColumn *id = s.column(customers, 1);
    QVERIFY(id);
    QCOMPARE(id->identity, 'a');
    QVERIFY(id->notNull);
    const DbColumn *email = s.column(customers, 2);
    QCOMPARE(email->comment, QStringLiteral("login"));
    QCOMPARE(s.column(customers, 3)->collation, QStringLiteral("C"));
    QCOMPARE(s.column(customers, 4)->defaultValue, QStringLiteral("'ok'::app.mood"));
    QCOMPARE(s.column(customers, 5)->generated, 's');
    QCOMPARE(s.column(customers, 5)->defaultValue, QStringLiteral("lower(email)"));

    const DbRelation &orders = rel(s, QStringLiteral("app.orders"));
    QVERIFY(orders.rowSecurity);
    QCOMPARE(orders.policies.size(), 1);
    QCOMPARE(s.policies().at(orders.policies.first()).usingExpression,
        QStringLiteral("(customer_id = 1)"));
    QCOMPARE(orders.triggers.size(), 1);
    QCOMPARE(s.triggers().at(orders.triggers.first()).name, QStringLiteral("orders_touch"));
    QStringList constraintKinds;
    for (int i : orders.constraints) {
        const DbConstraint &c = s.constraints().at(i);
        constraintKinds << QStringLiteral("%1:%2:%3")
                               .arg(c.name, QString(QLatin1Char(char(c.kind))))
                               .arg(c.validated);
    }
    constraintKinds.sort();
    QCOMPARE(constraintKinds,
        QStringList({"orders_customer_id_fkey:f:1", "orders_pkey:p:1", "total_small:c:0"}));
    QCOMPARE(orders.indexes.size(), 5);
    const DbConstraint *fk = nullptr;
    for (int i : orders.constraints)
        if (s.constraints().at(i).kind == ConstraintKind::ForeignKey)
            fk = &s.constraints().at(i);
    QCOMPARE(fk->referencedOid, customers.oid);
    QCOMPARE(s.columnNames(orders, fk->columns), QStringList {"customer_id"});

    const DbRelation &events = rel(s, QStringLiteral("app.events"));
    QCOMPARE(events.kind, RelationKind::PartitionedTable);
    QCOMPARE(events.partitionKey, QStringLiteral("RANGE (at)"));
    QCOMPARE(events.partitions.size(), 2);
    const DbRelation &p2024 = s.relations().at(events.partitions.first());
    QCOMPARE(p2024.name, QStringLiteral("events_2024"));
    QVERIFY(p2024.isPartition);
    QCOMPARE(
        p2024.partitionBound, QStringLiteral("FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')"));

    QCOMPARE(rel(s, QStringLiteral("app.big_orders")).kind, RelationKind::View);
    QCOMPARE(rel(s, QStringLiteral("app.big_orders")).columns.size(), 4);
    QCOMPARE(rel(s, QStringLiteral("app.order_counts")).kind, RelationKind::MaterializedView);

    const DbRelation &ticket = rel(s, QStringLiteral("app.ticket_seq"));
    QCOMPARE(ticket.kind, RelationKind::Sequence);
    const DbSequence *seq = s.sequence(ticket.oid);
    QVERIFY(seq);
    QCOMPARE(seq->type, QStringLiteral("integer"));
    QVERIFY(seq->hasLastValue);
    QCOMPARE(seq->lastValue, 2000000000);
    QCOMPARE(seq->maxValue, 2147483647);
    const DbSequence *serial = s.sequence(rel(s, QStringLiteral("app.orders_id_seq")).oid);
    QVERIFY(serial);
    QCOMPARE(serial->ownedByOid, orders.oid);
    QCOMPARE(serial->ownedByColumn, 1);

    QStringList functions;
    for (const DbFunction &f : s.functions()) {
        if (s.schemaName(f.schemaOid) == QLatin1String("app"))
            functions << QStringLiteral("%1(%2):%3")
                             .arg(f.name, f.arguments)
                             .arg(QLatin1Char(char(f.kind)));
    }
    functions.sort();
    QCOMPARE(functions, QStringList({"cleanup(IN days integer):p", "touch():f"}));
    // Extension members are the extension's, not listed as the user's.
    for (const DbFunction &f : s.functions())
        QVERIFY2(f.name != QLatin1String("similarity") || f.fromExtension, qPrintable(f.name));

    bool trgm = false;
    for (const DbExtension &e : s.extensions())
        trgm = trgm || e.name == QLatin1String("pg_trgm");
    QVERIFY(trgm);

    QHash<QString, const DbType *> types;
    for (const DbType &t : s.types())
        types.insert(t.name, &t);
    QCOMPARE(types.value(QStringLiteral("mood"))->labels, QStringList({"sad", "ok", "happy"}));
    QCOMPARE(types.value(QStringLiteral("positive"))->baseType, QStringLiteral("integer"));
    QVERIFY(types.value(QStringLiteral("positive"))->notNull);
    QCOMPARE(types.value(QStringLiteral("positive"))->checks,
        QStringList {QStringLiteral("CHECK ((VALUE > 0))")});
    const DbType *pair = types.value(QStringLiteral("pair"));
    QCOMPARE(pair->kind, TypeKind::Composite);
    QCOMPARE(pair->attributes.size(), 2);
    QCOMPARE(s.columns().at(pair->attributes.at(1)).type, QStringLiteral("text"));
}

void TestCatalogSnapshot::systemSchemasOnlyWhenAsked()
{
    QVERIFY(!m_snapshot.findRelation(QStringLiteral("pg_catalog.pg_class")));
    CatalogSnapshotLoader::Options options;
    options.systemSchemas = true;
    QString failure;
    const CatalogSnapshot all = loadSnapshot(*m_connection, options, &failure);
    QVERIFY2(!all.isNull(), qPrintable(failure));
    QVERIFY(all.includesSystemSchemas());
    QVERIFY(all.findRelation(QStringLiteral("pg_catalog.pg_class")));
    QVERIFY(all.relations().size() > m_snapshot.relations().size() + 50);
}

void TestCatalogSnapshot::healthChecksFireOnTheirObjectsOnly()
{
    const QList<HealthFinding> findings = HealthChecker::run(m_snapshot);
    QCOMPARE(objectsOf(findings, QStringLiteral("missing-fk-index")),
        QStringList({"app.events.events_customer_id_fkey", "app.orders.orders_customer_id_fkey"}));
    QCOMPARE(objectsOf(findings, QStringLiteral("invalid-index")),
        QStringList {"app.customers_name_key"});
    // Never used: orders_recent (partial), orders_placed_at and its copy;
    // those two are also covered by the unique orders_placed_at_id. Unique
    // indexes and used indexes are left alone.
    QCOMPARE(objectsOf(findings, QStringLiteral("unused-index")),
        QStringList({"app.orders_placed_at", "app.orders_placed_at_copy", "app.orders_recent"}));
    QCOMPARE(objectsOf(findings, QStringLiteral("duplicate-index")),
        QStringList({"app.orders_placed_at", "app.orders_placed_at_copy"}));
    QCOMPARE(objectsOf(findings, QStringLiteral("not-valid-constraint")),
        QStringList({"app.orders.total_small", "app.payments.payments_order_fkey_nv"}));
    QCOMPARE(objectsOf(findings, QStringLiteral("no-primary-key")),
        QStringList({"app.events", "app.raw_import"}));
    QCOMPARE(
        objectsOf(findings, QStringLiteral("never-analyzed")), QStringList({"app.raw_import"}));
    QCOMPARE(objectsOf(findings, QStringLiteral("dead-tuples")), QStringList({"app.counters"}));
    QCOMPARE(objectsOf(findings, QStringLiteral("sequence-near-limit")),
        QStringList({"app.legacy_seq", "app.ticket_seq"}));
    QCOMPARE(objectsOf(findings, QStringLiteral("statistics-missing")), QStringList());
    QCOMPARE(objectsOf(findings, QStringLiteral("largest-table")).size(), 5);

    const HealthFinding *fk = findingOf(
        findings, QStringLiteral("missing-fk-index"), "app.orders.orders_customer_id_fkey");
    QCOMPARE(fk->fix,
        QStringLiteral(
            "CREATE INDEX CONCURRENTLY orders_customer_id_idx ON app.orders (customer_id);"));
    QCOMPARE(fk->relationOid, rel(m_snapshot, QStringLiteral("app.orders")).oid);
    const HealthFinding *partitioned = findingOf(
        findings, QStringLiteral("missing-fk-index"), "app.events.events_customer_id_fkey");
    QVERIFY(partitioned->fix.startsWith(
        QStringLiteral("CREATE INDEX events_customer_id_idx ON ONLY app.events (customer_id);")));
    QVERIFY(
        partitioned->fix.contains(QStringLiteral("ALTER INDEX app.events_customer_id_idx ATTACH "
                                                 "PARTITION app.events_2025_customer_id_idx;")));

    const HealthFinding *ticket =
        findingOf(findings, QStringLiteral("sequence-near-limit"), "app.ticket_seq");
    QCOMPARE(ticket->severity, Severity::Error);
    QCOMPARE(ticket->fix, QStringLiteral("ALTER SEQUENCE app.ticket_seq AS bigint;"));
    const HealthFinding *legacy =
        findingOf(findings, QStringLiteral("sequence-near-limit"), "app.legacy_seq");
    QCOMPARE(legacy->severity, Severity::Warning);
    QVERIFY2(legacy->message.contains(QStringLiteral("integer limit of app.legacy.id")),
        qPrintable(legacy->message));
    QVERIFY(legacy->fix.contains(QStringLiteral("ADD COLUMN id_bigint bigint")));

    const HealthFinding *dead = findingOf(findings, QStringLiteral("dead-tuples"), "app.counters");
    QVERIFY2(dead->evidence.contains(QStringLiteral(",000 dead, ")), qPrintable(dead->evidence));
    QVERIFY(
        dead->fix.contains(QStringLiteral("ALTER TABLE app.counters RESET (autovacuum_enabled);")));
    const HealthFinding *invalid =
        findingOf(findings, QStringLiteral("invalid-index"), "app.customers_name_key");
    QCOMPARE(invalid->fix,
        QStringLiteral("DROP INDEX CONCURRENTLY app.customers_name_key;\nCREATE UNIQUE INDEX "
                       "CONCURRENTLY customers_name_key ON app.customers USING btree (mood);"));
}

// Each fix is real SQL the server accepts and that clears its finding
// (run on a copy of the problem: the fixture stays as it is).
void TestCatalogSnapshot::healthFixesRun()
{
    ScratchDatabase copy(QStringLiteral("snapshotfix"));
    QVERIFY(copy.isValid());
    Connection c;
    QVERIFY(openAndWait(c, copy.connInfo()).isNull());
    QVERIFY(runAndWait(c,
        QStringLiteral("CREATE TABLE p (id int PRIMARY KEY); CREATE TABLE ch (id int "
                       "PRIMARY KEY, p_id int REFERENCES p); ALTER TABLE ch ADD CONSTRAINT "
                       "ch_pos CHECK (id > 0) NOT VALID; CREATE TABLE nokey (u int NOT NULL); "
                       "CREATE UNIQUE INDEX nokey_u ON nokey (u)"))
                .error.isNull());
    CatalogSnapshot before = loadSnapshot(c);
    QList<HealthFinding> findings = HealthChecker::run(before);
    QStringList fixed;
    for (const HealthFinding &f : findings) {
        if (f.fix.isEmpty() || f.check.startsWith(QLatin1String("largest")))
            continue;
        // CONCURRENTLY must run outside a transaction: one statement each.
        for (const QString &statement : f.fix.split(QLatin1Char('\n'))) {
            if (statement.startsWith(QLatin1String("--")))
                continue;
            const Reply reply = runAndWait(c, statement);
            QVERIFY2(reply.error.isNull(), qPrintable(statement + reply.error.toString()));
        }
        fixed << f.check;
    }
    fixed.sort();
    QCOMPARE(fixed, QStringList({"missing-fk-index", "no-primary-key", "not-valid-constraint"}));
    // The new index is not used yet, which is all that is left.
    const QList<HealthFinding> after = HealthChecker::run(loadSnapshot(c));
    for (const HealthFinding &f : after)
        QVERIFY2(f.check == QLatin1String("unused-index")
                || f.check.startsWith(QLatin1String("largest")),
            qPrintable(f.message));
    // A rollback undoes its fix: the index goes and the finding is back.
    const HealthFinding *fkIndex = findingOf(
        findings, QStringLiteral("missing-fk-index"), QStringLiteral("public.ch.ch_p_id_fkey"));
    QVERIFY(fkIndex);
    QCOMPARE(fkIndex->rollback, QStringLiteral("DROP INDEX CONCURRENTLY public.ch_p_id_idx;"));
    QVERIFY(runAndWait(c, fkIndex->rollback).error.isNull());
    QCOMPARE(objectsOf(HealthChecker::run(loadSnapshot(c)), QStringLiteral("missing-fk-index")),
        QStringList {QStringLiteral("public.ch.ch_p_id_fkey")});
}

void TestCatalogSnapshot::ddlOfEachKind()
{
    const CatalogSnapshot &s = m_snapshot;
    const DdlAnswer orders =
        readDdl(*m_connection, s, {CatalogObjectKind::Relation, rel(s, "app.orders").oid, 0});
    QVERIFY2(orders.failure.isEmpty(), qPrintable(orders.failure));
    for (const char *piece : {"CREATE TABLE app.orders (",
             "    id integer DEFAULT nextval('app.orders_id_seq'::regclass) NOT NULL,",
             "    total app.positive,", "CONSTRAINT orders_pkey PRIMARY KEY (id)",
             "ALTER TABLE app.orders\n    ADD CONSTRAINT total_small CHECK (((total)::integer < "
             "1000000)) NOT VALID;",
             "ADD CONSTRAINT orders_customer_id_fkey FOREIGN KEY (customer_id) REFERENCES "
             "app.customers(id);",
             "CREATE INDEX orders_recent ON app.orders USING btree (placed_at) WHERE",
             "CREATE TRIGGER orders_touch BEFORE UPDATE ON app.orders",
             "ALTER TABLE app.orders ENABLE ROW LEVEL SECURITY;",
             "CREATE POLICY own_orders ON app.orders\n    AS PERMISSIVE\n    FOR SELECT\n    TO "
             "public\n    USING ((customer_id = 1));"})
        QVERIFY2(orders.ddl.contains(QString::fromUtf8(piece)), qPrintable(orders.ddl));
    QVERIFY(!orders.ddl.contains(QStringLiteral("CREATE UNIQUE INDEX orders_pkey")));

    const DdlAnswer view =
        readDdl(*m_connection, s, {CatalogObjectKind::Relation, rel(s, "app.big_orders").oid, 0});
    QVERIFY2(
        view.ddl.startsWith(QStringLiteral("CREATE OR REPLACE VIEW app.big_orders AS\nSELECT")),
        qPrintable(view.ddl + view.failure));
    const DdlAnswer partition =
        readDdl(*m_connection, s, {CatalogObjectKind::Relation, rel(s, "app.events_2024").oid, 0});
    QVERIFY2(partition.ddl.startsWith(QStringLiteral(
                 "CREATE TABLE app.events_2024 PARTITION OF app.events\n    FOR VALUES FROM "
                 "('2024-01-01') TO ('2025-01-01');")),
        qPrintable(partition.ddl + partition.failure));
    // A sequence's owner is read from the snapshot that holds its table:
    // the fresh read of the sequence alone does not.
    const DdlAnswer serial = readDdl(
        *m_connection, s, {CatalogObjectKind::Relation, rel(s, "app.orders_id_seq").oid, 0});
    QVERIFY2(serial.ddl.contains(
                 QStringLiteral("ALTER SEQUENCE app.orders_id_seq OWNED BY app.orders.id;")),
        qPrintable(serial.ddl + serial.failure));
    const DdlAnswer identity = readDdl(
        *m_connection, s, {CatalogObjectKind::Relation, rel(s, "app.customers_id_seq").oid, 0});
    QVERIFY2(identity.ddl.startsWith(
                 QStringLiteral("-- the identity sequence of app.customers.id, created with it\n")),
        qPrintable(identity.ddl + identity.failure));
    Oid touch = 0;
    for (const DbFunction &f : s.functions())
        touch = f.name == QLatin1String("touch") ? f.oid : touch;
    const DdlAnswer function = readDdl(*m_connection, s, {CatalogObjectKind::Function, touch, 0});
    QVERIFY2(function.ddl.startsWith(QStringLiteral("CREATE OR REPLACE FUNCTION app.touch()")),
        qPrintable(function.ddl + function.failure));

    // Every DDL the reader writes for the user's relations parses and runs:
    // replayed into an empty database, it builds the same catalog.
    ScratchDatabase replay(QStringLiteral("snapshotddl"));
    QVERIFY(replay.isValid());
    Connection r;
    QVERIFY(openAndWait(r, replay.connInfo()).isNull());
    // pg_dump creates a serial's sequence before its table and owns it
    // after; a table's DDL alone does neither, so the replay does.
    QVERIFY(runAndWait(r,
        QStringLiteral("CREATE SCHEMA app; CREATE EXTENSION pg_trgm; CREATE "
                       "SEQUENCE app.orders_id_seq AS integer"))
                .error.isNull());
    for (const DbType &t : s.types())
        QVERIFY(runAndWait(r, readDdl(*m_connection, s, {CatalogObjectKind::Type, t.oid, 0}).ddl)
                    .error.isNull());
    QVERIFY(runAndWait(r, function.ddl).error.isNull());
    for (const char *name : {"app.customers", "app.orders", "app.payments", "app.events",
             "app.events_2024", "app.big_orders", "app.ticket_seq"}) {
        const DdlAnswer a =
            readDdl(*m_connection, s, {CatalogObjectKind::Relation, rel(s, name).oid, 0});
        const QString ddl = a.ddl;
        const Reply reply = runAndWait(r, ddl);
        QVERIFY2(reply.error.isNull(),
            qPrintable(QString::fromUtf8(name) + QLatin1Char('\n') + ddl + reply.error.toString()));
    }
    const CatalogSnapshot replayed = loadSnapshot(r);
    QCOMPARE(rel(replayed, QStringLiteral("app.orders")).columns.size(),
        rel(s, QStringLiteral("app.orders")).columns.size());
    QCOMPARE(rel(replayed, QStringLiteral("app.orders")).indexes.size(),
        rel(s, QStringLiteral("app.orders")).indexes.size());
    QCOMPARE(rel(replayed, QStringLiteral("app.customers")).constraints.size(),
        rel(s, QStringLiteral("app.customers")).constraints.size());
}

void TestCatalogSnapshot::lockedTableIsNamedNotWaitedFor()
{
    Connection holder;
    QVERIFY(openAndWait(holder, m_db->connInfo()).isNull());
    QVERIFY(runAndWait(holder,
        QStringLiteral("SET application_name = 'migrator'; BEGIN; LOCK "
                       "TABLE app.orders IN ACCESS EXCLUSIVE MODE"))
                .error.isNull());
    const QString holderPid =
        runAndWait(holder, QStringLiteral("SELECT pg_backend_pid()")).results.last().text(0, 0);
    Connection reader;
    QVERIFY(openAndWait(reader, m_db->connInfo()).isNull());
    qint64 elapsed = 0;
    QString failure;
    const CatalogSnapshot s = loadSnapshot(reader, {}, &failure, &elapsed);
    QVERIFY2(!s.isNull(), qPrintable(failure));
    QVERIFY2(elapsed < 500, qPrintable(QString::number(elapsed)));
    QVERIFY(s.problems().isEmpty());
    const DbRelation &orders = rel(s, QStringLiteral("app.orders"));
    QCOMPARE(orders.lockedBy, QList<int> {holderPid.toInt()});
    QCOMPARE(orders.columns.size(), 4);
    QVERIFY(s.column(orders, 4)->defaultValue.isNull()); // not deparsed while locked
    QVERIFY(rel(s, QStringLiteral("app.customers")).lockedBy.isEmpty());

    // The DDL and the exact sizes answer within the lock timeout, naming
    // the session; so does a view that reads the table.
    QElapsedTimer timer;
    timer.start();
    const DdlAnswer ddl = readDdl(reader, s, {CatalogObjectKind::Relation, orders.oid, 0});
    QVERIFY(timer.elapsed() < 3000);
    QVERIFY(ddl.ddl.isEmpty());
    QVERIFY2(ddl.failure.contains(QStringLiteral("session %1 (").arg(holderPid))
            && ddl.failure.contains(QStringLiteral("migrator"))
            && ddl.failure.contains(QStringLiteral("holds ACCESS EXCLUSIVE on app.orders")),
        qPrintable(ddl.failure));
    QCOMPARE(ddl.failureCode, QStringLiteral("55P03")); // lock_not_available
    const DdlAnswer view =
        readDdl(reader, s, {CatalogObjectKind::Relation, rel(s, "app.big_orders").oid, 0});
    QVERIFY2(view.failure.contains(QStringLiteral("holds ACCESS EXCLUSIVE on app.orders")),
        qPrintable(view.failure + view.ddl));
    ObjectReader sizes(&reader);
    QSignalSpy sizeFailed(&sizes, &ObjectReader::sizesFailed);
    sizes.readSizes(s, orders.oid);
    QVERIFY(sizeFailed.wait(5000));
    const PgError sizeError = sizeFailed.first().at(1).value<PgError>();
    QCOMPARE(sizeError.sqlState, QStringLiteral("55P03"));
    QVERIFY(sizeError.message.contains(QStringLiteral("session %1").arg(holderPid)));
    // Unlocked objects still answer.
    const DdlAnswer customers =
        readDdl(reader, s, {CatalogObjectKind::Relation, rel(s, "app.customers").oid, 0});
    QVERIFY2(customers.failure.isEmpty(), qPrintable(customers.failure));
    QVERIFY(runAndWait(holder, QStringLiteral("ROLLBACK")).error.isNull());

    QSignalSpy sized(&sizes, &ObjectReader::sizesReady);
    sizes.readSizes(s, orders.oid);
    QVERIFY(sized.wait(5000));
    QVERIFY(sized.first().at(3).toLongLong() > 0);
}

void TestCatalogSnapshot::renamedAndDroppedObjects()
{
    Connection c;
    QVERIFY(openAndWait(c, m_db->connInfo()).isNull());
    QVERIFY(runAndWait(c,
        QStringLiteral("CREATE TABLE app.old_name (a int); CREATE TABLE "
                       "app.doomed (a int)"))
                .error.isNull());
    const CatalogSnapshot s = loadSnapshot(c);
    QVERIFY(runAndWait(c,
        QStringLiteral("ALTER TABLE app.old_name RENAME TO new_name; DROP TABLE "
                       "app.doomed"))
                .error.isNull());
    const DdlAnswer renamed =
        readDdl(c, s, {CatalogObjectKind::Relation, rel(s, "app.old_name").oid, 0});
    QVERIFY2(renamed.ddl.startsWith(QStringLiteral(
                 "-- renamed since the snapshot: was app.old_name\nCREATE TABLE app.new_name (")),
        qPrintable(renamed.ddl + renamed.failure));
    const DdlAnswer dropped =
        readDdl(c, s, {CatalogObjectKind::Relation, rel(s, "app.doomed").oid, 0});
    QCOMPARE(dropped.failure,
        QStringLiteral("app.doomed no longer exists: it was dropped after the snapshot was taken "
                       "(refresh)"));
    QCOMPARE(dropped.failureCode, QStringLiteral("42P01")); // undefined_table
    QVERIFY(runAndWait(c, QStringLiteral("DROP TABLE app.new_name")).error.isNull());
}

void TestCatalogSnapshot::killedSessionFailsTheLoad()
{
    Connection victim;
    victim.setAutoReconnect(false);
    QVERIFY(openAndWait(victim, m_db->connInfo()).isNull());
    // The load queues behind a sleep, so the session dies with the load
    // under way (killed before it, the next request would just reconnect).
    victim.execute(QStringLiteral("SELECT pg_sleep(30)"));
    CatalogSnapshotLoader loader(&victim);
    QSignalSpy loaded(&loader, &CatalogSnapshotLoader::loaded);
    QSignalSpy failed(&loader, &CatalogSnapshotLoader::failed);
    loader.load();
    const QString pid = QString::number(victim.server().backendPid);
    QVERIFY(runAndWait(*m_connection, QStringLiteral("SELECT pg_terminate_backend(%1)").arg(pid))
                .error.isNull());
    QTRY_VERIFY_WITH_TIMEOUT(!failed.isEmpty() && loaded.isEmpty(), 10000);
    const PgError failure = failed.first().first().value<PgError>();
    QCOMPARE(failure.sqlState, QStringLiteral("57P01")); // admin_shutdown: terminated
    QVERIFY2(failure.message.contains(QStringLiteral("terminat")), qPrintable(failure.message));
}

void TestCatalogSnapshot::roleWithoutSequenceRightsStillLoads()
{
    QVERIFY(runAndWait(*m_connection,
        QStringLiteral("DROP ROLE IF EXISTS snapshot_reader; CREATE "
                       "ROLE snapshot_reader LOGIN"))
                .error.isNull());
    ConnInfo info = m_db->connInfo();
    info.setValue(QStringLiteral("user"), QStringLiteral("snapshot_reader"));
    Connection limited;
    const PgError opened = openAndWait(limited, info);
    QVERIFY2(opened.isNull(), qPrintable(opened.toString()));
    QString failure;
    const CatalogSnapshot s = loadSnapshot(limited, {}, &failure);
    QVERIFY2(!s.isNull(), qPrintable(failure));
    QVERIFY(s.problems().isEmpty());
    const DbSequence *ticket = s.sequence(rel(s, QStringLiteral("app.ticket_seq")).oid);
    QVERIFY(ticket);
    QVERIFY(!ticket->hasLastValue); // no SELECT or USAGE on it: not read, no error
    QCOMPARE(rel(s, QStringLiteral("app.orders")).columns.size(), 4);
    limited.close();
    QVERIFY(runAndWait(*m_connection, QStringLiteral("DROP ROLE snapshot_reader")).error.isNull());
}

QTEST_GUILESS_MAIN(TestCatalogSnapshot)
#include "tst_catalogsnapshot.moc"
