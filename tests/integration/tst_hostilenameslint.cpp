// Hostile names, part three: the linter's quick fixes (the rules' TextEdits
// through FixApplier, as `tusk lint --fix` and the editor apply them; the
// keyset-batched DO block of core/lint/keysetbatch) for statements on
// objects named with quotes, semicolons, `--`, `%1`, keywords, unicode and
// 63+ bytes. The rules see the catalog through the real SchemaFactsLoader;
// the fixed script runs on the server and must succeed, do what the
// statement meant to exactly the named object, and leave the sentinel and
// the look-alikes (public.mixedcase, "sch""ema; --x") as they were.

#include "testsupport.h"
#include "tst_hostilenamesfixture.h"

#include "core/lint/fixapplier.h"
#include "core/lint/lintengine.h"
#include "core/lint/schemafactsloader.h"
#include "core/sql/parsedscript.h"

#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace tusk::core;
using namespace tusk::test;

class TestHostileNamesLint : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void fixRunsOnTheNamedObject_data();
    void fixRunsOnTheNamedObject();

private:
    const LintEngine m_engine;
};

void TestHostileNamesLint::initTestCase()
{
    QVERIFY2(!clusterConnInfo().isEmpty(), qPrintable(clusterMissingMessage()));
}

void TestHostileNamesLint::fixRunsOnTheNamedObject_data()
{
    QTest::addColumn<QString>("setup"); // on top of the fixture
    QTest::addColumn<QString>("sql"); // the migration, linted and fixed
    QTest::addColumn<QString>("rule"); // whose fix must be applied
    QTest::addColumn<QString>("check"); // true when the statement's effect is there
    const QString orders = hostile::ordersSql();
    const QString longTable =
        u"\"ünï\".\"Long"_s + QString(66, u'x') + u'"'; // as written: 70 bytes
    const QString longColumn = u'"' + QString(40, u'Ä') + u'"';

    // unbatched-update-or-delete: the keyset DO block names the table and
    // walks its key, both as the catalog spells them.
    QTest::newRow("keyset update, mixed case beside its look-alike")
        << QString() << u"UPDATE \"MixedCase\" SET \"a\"\"b\" = -1;"_s
        << u"unbatched-update-or-delete"_s
        << u"SELECT bool_and(\"a\"\"b\" = -1) FROM public.\"MixedCase\""_s;
    QTest::newRow("keyset delete, hostile schema and table")
        << QString() << u"DELETE FROM %1;"_s.arg(orders) << u"unbatched-update-or-delete"_s
        << u"SELECT count(*) = 0 FROM %1"_s.arg(orders);
    QTest::newRow("keyset update, placeholder in the name")
        << QString() << u"UPDATE public.\"Pct%1 \"\"x\"\"\" SET v = -1;"_s
        << u"unbatched-update-or-delete"_s
        << u"SELECT bool_and(v = -1) FROM public.\"Pct%1 \"\"x\"\"\""_s;
    QTest::newRow("keyset update, 70 bytes written, 63 kept")
        << QString() << u"UPDATE %1 SET note = 'z';"_s.arg(longTable)
        << u"unbatched-update-or-delete"_s
        << u"SELECT bool_and(note = 'z') FROM %1"_s.arg(hostile::long63Sql());
    QTest::newRow("keyset backfill, hostile key column")
        << u"CREATE TABLE \"ünï\".\"K;--\" (\"Key\"\"s;--\" bigint PRIMARY KEY, \"ÄÖÜ\" int);"
           "INSERT INTO \"ünï\".\"K;--\" SELECT g FROM generate_series(1, 30) g;"_s
        << u"UPDATE \"ünï\".\"K;--\" SET \"ÄÖÜ\" = 1 WHERE \"ÄÖÜ\" IS NULL;"_s
        << u"unbatched-update-or-delete"_s
        << u"SELECT bool_and(\"ÄÖÜ\" = 1) FROM \"ünï\".\"K;--\""_s;

    QTest::newRow("keyset update, SET inside the table's name")
        << u"CREATE TABLE public.\"U SET v\" (\"Id\" bigint PRIMARY KEY, v int);"
           "INSERT INTO public.\"U SET v\" SELECT g, g FROM generate_series(1, 30) g;"_s
        << u"UPDATE public.\"U SET v\" SET v = 2;"_s << u"unbatched-update-or-delete"_s
        << u"SELECT bool_and(v = 2) FROM public.\"U SET v\""_s;
    QTest::newRow("keyset backfill, WHERE inside a column's name")
        << u"ALTER TABLE public.\"MixedCase\" ADD COLUMN elsewhere int;"_s
        << u"UPDATE \"MixedCase\" SET elsewhere = 1 WHERE elsewhere IS NULL;"_s
        << u"unbatched-update-or-delete"_s
        << u"SELECT bool_and(elsewhere = 1) FROM public.\"MixedCase\""_s;

    // adding-not-nullable-field: CHECK NOT VALID, VALIDATE, SET NOT NULL.
    QTest::newRow("set not null, hostile column")
        << QString() << u"ALTER TABLE %1 ALTER COLUMN \"--c\" SET NOT NULL;"_s.arg(orders)
        << u"adding-not-nullable-field"_s
        << u"SELECT attnotnull FROM pg_attribute WHERE attrelid = to_regclass('%1') AND attname "
           "= '--c'"_s.arg(QString(orders).replace(u'\'', u"''"_s));
    QTest::newRow("set not null, 63 bytes")
        << QString() << u"ALTER TABLE %1 ALTER COLUMN %2 SET NOT NULL;"_s.arg(longTable, longColumn)
        << u"adding-not-nullable-field"_s
        << u"SELECT attnotnull FROM pg_attribute WHERE attrelid = to_regclass('%1') AND attname "
           "= '%2'"_s.arg(hostile::long63Sql(), hostile::longUmlauts());

    // disallowed-unique-constraint: the index CONCURRENTLY, then USING INDEX.
    QTest::newRow("unique, mixed case")
        << QString()
        << u"ALTER TABLE \"MixedCase\" ADD CONSTRAINT \"Uq\"\"x;--\" UNIQUE (\"col;x\");"_s
        << u"disallowed-unique-constraint"_s
        << u"SELECT count(*) = 1 FROM pg_constraint WHERE conrelid = 'public.\"MixedCase\"'"
           "::regclass AND conname = 'Uq\"x;--' AND contype = 'u'"_s;

    // adding-foreign-key-constraint / constraint-missing-not-valid: NOT
    // VALID, then VALIDATE by name.
    QTest::newRow("foreign key, hostile names")
        << QString()
        << u"ALTER TABLE %1 ADD CONSTRAINT \"Fk\"\"--\" FOREIGN KEY (\"col;x\") REFERENCES "
           "public.\"MixedCase\" (\"Id\");"_s.arg(orders)
        << u"adding-foreign-key-constraint"_s
        << u"SELECT convalidated FROM pg_constraint WHERE conname = 'Fk\"--' AND conrelid = "
           "to_regclass('%1')"_s.arg(QString(orders).replace(u'\'', u"''"_s));
    QTest::newRow("check, 63 bytes")
        << QString()
        << u"ALTER TABLE %1 ADD CONSTRAINT \"Chk;--\" CHECK (%2 > 0);"_s.arg(longTable, longColumn)
        << u"constraint-missing-not-valid"_s
        << u"SELECT convalidated FROM pg_constraint WHERE conname = 'Chk;--' AND conrelid = "
           "to_regclass('%1')"_s.arg(hostile::long63Sql());

    // require-concurrent-index-creation / -deletion.
    QTest::newRow("create index, mixed case")
        << QString() << u"CREATE INDEX \"Idx;--\"\"i\" ON \"MixedCase\" (\"ÄÖÜ\");"_s
        << u"require-concurrent-index-creation"_s
        << u"SELECT indisvalid FROM pg_index WHERE indrelid = 'public.\"MixedCase\"'::regclass "
           "AND indexrelid = to_regclass('public.\"Idx;--\"\"i\"')"_s;
    QTest::newRow("drop index, beside a same-named one")
        << u"CREATE INDEX \"Idx\"\"d\" ON %1 (\"a\"\"b\");"
           "CREATE INDEX \"Idx\"\"d\" ON \"sch\"\"ema; --x\".\"Ord\"\"ers;DROP TABLE victim;--\" "
           "(\"a\"\"b\");"_s.arg(orders)
        << u"DROP INDEX \"Sch\"\"ema; --x\".\"Idx\"\"d\";"_s
        << u"require-concurrent-index-deletion"_s
        << u"SELECT to_regclass('\"Sch\"\"ema; --x\".\"Idx\"\"d\"') IS NULL"_s;

    // prefer-robust-stmts: IF NOT EXISTS goes after ADD COLUMN, not into a
    // table name that holds the word ADD (whose look-alike exists).
    QTest::newRow("add column, ADD inside the table's name")
        << u"CREATE TABLE \"Sch\"\"ema; --x\".\"T ADD c\" (\"Id\" int);"
           "CREATE TABLE \"Sch\"\"ema; --x\".\"T ADD IF NOT EXISTS c\" (\"Id\" int);"_s
        << u"ALTER TABLE \"Sch\"\"ema; --x\".\"T ADD c\" ADD COLUMN \"n;--\" int;"_s
        << u"prefer-robust-stmts"_s
        << u"SELECT count(*) = 1 FROM pg_attribute WHERE attname = 'n;--' AND attrelid = "
           "to_regclass('\"Sch\"\"ema; --x\".\"T ADD c\"')"_s;
    QTest::newRow("drop column, DROP inside the table's name")
        << u"CREATE TABLE \"Sch\"\"ema; --x\".\"T DROP c\" (\"Id\" int, \"n;--\" int);"
           "CREATE TABLE \"Sch\"\"ema; --x\".\"T DROP IF EXISTS c\" (\"Id\" int, \"n;--\" int);"_s
        << u"ALTER TABLE \"Sch\"\"ema; --x\".\"T DROP c\" DROP COLUMN \"n;--\";"_s
        << u"prefer-robust-stmts"_s
        << u"SELECT count(*) = 0 FROM pg_attribute WHERE attname = 'n;--' AND NOT attisdropped "
           "AND attrelid = to_regclass('\"Sch\"\"ema; --x\".\"T DROP c\"')"_s;
}

