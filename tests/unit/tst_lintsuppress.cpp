// Ignore comments (tusk and squawk spellings, next statement and whole
// file, unknown ids reported), the lock model's verdicts per statement, and
// fixes that overlap.

#include "core/lint/fixapplier.h"
#include "core/lint/lintengine.h"
#include "core/lint/lockmodel.h"
#include "core/lint/scriptfacts.h"

#include <QTest>

using namespace tusk::core;

namespace {
QStringList ruleIds(const QByteArray &sql, const LintOptions &options = {})
{
    static const LintEngine engine;
    const ParsedScript script(sql);
    QStringList ids;
    for (const Finding &f : engine.lint(script, options).findings) {
        // The file-wide rules fire on almost everything; these tests are not about them.
        if (f.rule != QLatin1String("require-lock-timeout")
            && f.rule != QLatin1String("require-statement-timeout")
            && f.rule != QLatin1String("prefer-robust-stmts"))
            ids << QStringLiteral("%1:%2").arg(f.start.line).arg(f.rule);
    }
    return ids;
}

QList<RelationLock> locksOf(const QByteArray &sql, int version = 150000)
{
    const ParsedScript script(sql);
    const ScriptFacts facts(script);
    LockModel::Context context;
    context.serverVersion = version;
    context.facts = &facts;
    context.statement = int(script.statements().size()) - 1;
    return LockModel::locksOf(script.statements().last().node, context);
}
} // namespace

class TestLintSuppress : public QObject {
    Q_OBJECT
private slots:
    void ignoreNextStatement();
    void ignoreFileAndSquawkSpelling();
    void unknownRuleIsReported();
    void lockModelPerStatement();
    void overlappingFixesAreLeftOutWhole();
    void timeoutAliasCoversBothHalves();
    void insertionsAtOnePointKeepTheirOrder();
};

void TestLintSuppress::ignoreNextStatement()
{
    const QByteArray sql = "-- tusk:ignore require-concurrent-index-creation\n"
                           "CREATE INDEX a ON t (x);\n"
                           "CREATE INDEX b ON t (y);\n"
                           "CREATE INDEX c ON t (z); -- tusk:ignore\n";
    QCOMPARE(ruleIds(sql), QStringList {QStringLiteral("3:require-concurrent-index-creation")});
}

void TestLintSuppress::ignoreFileAndSquawkSpelling()
{
    QCOMPARE(ruleIds("CREATE INDEX a ON t (x);\n"
                     "-- squawk-ignore-file require-concurrent-index-creation\n"
                     "CREATE INDEX b ON t (y);\n"),
        QStringList());
    QCOMPARE(ruleIds("/* tusk:ignore-file */\nCREATE INDEX a ON t (x);\nUPDATE t SET x = 1;\n"),
        QStringList());
    // squawk's older id spelling is understood.
    QCOMPARE(ruleIds("-- squawk-ignore prefer-timestamp-tz, require-concurrent-index-creation\n"
                     "CREATE INDEX a ON t (x);\n"),
        QStringList());
}

void TestLintSuppress::unknownRuleIsReported()
{
    QCOMPARE(ruleIds("-- tusk:ignore require-concurent-index-creation\nCREATE INDEX a ON t (x);\n"),
        QStringList({QStringLiteral("1:unknown-rule"),
            QStringLiteral("2:require-concurrent-index-creation")}));
}

