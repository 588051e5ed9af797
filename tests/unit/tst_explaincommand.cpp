// The text the editor's Explain sends: EXPLAIN (FORMAT JSON, …) around the
// statement; ANALYZE of anything that changes data or schema inside a
// transaction (or a savepoint) rolled back; options the server or the
// other options do not allow left out and said so.

#include "core/plan/explaincommand.h"

#include <QTest>

using namespace tusk::core;

class TestExplainCommand : public QObject {
    Q_OBJECT
private slots:
    void selectIsExplainedAsIs();
    void analyzeOfWritesIsRolledBack_data();
    void analyzeOfWritesIsRolledBack();
    void withoutAnalyzeNothingRuns();
    void insideATransactionUsesASavepoint();
    void optionsTheServerRefusesAreLeftOut();
    void optionNamesRoundTrip();
};

void TestExplainCommand::selectIsExplainedAsIs()
{
    ExplainOptions options;
    options.analyze = true;
    options.buffers = true;
    const ExplainCommand c =
        ExplainCommand::make("SELECT * FROM t WHERE id = 1", options, 150004, false);
    QCOMPARE(c.sql,
        QStringLiteral("EXPLAIN (FORMAT JSON, ANALYZE, BUFFERS) SELECT * FROM t WHERE id = 1"));
    QCOMPARE(c.statementOffset, int(qstrlen("EXPLAIN (FORMAT JSON, ANALYZE, BUFFERS) ")));
    QVERIFY(!c.rolledBack);
    QVERIFY(c.note.isEmpty());
}

void TestExplainCommand::analyzeOfWritesIsRolledBack_data()
{
    QTest::addColumn<QByteArray>("statement");
    QTest::addColumn<QString>("kind");
    QTest::newRow("insert") << QByteArray("INSERT INTO t VALUES (1)") << QStringLiteral("INSERT");
    QTest::newRow("update") << QByteArray("UPDATE t SET v = v + 1") << QStringLiteral("UPDATE");
    QTest::newRow("delete") << QByteArray("delete from t where id < 10")
                            << QStringLiteral("DELETE");
    QTest::newRow("merge") << QByteArray("MERGE INTO t USING s ON t.id = s.id WHEN MATCHED THEN "
                                         "UPDATE SET v = s.v")
                           << QStringLiteral("MERGE");
    QTest::newRow("create table as")
        << QByteArray("CREATE TABLE copy AS SELECT * FROM t") << QStringLiteral("CREATE");
    QTest::newRow("writing cte") << QByteArray(
        "WITH gone AS (DELETE FROM t RETURNING *) SELECT count(*) FROM gone")
                                 << QStringLiteral("WITH");
}

void TestExplainCommand::analyzeOfWritesIsRolledBack()
{
    QFETCH(QByteArray, statement);
    QFETCH(QString, kind);
    ExplainOptions options;
    options.analyze = true;
    const ExplainCommand c = ExplainCommand::make(statement, options, 150004, false);
    QVERIFY(c.rolledBack);
    QCOMPARE(c.sql,
        QStringLiteral("BEGIN;\nEXPLAIN (FORMAT JSON, ANALYZE) ") + QString::fromUtf8(statement)
            + QStringLiteral(";\nROLLBACK;"));
    QCOMPARE(c.sql.toUtf8().mid(c.statementOffset, statement.size()), statement);
    QVERIFY2(c.note.contains(QStringLiteral("BEGIN … ROLLBACK")), qPrintable(c.note));
    QVERIFY2(c.note.contains(kind), qPrintable(c.note));
}

void TestExplainCommand::withoutAnalyzeNothingRuns()
{
    const ExplainCommand c = ExplainCommand::make("UPDATE t SET v = 1", {}, 150004, false);
    QVERIFY(!c.rolledBack);
    QCOMPARE(c.sql, QStringLiteral("EXPLAIN (FORMAT JSON) UPDATE t SET v = 1"));
}

void TestExplainCommand::insideATransactionUsesASavepoint()
{
    ExplainOptions options;
    options.analyze = true;
    const ExplainCommand c = ExplainCommand::make("DELETE FROM t", options, 150004, true);
    QVERIFY(c.rolledBack);
    QVERIFY(c.sql.startsWith(QStringLiteral("SAVEPOINT tusk_explain;\nEXPLAIN")));
    QVERIFY(c.sql.endsWith(
        QStringLiteral("ROLLBACK TO SAVEPOINT tusk_explain;\nRELEASE SAVEPOINT tusk_explain;")));
    QVERIFY(c.note.contains(QStringLiteral("savepoint")));
    // A read inside a transaction is not wrapped at all.
    QVERIFY(!ExplainCommand::make("SELECT 1", options, 150004, true)
                 .sql.contains(QStringLiteral("SAVEPOINT")));
}

void TestExplainCommand::optionsTheServerRefusesAreLeftOut()
{
    ExplainOptions options;
    options.wal = true;
    options.buffers = true;
    options.settings = true;
    // WAL needs ANALYZE on every version.
    ExplainCommand c = ExplainCommand::make("SELECT 1", options, 150004, false);
    QCOMPARE(c.sql, QStringLiteral("EXPLAIN (FORMAT JSON, BUFFERS, SETTINGS) SELECT 1"));
    QVERIFY(c.note.contains(QStringLiteral("WAL (needs ANALYZE)")));
    // PostgreSQL 11: no SETTINGS, no BUFFERS without ANALYZE.
    c = ExplainCommand::make("SELECT 1", options, 110012, false);
    QCOMPARE(c.sql, QStringLiteral("EXPLAIN (FORMAT JSON) SELECT 1"));
    QCOMPARE(c.dropped.size(), 3);
    // Unknown version: the server judges.
    options.analyze = true;
    c = ExplainCommand::make("SELECT 1", options, 0, false);
    QCOMPARE(
        c.sql, QStringLiteral("EXPLAIN (FORMAT JSON, ANALYZE, BUFFERS, SETTINGS, WAL) SELECT 1"));
    QVERIFY(c.dropped.isEmpty());
}

void TestExplainCommand::optionNamesRoundTrip()
{
    ExplainOptions options;
    options.analyze = true;
    options.verbose = true;
    options.wal = true;
    QCOMPARE(options.names(),
        (QStringList {
            QStringLiteral("ANALYZE"), QStringLiteral("VERBOSE"), QStringLiteral("WAL")}));
    const ExplainOptions back = ExplainOptions::fromNames(options.names());
    QCOMPARE(back.names(), options.names());
    QVERIFY(!ExplainOptions::fromNames({}).analyze);
}

QTEST_APPLESS_MAIN(TestExplainCommand)
#include "tst_explaincommand.moc"
