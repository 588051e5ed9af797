// The catalog snapshot read by two sessions sharing one exported snapshot
// (CatalogSnapshotLoader::setSecondConnection): the same answer as one
// session, one moment in time even while DDL commits all along, and a
// second session that is busy or dead leaves the first to read it all.
// And the quick snapshot followed by its definitions (definitionsAfterwards):
// both from one transaction, the whole one sharing the quick one's objects.

#include "testsupport.h"

#include "core/catalog/catalogsnapshotloader.h"
#include "core/pg/connection.h"

#include <QSignalSpy>
#include <QTest>

using namespace tusk::core;
using namespace tusk::test;

class TestCatalogSharedLoad : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void twoSessionsGiveTheSameSnapshotAsOne();
    void bothSessionsSeeOneMoment();
    void busySecondSessionIsLeftOut();
    void deadSecondSessionIsLeftOut();
    void definitionsAfterwardsShowTheQuickSnapshotsMoment();

private:
    struct Load {
        CatalogSnapshot snapshot;
        QString failure;
        int sessions = 0;
    };
    Load load(Connection &first, Connection *second);
    // "schema.table: column, column" for every table of `schema`.
    static QStringList shape(const CatalogSnapshot &s, const QString &schema);

    std::unique_ptr<ScratchDatabase> m_db;
    Connection m_first;
    Connection m_second;
};

TestCatalogSharedLoad::Load TestCatalogSharedLoad::load(Connection &first, Connection *second)
{
    CatalogSnapshotLoader loader(&first);
    loader.setSecondConnection(second);
    QSignalSpy loaded(&loader, &CatalogSnapshotLoader::loaded);
    QSignalSpy failed(&loader, &CatalogSnapshotLoader::failed);
    loader.load();
    for (int i = 0; i < 1000 && loaded.isEmpty() && failed.isEmpty(); ++i)
        QTest::qWait(10);
    Load result;
    if (!loaded.isEmpty())
        result.snapshot = loaded.first().first().value<CatalogSnapshot>();
    if (!failed.isEmpty())
        result.failure = failed.first().first().toString();
    result.sessions = loader.lastSessionCount();
    return result;
}

QStringList TestCatalogSharedLoad::shape(const CatalogSnapshot &s, const QString &schema)
{
    QStringList tables;
    for (const DbRelation &r : s.relations()) {
        if (s.schemaName(r.schemaOid) != schema)
            continue;
        QStringList columns;
        for (int c : r.columns)
            columns << s.columns().at(c).name;
        QStringList indexes;
        for (int i : r.indexes)
            indexes << s.indexes().at(i).name;
        tables << QStringLiteral("%1: %2 | %3")
                      .arg(r.name, columns.join(QLatin1String(", ")),
                          indexes.join(QLatin1String(", ")));
    }
    return tables;
}

