// The lint engine's frame: syntax errors reported with the grammar's
// version while the rest is still checked, dispatch to a statement rule
// with its lock and fix, transaction tracking, and the lock conflict table.

#include "core/lint/lintengine.h"
#include "core/lint/lockmode.h"
#include "core/lint/report/jsontext.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace tusk::core;

namespace {
// The engine's frame with the first rule: other rules' findings (timeouts,
// IF NOT EXISTS, …) are left out here and tested in their own cases.
LintResult lint(const QByteArray &sql, const LintOptions &options = {})
{
    static const LintEngine engine;
    const ParsedScript script(sql);
    LintResult result = engine.lint(script, options);
    result.findings.removeIf([](const Finding &f) {
        return f.rule != QLatin1String("syntax-error")
            && f.rule != QLatin1String("require-concurrent-index-creation");
    });
    return result;
}

QStringList ruleIds(const LintResult &result)
{
    QStringList ids;
    for (const Finding &f : result.findings)
        ids << f.rule;
    return ids;
}
} // namespace

class TestLintEngine : public QObject {
    Q_OBJECT
private slots:
    void reportsSyntaxErrorAndGoesOn();
    void createIndexTakesShareLock();
    void concurrentIndexIsSilent();
    void noFixInsideTransaction();
    void tracksTransactions();
    void lockConflictsMatchTheDocumentation();
    void lockModelCoversIndexTablesDomainsAndWholeDatabase();
    void blocksOnThreadsMatchOneThread();
    void jsonStringsRoundTrip();
};

void TestLintEngine::reportsSyntaxErrorAndGoesOn()
{
    const LintResult result = lint("ALTER TABLE t ADD;\nCREATE INDEX i ON t (a);");
    QCOMPARE(result.statementCount, 2);
    QCOMPARE(ruleIds(result),
        QStringList(
            {QStringLiteral("syntax-error"), QStringLiteral("require-concurrent-index-creation")}));
    const Finding &error = result.findings.first();
    QCOMPARE(error.severity, Severity::Error);
    QCOMPARE(error.start, (SourcePosition {1, 18}));
    QVERIFY2(error.message.contains(QLatin1String("PostgreSQL 15")), qPrintable(error.message));
}

void TestLintEngine::createIndexTakesShareLock()
{
    const QByteArray sql = "CREATE UNIQUE INDEX orders_ref ON shop.orders (ref);";
    const LintResult result = lint(sql);
    QCOMPARE(result.findings.size(), 1);
    const Finding &f = result.findings.first();
    QCOMPARE(f.rule, QStringLiteral("require-concurrent-index-creation"));
    QCOMPARE(f.statement, 0);
    QCOMPARE(f.start, (SourcePosition {1, 1}));
    QCOMPARE(f.end, (SourcePosition {1, 52}));
    QCOMPARE(f.lock,
        QStringLiteral(
            "SHARE on shop.orders, scans the table: blocks writes and other schema changes; reads "
            "go on"));
    QVERIFY(f.alternative.contains(QLatin1String("CONCURRENTLY")));
    QCOMPARE(f.fix.size(), 1);
    QByteArray fixed = sql;
    fixed.replace(f.fix.first().range.begin, f.fix.first().range.size(), f.fix.first().replacement);
    QCOMPARE(
        fixed, QByteArray("CREATE UNIQUE INDEX CONCURRENTLY orders_ref ON shop.orders (ref);"));
}

void TestLintEngine::concurrentIndexIsSilent()
{
    QVERIFY(lint("CREATE INDEX CONCURRENTLY i ON t (a);").findings.isEmpty());
}

void TestLintEngine::noFixInsideTransaction()
{
    // CONCURRENTLY cannot run in a transaction block: no mechanical fix.
    LintResult result = lint("BEGIN;\nCREATE INDEX i ON t (a);\nCOMMIT;");
    QCOMPARE(result.findings.size(), 1);
    QVERIFY(result.findings.first().fix.isEmpty());
    LintOptions wrapped;
    wrapped.assumeInTransaction = true;
    result = lint("CREATE INDEX i ON t (a);", wrapped);
    QVERIFY(result.findings.first().fix.isEmpty());
}