void TestLintSuppress::lockModelPerStatement()
{
    QList<RelationLock> locks = locksOf("ALTER TABLE shop.orders ADD COLUMN n int DEFAULT 0");
    QCOMPARE(locks.size(), 1);
    QCOMPARE(locks.first().mode, LockMode::AccessExclusive);
    QVERIFY(!locks.first().rewrites); // a constant default is catalog-only from 11
    QVERIFY(locksOf("ALTER TABLE o ADD COLUMN n int DEFAULT 0", 100000).first().rewrites);
    QVERIFY(locksOf("ALTER TABLE o ADD COLUMN id uuid DEFAULT gen_random_uuid()").first().rewrites);
    // A foreign key locks both tables in SHARE ROW EXCLUSIVE and scans unless NOT VALID.
    locks = locksOf("ALTER TABLE o ADD CONSTRAINT f FOREIGN KEY (c) REFERENCES customers (id)");
    QCOMPARE(locks.size(), 2);
    QCOMPARE(locks.at(1).relation, QStringLiteral("customers"));
    QCOMPARE(locks.at(0).mode, LockMode::ShareRowExclusive);
    QVERIFY(locks.at(0).scans);
    QVERIFY(!locksOf("ALTER TABLE o ADD CONSTRAINT f FOREIGN KEY (c) REFERENCES customers (id) "
                     "NOT VALID")
                 .first()
                 .scans);
    // Several subcommands: one lock, the strongest mode.
    locks = locksOf("ALTER TABLE o ALTER COLUMN a SET STATISTICS 500, ALTER COLUMN b SET NOT NULL");
    QCOMPARE(locks.size(), 1);
    QCOMPARE(locks.first().mode, LockMode::AccessExclusive);
    QVERIFY(locks.first().scans);
    // The old type from the script decides whether ALTER TYPE rewrites.
    QVERIFY(!locksOf("ALTER TABLE o ADD COLUMN v varchar(20);\n"
                     "ALTER TABLE o ALTER COLUMN v TYPE varchar(50)")
                 .first()
                 .rewrites);
    QVERIFY(locksOf("ALTER TABLE o ADD COLUMN v varchar(20);\n"
                    "ALTER TABLE o ALTER COLUMN v TYPE int USING v::int")
                .first()
                .rewrites);
    QCOMPARE(locksOf("VACUUM FULL o").first().mode, LockMode::AccessExclusive);
    QCOMPARE(locksOf("VACUUM o").first().mode, LockMode::ShareUpdateExclusive);
    QCOMPARE(locksOf("REINDEX INDEX CONCURRENTLY i").first().mode, LockMode::ShareUpdateExclusive);
    QCOMPARE(locksOf("ALTER TABLE p DETACH PARTITION c CONCURRENTLY").first().mode,
        LockMode::ShareUpdateExclusive);
    QCOMPARE(locksOf("LOCK TABLE o IN SHARE MODE").first().mode, LockMode::Share);
    QCOMPARE(locksOf("ALTER INDEX i RENAME TO j").first().mode, LockMode::ShareUpdateExclusive);
    QCOMPARE(locksOf("ALTER INDEX i RENAME TO j", 110000).first().mode, LockMode::AccessExclusive);
    // VACUUM (FULL false) is a plain VACUUM.
    QCOMPARE(locksOf("VACUUM (FULL false) o").first().mode, LockMode::ShareUpdateExclusive);
    // COMMENT ON locks the relation it is about (a column's, a constraint's table).
    QCOMPARE(locksOf("COMMENT ON COLUMN s.o.c IS 'x'").first().relation, QStringLiteral("s.o"));
    QCOMPARE(locksOf("COMMENT ON CONSTRAINT k ON o IS 'x'").first().mode,
        LockMode::ShareUpdateExclusive);
    QVERIFY(locksOf("COMMENT ON FUNCTION f() IS 'x'").isEmpty());
    // ALTER SEQUENCE holds up nextval(); ALTER TYPE locks only the type.
    QCOMPARE(
        locksOf("ALTER SEQUENCE o_id_seq RESTART 100").first().mode, LockMode::ShareRowExclusive);
    QVERIFY(locksOf("ALTER TYPE mood ADD VALUE 'meh'").first().objectOnly);
}

void TestLintSuppress::timeoutAliasCoversBothHalves()
{
    static const LintEngine engine;
    auto rules = [](const QByteArray &sql) {
        QStringList ids;
        for (const Finding &f : engine.lint(ParsedScript(sql), {}).findings)
            ids << f.rule;
        return ids;
    };
    const QByteArray sql = "LOCK TABLE o IN ACCESS EXCLUSIVE MODE;\n";
    QCOMPARE(rules(sql),
        QStringList(
            {QStringLiteral("require-lock-timeout"), QStringLiteral("require-statement-timeout")}));
    QCOMPARE(rules("-- squawk-ignore-file require-timeout-settings\n" + sql), QStringList());
    QCOMPARE(rules("-- squawk-ignore-file require-statement-timeout\n" + sql),
        QStringList {QStringLiteral("require-lock-timeout")});
}

void TestLintSuppress::insertionsAtOnePointKeepTheirOrder()
{
    Finding a;
    a.fix << TextEdit {{0, 0}, "SET lock_timeout = '5s';\n"};
    Finding b;
    b.fix << TextEdit {{0, 0}, "SET statement_timeout = '15min';\n"};
    Finding c;
    c.fix << TextEdit {{0, 4}, "LOCK"}; // a replacement from the same point still clashes
    const FixOutcome outcome = FixApplier::apply("lock t;", {a, b, c});
    QCOMPARE(outcome.applied, 2);
    QCOMPARE(outcome.skipped, 1);
    QCOMPARE(outcome.text,
        QByteArray("SET lock_timeout = '5s';\nSET statement_timeout = '15min';\nlock t;"));
}

void TestLintSuppress::overlappingFixesAreLeftOutWhole()
{
    Finding a;
    a.fix << TextEdit {{0, 6}, "CREATE"} << TextEdit {{10, 10}, " X"};
    Finding b;
    b.fix << TextEdit {{4, 8}, "zz"}; // overlaps a's first edit
    Finding c;
    c.fix << TextEdit {{12, 12}, "!"};
    const FixOutcome outcome = FixApplier::apply("create abc def", {a, b, c});
    QCOMPARE(outcome.applied, 2);
    QCOMPARE(outcome.skipped, 1);
    QCOMPARE(outcome.text, QByteArray("CREATE abc X d!ef"));
}

QTEST_GUILESS_MAIN(TestLintSuppress)
#include "tst_lintsuppress.moc"