void TestCatalogSharedLoad::initTestCase()
{
    QVERIFY2(!clusterConnInfo().isEmpty(), qPrintable(clusterMissingMessage()));
    m_db = std::make_unique<ScratchDatabase>(QStringLiteral("sharedload"));
    QVERIFY2(m_db->isValid(), qPrintable(m_db->error()));
    QVERIFY(openAndWait(m_first, m_db->connInfo()).isNull());
    QVERIFY(openAndWait(m_second, m_db->connInfo()).isNull());
    const Reply made = runAndWait(m_first, QStringLiteral(R"sql(
CREATE SCHEMA shop;
CREATE TABLE shop.customers (id bigint PRIMARY KEY, email text UNIQUE, name text);
CREATE TABLE shop.orders (id bigint PRIMARY KEY,
    customer_id bigint REFERENCES shop.customers (id), total numeric(12,2) CHECK (total >= 0));
CREATE INDEX orders_customer_id_idx ON shop.orders (customer_id);
CREATE VIEW shop.big_orders AS SELECT * FROM shop.orders WHERE total > 100;
CREATE SEQUENCE shop.ticket_seq;
CREATE TYPE shop.mood AS ENUM ('sad', 'happy');
CREATE FUNCTION shop.one() RETURNS int LANGUAGE sql AS 'SELECT 1';
CREATE SCHEMA churn;
)sql"));
    QVERIFY2(made.error.isNull(), qPrintable(made.error.toString()));
}

void TestCatalogSharedLoad::twoSessionsGiveTheSameSnapshotAsOne()
{
    const Load one = load(m_first, nullptr);
    const Load two = load(m_first, &m_second);
    QVERIFY2(!one.snapshot.isNull(), qPrintable(one.failure));
    QVERIFY2(!two.snapshot.isNull(), qPrintable(two.failure));
    QCOMPARE(one.sessions, 1);
    QCOMPARE(two.sessions, 2);
    QVERIFY(two.snapshot.problems().isEmpty());
    QCOMPARE(
        shape(two.snapshot, QStringLiteral("shop")), shape(one.snapshot, QStringLiteral("shop")));
    QCOMPARE(two.snapshot.relations().size(), one.snapshot.relations().size());
    QCOMPARE(two.snapshot.constraints().size(), one.snapshot.constraints().size());
    QCOMPARE(two.snapshot.sequences().size(), one.snapshot.sequences().size());
    QCOMPARE(two.snapshot.functions().size(), one.snapshot.functions().size());
    QCOMPARE(two.snapshot.types().size(), one.snapshot.types().size());
    QCOMPARE(two.snapshot.schemas().size(), one.snapshot.schemas().size());
    QVERIFY(two.snapshot.findRelation(QStringLiteral("shop.big_orders")));
    // Both sessions are idle again, ready for the next load.
    QCOMPARE(m_first.transactionStatus(), Connection::TransactionStatus::Idle);
    QCOMPARE(m_second.transactionStatus(), Connection::TransactionStatus::Idle);
}

void TestCatalogSharedLoad::bothSessionsSeeOneMoment()
{
    // A third session commits a table (two columns, one index) after
    // another. Relations and indexes come from one session, columns from
    // the other: read at two moments, a table would show up without its
    // columns, or columns without their table.
    Connection writer;
    QVERIFY(openAndWait(writer, m_db->connInfo()).isNull());
    QSignalSpy done(&writer, &Connection::requestFinished);
    writer.execute(QStringLiteral(R"sql(
DO $$
BEGIN
  FOR i IN 1..4000 LOOP
    EXECUTE format('CREATE TABLE churn.t%s (a int PRIMARY KEY, b text)', i);
    COMMIT;
  END LOOP;
END $$)sql"));
    int loads = 0;
    int sawChurn = 0;
    while (done.isEmpty() && loads < 40) {
        const Load two = load(m_first, &m_second);
        QVERIFY2(!two.snapshot.isNull(), qPrintable(two.failure));
        QCOMPARE(two.sessions, 2);
        ++loads;
        const QStringList tables = shape(two.snapshot, QStringLiteral("churn"));
        for (const QString &table : tables) {
            const QString name = table.section(QLatin1Char(':'), 0, 0);
            QCOMPARE(table, QStringLiteral("%1: a, b | %1_pkey").arg(name));
        }
        // No column whose table the snapshot lacks.
        for (const DbColumn &column : two.snapshot.columns())
            QVERIFY2(two.snapshot.relation(column.relationOid), qPrintable(column.name));
        if (!tables.isEmpty())
            ++sawChurn;
    }
    QVERIFY2(sawChurn >= 2, qPrintable(QString::number(sawChurn)));
    writer.cancel();
    QTRY_VERIFY_WITH_TIMEOUT(!done.isEmpty(), 10000);
}

void TestCatalogSharedLoad::busySecondSessionIsLeftOut()
{
    QVERIFY(runAndWait(m_second, QStringLiteral("BEGIN; SELECT 1")).error.isNull());
    const Load loaded = load(m_first, &m_second);
    QVERIFY2(!loaded.snapshot.isNull(), qPrintable(loaded.failure));
    QCOMPARE(loaded.sessions, 1);
    QVERIFY(loaded.snapshot.findRelation(QStringLiteral("shop.orders")));
    // Its transaction is the user's: left as it was.
    QCOMPARE(m_second.transactionStatus(), Connection::TransactionStatus::InTransaction);
    QVERIFY(runAndWait(m_second, QStringLiteral("ROLLBACK")).error.isNull());
}

void TestCatalogSharedLoad::deadSecondSessionIsLeftOut()
{
    Connection victim;
    victim.setAutoReconnect(false);
    QVERIFY(openAndWait(victim, m_db->connInfo()).isNull());
    const QString pid = QString::number(victim.server().backendPid);
    // Terminated on the server; the client learns it only when it next
    // talks to it: as the second session joins the load.
    const Reply killed =
        runAndWait(m_first, QStringLiteral("SELECT pg_terminate_backend(%1, 5000)").arg(pid));
    QVERIFY2(killed.error.isNull(), qPrintable(killed.error.toString()));
    const Load loaded = load(m_first, &victim);
    QVERIFY2(!loaded.snapshot.isNull(), qPrintable(loaded.failure));
    QCOMPARE(loaded.sessions, 1);
    QVERIFY(loaded.snapshot.problems().isEmpty());
    QCOMPARE(shape(loaded.snapshot, QStringLiteral("shop")),
        shape(load(m_first, nullptr).snapshot, QStringLiteral("shop")));
}

void TestCatalogSharedLoad::definitionsAfterwardsShowTheQuickSnapshotsMoment()
{
    QVERIFY(runAndWait(m_first,
        QStringLiteral("ALTER TABLE shop.orders ALTER COLUMN total SET DEFAULT 0; "
                       "SELECT nextval('shop.ticket_seq')"))
                .error.isNull());
    Connection writer;
    QVERIFY(openAndWait(writer, m_db->connInfo()).isNull());
    CatalogSnapshotLoader loader(&m_first);
    loader.setSecondConnection(&m_second);
    QList<CatalogSnapshot> snapshots;
    QString committed;
    connect(&loader, &CatalogSnapshotLoader::loaded, this, [&](const CatalogSnapshot &s) {
        snapshots << s;
        if (snapshots.size() > 1)
            return;
        // Committed after the quick snapshot, before its definitions are
        // asked for: read in a transaction of their own, they would show it.
        committed = runAndWait(writer,
            QStringLiteral("ALTER TABLE shop.orders ALTER COLUMN total SET DEFAULT 5; "
                           "ALTER TABLE shop.customers ALTER COLUMN name SET DEFAULT 'anon'"))
                        .error.toString();
    });
    QSignalSpy failed(&loader, &CatalogSnapshotLoader::failed);
    CatalogSnapshotLoader::Options options;
    options.definitions = false;
    options.definitionsAfterwards = true;
    loader.load(options);
    QTRY_VERIFY_WITH_TIMEOUT(snapshots.size() == 2 || !failed.isEmpty(), 20000);
    QVERIFY2(failed.isEmpty(), qPrintable(failed.value(0).value(0).toString()));
    QVERIFY2(committed.isEmpty(), qPrintable(committed));
    QVERIFY(!loader.isLoading());
    QCOMPARE(loader.lastSessionCount(), 2);
    const CatalogSnapshot &quick = snapshots.first();
    const CatalogSnapshot &whole = snapshots.last();
    QVERIFY(!quick.hasDefinitions());
    QVERIFY(whole.hasDefinitions());
    QVERIFY(whole.sharesObjectsWith(quick));
    QVERIFY(whole.problems().isEmpty());
    auto defaultOf = [](const CatalogSnapshot &s, const QString &table, const QString &name) {
        const DbRelation *r = s.findRelation(table);
        for (int c : r ? r->columns : QList<int>()) {
            if (s.columns().at(c).name == name)
                return s.columns().at(c).defaultValue;
        }
        return QStringLiteral("<no column>");
    };
    const QString orders = QStringLiteral("shop.orders");
    const QString customers = QStringLiteral("shop.customers");
    QVERIFY(defaultOf(quick, orders, QStringLiteral("total")).isNull());
    QCOMPARE(defaultOf(whole, orders, QStringLiteral("total")), QStringLiteral("0"));
    QVERIFY(defaultOf(whole, customers, QStringLiteral("name")).isNull());
    // The rest as a load in one step reads it (at the earlier moment for
    // what changed since).
    const Load oneStep = load(m_first, &m_second);
    QCOMPARE(defaultOf(oneStep.snapshot, orders, QStringLiteral("total")), QStringLiteral("5"));
    QCOMPARE(whole.indexes().size(), oneStep.snapshot.indexes().size());
    for (const DbIndex &index : whole.indexes()) {
        QVERIFY2(index.definition.startsWith(QLatin1String("CREATE ")), qPrintable(index.name));
        QCOMPARE(index.definition, oneStep.snapshot.index(index.oid)->definition);
    }
    const DbSequence *ticket =
        whole.sequence(whole.findRelation(QStringLiteral("shop.ticket_seq"))->oid);
    QVERIFY(ticket && ticket->hasLastValue);
    QVERIFY(!quick.sequence(ticket->oid)->hasLastValue);
    QCOMPARE(ticket->lastValue, oneStep.snapshot.sequence(ticket->oid)->lastValue);
    QCOMPARE(m_first.transactionStatus(), Connection::TransactionStatus::Idle);
    QCOMPARE(m_second.transactionStatus(), Connection::TransactionStatus::Idle);
}

QTEST_GUILESS_MAIN(TestCatalogSharedLoad)
#include "tst_catalogsharedload.moc"