void TestLintEngine::tracksTransactions()
{
    const ParsedScript script("SELECT 1; BEGIN; SELECT 2; COMMIT; SELECT 3; START TRANSACTION; "
                              "SELECT 4; ROLLBACK;");
    const QList<StatementState> states = LintEngine::trackTransactions(script, {});
    QList<int> transactions;
    for (const StatementState &s : states)
        transactions << s.transaction;
    QCOMPARE(transactions, QList<int>({-1, 0, 0, 0, -1, 1, 1, 1}));
    LintOptions wrapped;
    wrapped.assumeInTransaction = true;
    const QList<StatementState> assumed = LintEngine::trackTransactions(script, wrapped);
    QVERIFY(assumed.first().inTransaction);
    QCOMPARE(assumed.at(4).transaction, 1); // a new one after COMMIT
}

void TestLintEngine::lockConflictsMatchTheDocumentation()
{
    using M = LockMode;
    const QList<M> all {M::AccessShare, M::RowShare, M::RowExclusive, M::ShareUpdateExclusive,
        M::Share, M::ShareRowExclusive, M::Exclusive, M::AccessExclusive};
    for (M a : all) {
        for (M b : all)
            QCOMPARE(LockModes::conflicts(a, b), LockModes::conflicts(b, a));
    }
    QVERIFY(!LockModes::conflicts(M::Share, M::Share));
    QVERIFY(LockModes::conflicts(M::Share, M::RowExclusive));
    QVERIFY(!LockModes::conflicts(M::ShareUpdateExclusive, M::RowExclusive));
    QVERIFY(LockModes::conflicts(M::ShareUpdateExclusive, M::ShareUpdateExclusive));
    QVERIFY(!LockModes::conflicts(M::Exclusive, M::AccessShare));
    QVERIFY(LockModes::impact(M::AccessExclusive).blocksReads);
    QCOMPARE(LockModes::describeImpact(M::ShareUpdateExclusive),
        QStringLiteral("blocks other schema changes; reads and writes go on"));
}

void TestLintEngine::lockModelCoversIndexTablesDomainsAndWholeDatabase()
{
    const LintResult result =
        lint("DROP INDEX idx_a;\n"
             "REINDEX TABLE orders;\n"
             "REINDEX INDEX CONCURRENTLY idx_b;\n"
             "ALTER DOMAIN posint ADD CONSTRAINT pos CHECK (VALUE > 0);\n"
             "ALTER DOMAIN posint ADD CONSTRAINT p2 CHECK (VALUE > 0) NOT VALID;\n"
             "VACUUM FULL;\n"
             "CLUSTER;\n");
    auto describe = [&](int statement) {
        QStringList out;
        for (const RelationLock &l : result.locks.at(statement))
            out << l.describe();
        return out;
    };
    QCOMPARE(describe(0).first(),
        QStringLiteral("ACCESS EXCLUSIVE on the table of idx_a: blocks reads and writes"));
    QCOMPARE(describe(1),
        QStringList({QStringLiteral("SHARE on orders, scans the table: blocks writes and other "
                                    "schema changes; reads go on"),
            QStringLiteral("ACCESS EXCLUSIVE on each index of orders: blocks reads and writes")}));
    QCOMPARE(result.locks.at(2).first().mode, LockMode::ShareUpdateExclusive);
    QCOMPARE(result.locks.at(2).last().mode, LockMode::ShareUpdateExclusive);
    QCOMPARE(result.locks.at(3).size(), 1);
    QCOMPARE(result.locks.at(3).first().mode, LockMode::Share);
    QVERIFY(result.locks.at(3).first().relation.contains(QLatin1String("posint")));
    QVERIFY(result.locks.at(4).isEmpty()); // NOT VALID checks nothing now
    QCOMPARE(result.locks.at(5).first().mode, LockMode::AccessExclusive);
    QVERIFY(result.locks.at(5).first().rewrites);
    QCOMPARE(result.locks.at(6).first().relation, QStringLiteral("each table clustered before"));
}

