// StatementEffects: which statements the editor asks about on a production
// profile. Each kind has a case that asks and one that does not.

#include "core/sql/statementeffects.h"

#include <QTest>

using namespace tusk::core;

Q_DECLARE_METATYPE(tusk::core::StatementEffect)

class TestStatementEffect : public QObject {
    Q_OBJECT
private slots:
    void effectOfEachKind_data();
    void effectOfEachKind();
    void scriptGivesOneItemPerStatement();
};

void TestStatementEffect::effectOfEachKind_data()
{
    QTest::addColumn<QString>("sql");
    QTest::addColumn<StatementEffect>("effect");
    using E = StatementEffect;
    QTest::newRow("select") << "SELECT * FROM t WHERE id = 1" << E::Read;
    QTest::newRow("union") << "SELECT 1 UNION SELECT 2" << E::Read;
    QTest::newRow("values") << "VALUES (1), (2)" << E::Read;
    QTest::newRow("show") << "SHOW work_mem" << E::Read;
    QTest::newRow("explain") << "EXPLAIN DELETE FROM t" << E::Read;
    QTest::newRow("explain analyze off") << "EXPLAIN (ANALYZE false) DELETE FROM t" << E::Read;
    QTest::newRow("explain analyze delete") << "EXPLAIN ANALYZE DELETE FROM t" << E::Write;
    QTest::newRow("explain (analyze) select") << "EXPLAIN (ANALYZE, BUFFERS) SELECT 1" << E::Read;
    QTest::newRow("copy to") << "COPY t TO STDOUT" << E::Read;
    QTest::newRow("copy from") << "COPY t FROM STDIN" << E::Write;
    QTest::newRow("begin") << "BEGIN" << E::Session;
    QTest::newRow("set") << "SET lock_timeout = '2s'" << E::Session;
    QTest::newRow("declare") << "DECLARE c CURSOR FOR SELECT 1" << E::Session;
    QTest::newRow("insert") << "INSERT INTO t VALUES (1)" << E::Write;
    QTest::newRow("update") << "UPDATE t SET a = 1" << E::Write;
    QTest::newRow("delete") << "DELETE FROM t" << E::Write;
    QTest::newRow("truncate") << "TRUNCATE t" << E::Write;
    QTest::newRow("do") << "DO $$ BEGIN END $$" << E::Write;
    QTest::newRow("for update") << "SELECT * FROM t FOR UPDATE" << E::Write;
    QTest::newRow("writing cte") << "WITH d AS (DELETE FROM t RETURNING *) SELECT * FROM d"
                                 << E::Write;
    QTest::newRow("writing cte in union")
        << "SELECT 1 UNION ALL (WITH d AS (DELETE FROM t RETURNING 1) SELECT * FROM d)" << E::Write;
    QTest::newRow("select into") << "SELECT 1 AS a INTO newtable" << E::Schema;
    QTest::newRow("create index") << "CREATE INDEX i ON t (a)" << E::Schema;
    QTest::newRow("alter") << "ALTER TABLE t ADD COLUMN b int" << E::Schema;
    QTest::newRow("grant") << "GRANT SELECT ON t TO PUBLIC" << E::Schema;
    QTest::newRow("vacuum") << "VACUUM t" << E::Schema;
    QTest::newRow("garbage") << "SELEC 1" << E::Unparsed;
}

void TestStatementEffect::effectOfEachKind()
{
    QFETCH(QString, sql);
    QFETCH(StatementEffect, effect);
    const auto items = StatementEffects::ofScript(sql.toUtf8());
    QCOMPARE(items.size(), 1);
    QCOMPARE(StatementEffects::name(items.first().effect), StatementEffects::name(effect));
    const bool asks = effect == StatementEffect::Write || effect == StatementEffect::Schema
        || effect == StatementEffect::Unparsed;
    QCOMPARE(StatementEffects::changesSomething(items.first().effect), asks);
}

void TestStatementEffect::scriptGivesOneItemPerStatement()
{
    const auto items = StatementEffects::ofScript(
        "SELECT 1;\n-- a note\nUPDATE t SET a = 'é';\nCREATE TABLE x (a int);");
    QCOMPARE(items.size(), 3);
    QCOMPARE(items[0].effect, StatementEffect::Read);
    QCOMPARE(items[1].effect, StatementEffect::Write);
    QCOMPARE(items[1].text, QString::fromUtf8("UPDATE t SET a = 'é'"));
    QCOMPARE(items[2].effect, StatementEffect::Schema);
}

QTEST_GUILESS_MAIN(TestStatementEffect)
#include "tst_statementeffects.moc"