void TestHostileNamesLint::fixRunsOnTheNamedObject()
{
    QFETCH(QString, setup);
    QFETCH(QString, sql);
    QFETCH(QString, rule);
    QFETCH(QString, check);
    const ScratchDatabase db(u"hostilelint"_s);
    QVERIFY2(db.isValid(), qPrintable(db.error()));
    Connection connection;
    QVERIFY(openAndWait(connection, db.connInfo()).isNull());
    QString error;
    QVERIFY2(hostile::run(connection, hostile::baseSql() + setup, &error), qPrintable(error));
    // The look-alikes of the rows' own tables count as sentinels too.
    const QStringList lookAlikes {u"\"Sch\"\"ema; --x\".\"T ADD IF NOT EXISTS c\""_s,
        u"\"Sch\"\"ema; --x\".\"T DROP IF EXISTS c\""_s};
    const auto others = [&] {
        QStringList shapes;
        for (const QString &relation : lookAlikes)
            shapes << hostile::shape(connection, relation);
        return shapes;
    };
    const auto before = hostile::sentinels(connection);
    const QStringList othersBefore = others();

    SchemaFactsLoader loader;
    QSignalSpy loaded(&loader, &SchemaFactsLoader::loaded);
    loader.load(db.connInfo());
    QVERIFY(loaded.wait(30000));
    const SchemaFacts facts = loaded.first().first().value<SchemaFacts>();
    LintOptions options;
    options.serverVersion = facts.serverVersion;
    // Their SET statements would go where the fixes replace the statement.
    options.excludedRules << u"require-lock-timeout"_s << u"require-statement-timeout"_s
                          << u"prefer-robust-stmts"_s;
    if (rule == u"prefer-robust-stmts"_s)
        options.excludedRules.remove(rule);
    const QByteArray bytes = sql.toUtf8();
    const ParsedScript script(bytes);
    const QList<Finding> findings = m_engine.lint(script, options, &facts).findings;
    QList<Finding> ruleFindings;
    QStringList seen;
    for (const Finding &f : findings) {
        seen << f.rule + (f.fix.isEmpty() ? u" (no fix)"_s : QString());
        if (f.rule == rule && !f.fix.isEmpty())
            ruleFindings << f;
    }
    QVERIFY2(!ruleFindings.isEmpty(), qPrintable(u"found: "_s + seen.join(u", "_s)));
    const FixOutcome fixed = FixApplier::apply(bytes, ruleFindings);
    QCOMPARE(fixed.applied, int(ruleFindings.size()));
    const QString text = QString::fromUtf8(fixed.text);
    QVERIFY2(hostile::run(connection, text, &error), qPrintable(error + u"\n"_s + text));
    QVERIFY2(hostile::scalar(connection, check) == u"t"_s,
        qPrintable(hostile::scalar(connection, check) + u"\n"_s + text));
    const QString changed = hostile::sentinelChanges(before, hostile::sentinels(connection));
    QVERIFY2(changed.isEmpty(), qPrintable(changed + u"\n"_s + text));
    QCOMPARE(others(), othersBefore);
}

QTEST_MAIN(TestHostileNamesLint)
#include "tst_hostilenameslint.moc"