void TestLintEngine::blocksOnThreadsMatchOneThread()
{
    // A script big enough to be parsed and checked in blocks, with what
    // crosses block boundaries: a transaction, a table created far before
    // it is altered, an ignore comment, a statement cut by the lexer, a
    // syntax error and a DO block.
    QByteArray sql = "CREATE TABLE early (id bigint PRIMARY KEY, n int);\nBEGIN;\n";
    for (int i = 0; i < 700; ++i) {
        const QByteArray n = QByteArray::number(i);
        sql += "CREATE INDEX i" + n + " ON t" + n + " (a);\n";
        sql += "ALTER TABLE t" + n + " ADD COLUMN c" + n + " int NOT NULL;\n";
        if (i % 97 == 0)
            sql += "-- tusk:ignore require-concurrent-index-creation\nCREATE INDEX j ON u (b);\n";
        if (i % 131 == 0)
            sql += "ALTER TABLE t ADD;\nCREATE FUNCTION g() RETURNS int LANGUAGE sql BEGIN ATOMIC "
                   "SELECT 1; SELECT 2; END;\nDO $$ BEGIN UPDATE big SET x = 1; END $$;\n";
    }
    sql += "COMMIT;\nALTER TABLE early ALTER COLUMN n SET NOT NULL;\n";

    static const LintEngine engine;
    const ParsedScript oneScript(sql, 1);
    const ParsedScript fourScript(sql, 4);
    LintOptions one;
    one.threads = 1;
    LintOptions four;
    four.threads = 4;
    const LintResult a = engine.lint(oneScript, one);
    const LintResult b = engine.lint(fourScript, four);

    QCOMPARE(a.statementCount, b.statementCount);
    QVERIFY(a.statementCount > 1400);
    QCOMPARE(a.findings.size(), b.findings.size());
    QVERIFY(a.findings.size() > 1400);
    for (qsizetype i = 0; i < a.findings.size(); ++i) {
        const Finding &x = a.findings.at(i);
        const Finding &y = b.findings.at(i);
        QCOMPARE(y.rule, x.rule);
        QCOMPARE(y.range, x.range);
        QCOMPARE(y.start, x.start);
        QCOMPARE(y.statement, x.statement);
        QCOMPARE(y.message, x.message);
        QCOMPARE(y.lock, x.lock);
        QCOMPARE(y.note, x.note);
        QCOMPARE(y.fix, x.fix);
    }
    QCOMPARE(a.locks.size(), b.locks.size());
    QStringList rules;
    for (const Finding &f : a.findings)
        rules << f.rule;
    // What crosses the blocks really happened.
    QVERIFY(rules.contains(QStringLiteral("syntax-error")));
    QVERIFY(rules.contains(QStringLiteral("unbatched-update-or-delete")));
    QVERIFY(rules.contains(QStringLiteral("ban-concurrent-index-creation-in-transaction"))
        || rules.contains(QStringLiteral("require-concurrent-index-creation")));
    QCOMPARE(rules.count(QStringLiteral("syntax-error")), 6); // i = 0, 131, …, 655
}

void TestLintEngine::jsonStringsRoundTrip()
{
    const QString value = QStringLiteral("plain \"quoted\" back\\slash\n\t\r ") + QChar(0x01)
        + QStringLiteral(" é ✓ ") + QString::fromUcs4(U"\U0001F418") + QChar(0x7f);
    QByteArray json = "[";
    JsonText::appendString(json, value);
    json += ",";
    JsonText::appendNumber(json, -9876543210);
    json += "]";
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    QCOMPARE(error.error, QJsonParseError::NoError);
    QCOMPARE(document.array().at(0).toString(), value);
    QCOMPARE(document.array().at(1).toInteger(), Q_INT64_C(-9876543210));
    QVERIFY(json.contains("\\u0001"));
}

QTEST_GUILESS_MAIN(TestLintEngine)
#include "tst_lintengine.moc"
