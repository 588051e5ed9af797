// The type-change matrix (TypeChange, strong_migrations' table of safe
// changes) checked against the real server: for each pair the test builds a
// table with an index on the column, runs ALTER COLUMN … TYPE, and reads
// whether PostgreSQL gave the table and the index new files (a rewrite, a
// rebuild). What the linter calls catalog-only must keep the table's file;
// what it calls a rewrite must not; an index rebuild must be said.

#include "testsupport.h"

#include "core/lint/columntype.h"
#include "core/lint/typechange.h"

#include <QTest>

using namespace tusk::core;
using namespace tusk::test;

class TestTypeChangeServer : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void matchesTheServer_data();
    void matchesTheServer();

private:
    std::unique_ptr<ScratchDatabase> m_db;
    Connection m_connection;
    int m_serverVersion = 0;
};

void TestTypeChangeServer::initTestCase()
{
    QVERIFY2(!clusterConnInfo().isEmpty(), qPrintable(clusterMissingMessage()));
    m_db = std::make_unique<ScratchDatabase>(QStringLiteral("typechange"));
    QVERIFY2(m_db->isValid(), qPrintable(m_db->error()));
    QVERIFY(openAndWait(m_connection, m_db->connInfo()).isNull());
    const Reply reply = runAndWait(m_connection, QStringLiteral("CREATE EXTENSION citext"));
    QVERIFY2(reply.error.isNull(), qPrintable(reply.error.toString()));
    m_serverVersion = m_connection.server().versionNumber;
}

void TestTypeChangeServer::matchesTheServer_data()
{
    QTest::addColumn<QString>("from");
    QTest::addColumn<QString>("to");
    QTest::addColumn<QString>("timeZone");
    QTest::addColumn<QString>("value");
    auto row = [](const char *from, const char *to, const char *value,
                   const char *zone = "Europe/Berlin") {
        QTest::addRow("%s -> %s (%s)", from, to, zone)
            << QString::fromLatin1(from) << QString::fromLatin1(to) << QString::fromLatin1(zone)
            << QString::fromLatin1(value);
    };
    row("varchar(20)", "varchar(50)", "'abc'");
    row("varchar(20)", "varchar", "'abc'");
    row("varchar(50)", "varchar(20)", "'abc'");
    row("varchar(20)", "text", "'abc'");
    row("text", "varchar", "'abc'");
    row("text", "varchar(20)", "'abc'");
    row("citext", "text", "'abc'");
    row("text", "citext", "'abc'");
    row("varchar(20)", "citext", "'abc'");
    row("numeric(10,2)", "numeric(12,2)", "1.5");
    row("numeric(10,2)", "numeric", "1.5");
    row("numeric(10,5)", "numeric(9,5)", "1.5");
    row("numeric(10,5)", "numeric(10,6)", "1.5");
    row("cidr", "inet", "'10.0.0.0/8'");
    row("inet", "cidr", "'10.0.0.0/8'");
    row("timestamp(3)", "timestamp(6)", "now()");
    row("timestamp(6)", "timestamp(3)", "now()");
    row("timestamptz(3)", "timestamptz", "now()");
    row("time(0)", "time(3)", "now()");
    row("interval(3)", "interval", "'1 day'");
    row("interval(6)", "interval(3)", "'1 day'");
    row("timestamp", "timestamptz", "now()", "UTC");
    row("timestamp", "timestamptz", "now()");
    row("timestamptz", "timestamp", "now()", "UTC");
    row("timestamp(3)", "timestamptz(3)", "now()", "UTC");
    row("timestamp(3)", "timestamptz", "now()", "UTC");
    row("timestamp", "timestamp(6)", "now()");
    row("timestamp(3)", "timestamp(6)", "now()");
    row("interval(3)", "interval(6)", "'1 day'");
    row("integer", "bigint", "1");
    row("bigint", "integer", "1");
    row("varbit(8)", "varbit(16)", "B'101'");
    row("char(3)", "text", "'abc'");
}

void TestTypeChangeServer::matchesTheServer()
{
    QFETCH(QString, from);
    QFETCH(QString, to);
    QFETCH(QString, timeZone);
    QFETCH(QString, value);
    auto run = [this](const QString &sql) {
        const Reply reply = runAndWait(m_connection, sql);
        if (!reply.error.isNull())
            qWarning("%s: %s", qPrintable(sql), qPrintable(reply.error.toString()));
        return reply;
    };
    QVERIFY(run(QStringLiteral("DROP TABLE IF EXISTS t; SET timezone = '%1'; "
                               "CREATE TABLE t (c %2); CREATE INDEX t_c ON t (c); "
                               "INSERT INTO t VALUES (%3)")
                    .arg(timeZone, from, value))
                .error.isNull());
    const QString files =
        QStringLiteral("SELECT pg_relation_filenode('t'), pg_relation_filenode('t_c'), "
                       "format_type(atttypid, atttypmod) FROM pg_attribute "
                       "WHERE attrelid = 't'::regclass AND attname = 'c'");
    const Reply before = run(files);
    QVERIFY(before.error.isNull());
    QVERIFY(run(QStringLiteral("ALTER TABLE t ALTER COLUMN c TYPE %1").arg(to)).error.isNull());
    const Reply after = run(files);
    QVERIFY(after.error.isNull());
    const bool tableRewritten = before.results[0].text(0, 0) != after.results[0].text(0, 0);
    const bool indexRebuilt = before.results[0].text(0, 1) != after.results[0].text(0, 1);

    const ColumnType oldType = ColumnType::fromCatalog(before.results[0].text(0, 2));
    const ColumnType newType = ColumnType::fromCatalog(after.results[0].text(0, 2));
    const TypeChange change = TypeChange::between(
        oldType, newType, TypeChange::contextOf(m_serverVersion, timeZone, QString()));
    const QString said =
        QStringLiteral("Tusk says %1 (%2); the server %3 the table, %4 the index")
            .arg(int(change.cost))
            .arg(change.reason, tableRewritten ? QStringLiteral("rewrote") : QStringLiteral("kept"),
                indexRebuilt ? QStringLiteral("rebuilt") : QStringLiteral("kept"));
    qInfo("%s", qPrintable(said));
    QVERIFY2(
        change.cost == TypeChange::Cost::CatalogOnly || change.cost == TypeChange::Cost::Rewrite,
        qPrintable(said));
    QVERIFY2((change.cost == TypeChange::Cost::Rewrite) == tableRewritten, qPrintable(said));
    if (!tableRewritten)
        QVERIFY2(change.rebuildsIndexes == indexRebuilt, qPrintable(said));
}

QTEST_GUILESS_MAIN(TestTypeChangeServer)
#include "tst_typechangeserver.moc"
