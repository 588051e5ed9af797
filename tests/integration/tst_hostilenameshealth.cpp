// Hostile names, part two: the health checks' fixes (core/catalog/*health*)
// for objects named with quotes, semicolons, `--`, line breaks, unicode and
// 63 bytes, each run on the server as the Schema tool offers it: it must
// succeed, change exactly the named object (catalog checks) and leave the
// sentinel and the look-alikes (same names in "sch""ema; --x", mixedcase)
// as they were.

#include "catalogtesthelpers.h"
#include "testsupport.h"
#include "tst_hostilenamesfixture.h"

#include "core/catalog/healthchecker.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace tusk::core;
using namespace tusk::test;

class TestHostileNamesHealth : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void missingForeignKeyIndex();
    void foreignKeyIndexNameCutAtACharacter();
    void notValidConstraint();
    void duplicateIndex();
    void invalidIndex();
    void missingPrimaryKey_data();
    void missingPrimaryKey();
    void sequenceNearItsLimit_data();
    void sequenceNearItsLimit();

private:
    // Runs `setup` on the fixture, reads the snapshot and returns the
    // finding of `check` whose object starts with `objectPrefix`.
    std::optional<HealthFinding> finding(
        const QString &setup, const QString &check, const QString &objectPrefix);
    // Runs `sql`; false with *why when it failed or a sentinel changed.
    bool runFix(const QString &sql, QString *why);
    QString scalar(const QString &sql, const QVariantList &params = {})
    {
        return hostile::scalar(*m_connection, sql, params);
    }

    std::unique_ptr<ScratchDatabase> m_db;
    std::unique_ptr<Connection> m_connection;
    QMap<QString, QString> m_sentinels;
};

void TestHostileNamesHealth::initTestCase()
{
    QVERIFY2(!clusterConnInfo().isEmpty(), qPrintable(clusterMissingMessage()));
}

void TestHostileNamesHealth::init()
{
    m_db = std::make_unique<ScratchDatabase>(u"hostilehealth"_s);
    QVERIFY2(m_db->isValid(), qPrintable(m_db->error()));
    m_connection = std::make_unique<Connection>();
    QVERIFY(openAndWait(*m_connection, m_db->connInfo()).isNull());
    QString error;
    QVERIFY2(hostile::run(*m_connection, hostile::baseSql(), &error), qPrintable(error));
}

void TestHostileNamesHealth::cleanup()
{
    m_connection.reset();
    m_db.reset();
}

std::optional<HealthFinding> TestHostileNamesHealth::finding(
    const QString &setup, const QString &check, const QString &objectPrefix)
{
    QString error;
    if (!hostile::run(*m_connection, setup, &error)) {
        qWarning("setup failed: %s", qPrintable(error));
        return std::nullopt;
    }
    m_sentinels = hostile::sentinels(*m_connection);
    const CatalogSnapshot s = loadSnapshot(*m_connection, {}, &error);
    if (s.isNull()) {
        qWarning("no snapshot: %s", qPrintable(error));
        return std::nullopt;
    }
    QStringList seen;
    for (const HealthFinding &f : HealthChecker::run(s)) {
        if (f.check == check && f.objectName.startsWith(objectPrefix))
            return f;
        if (f.check == check)
            seen << f.objectName;
    }
    qWarning("no %s finding on %s; found on: %s", qPrintable(check), qPrintable(objectPrefix),
        qPrintable(seen.join(u", "_s)));
    return std::nullopt;
}

bool TestHostileNamesHealth::runFix(const QString &sql, QString *why)
{
    if (sql.isEmpty()) {
        *why = u"no SQL"_s;
        return false;
    }
    if (!hostile::run(*m_connection, sql, why)) {
        *why += u"\n"_s + sql;
        return false;
    }
    *why = hostile::sentinelChanges(m_sentinels, hostile::sentinels(*m_connection));
    if (!why->isEmpty())
        *why += u"\n"_s + sql;
    return why->isEmpty();
}

// The index on the hostile table's key column; the rollback drops it.
void TestHostileNamesHealth::missingForeignKeyIndex()
{
    const auto f = finding(uR"(
ALTER TABLE "Sch""ema; --x"."Ord""ers;DROP TABLE victim;--"
    ADD CONSTRAINT "Fk""--" FOREIGN KEY ("col;x") REFERENCES public."MixedCase" ("Id");
)"_s,
        u"missing-fk-index"_s, hostile::ordersSql());
    QVERIFY(f);
    QString why;
    const QString keyIndexes =
        u"SELECT count(*) FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND "
        "a.attnum = i.indkey[0] WHERE i.indrelid = to_regclass($1) AND a.attname = 'col;x' "
        "AND i.indisvalid"_s;
    QCOMPARE(scalar(keyIndexes, {hostile::ordersSql()}), u"0"_s);
    QVERIFY2(runFix(f->fix, &why), qPrintable(why));
    QCOMPARE(scalar(keyIndexes, {hostile::ordersSql()}), u"1"_s);
    QVERIFY2(runFix(f->rollback, &why), qPrintable(why));
    QCOMPARE(scalar(keyIndexes, {hostile::ordersSql()}), u"0"_s);
}

// A name past 63 bytes is cut to fit at a character, never inside one: an
// emoji is two UTF-16 units, and half of one is no character at all.
void TestHostileNamesHealth::foreignKeyIndexNameCutAtACharacter()
{
    const QString column = u"😀"_s.repeated(15);
    const auto f = finding(u"CREATE TABLE \"ünï\".t (\"Id\" bigint PRIMARY KEY, \"%1\" bigint "
                           "REFERENCES public.\"MixedCase\" (\"Id\"));"_s.arg(column),
        u"missing-fk-index"_s, u"\"ünï\".t."_s);
    QVERIFY(f);
    QString why;
    QVERIFY2(runFix(f->fix, &why), qPrintable(why));
    const QString expected = u"t_"_s + u"😀"_s.repeated(14) + u"_idx"_s;
    QCOMPARE(scalar(u"SELECT string_agg(indexrelid::regclass::text, ',') FROM pg_index WHERE "
                    "indrelid = '\"ünï\".t'::regclass AND NOT indisprimary"_s),
        u"\"ünï\".\""_s + expected + u'"');
    QVERIFY2(runFix(f->rollback, &why), qPrintable(why));
}

// VALIDATE of the constraint on the hostile table; the look-alike table's
// constraint of the same name stays NOT VALID.
void TestHostileNamesHealth::notValidConstraint()
{
    const auto f = finding(uR"(
ALTER TABLE "Sch""ema; --x"."Ord""ers;DROP TABLE victim;--"
    ADD CONSTRAINT "Chk""x;--" CHECK ("a""b" > 0) NOT VALID;
ALTER TABLE "sch""ema; --x"."Ord""ers;DROP TABLE victim;--"
    ADD CONSTRAINT "Chk""x;--" CHECK ("a""b" > 0) NOT VALID;
)"_s,
        u"not-valid-constraint"_s, hostile::ordersSql());
    QVERIFY(f);
    QString why;
    QVERIFY2(runFix(f->fix, &why), qPrintable(why));
    const QString validated = u"SELECT convalidated FROM pg_constraint WHERE conrelid = "
                              "to_regclass($1) AND conname = 'Chk\"x;--'"_s;
    QCOMPARE(scalar(validated, {hostile::ordersSql()}), u"t"_s);
    QCOMPARE(
        scalar(validated, {u"\"sch\"\"ema; --x\".\"Ord\"\"ers;DROP TABLE victim;--\""_s}), u"f"_s);
}

// One of two equal indexes dropped, in the hostile schema only: the
// look-alike schema's indexes of the same names stay.
void TestHostileNamesHealth::duplicateIndex()
{
    const auto f = finding(uR"(
CREATE INDEX "Dup""a;--" ON "Sch""ema; --x"."Ord""ers;DROP TABLE victim;--" ("a""b");
CREATE INDEX "Dup""b;--" ON "Sch""ema; --x"."Ord""ers;DROP TABLE victim;--" ("a""b");
CREATE INDEX "Dup""a;--" ON "sch""ema; --x"."Ord""ers;DROP TABLE victim;--" ("a""b");
CREATE INDEX "Dup""b;--" ON "sch""ema; --x"."Ord""ers;DROP TABLE victim;--" ("a""b");
)"_s,
        u"duplicate-index"_s, u"\"Sch\"\"ema; --x\"."_s);
    QVERIFY(f);
    QString why;
    const QString count = u"SELECT count(*) FROM pg_index i JOIN pg_class c ON c.oid = "
                          "i.indexrelid WHERE i.indrelid = to_regclass($1) AND c.relname LIKE "
                          "'Dup\"_;--'"_s;
    // The sentinels include the look-alike table: its indexes count there.
    QVERIFY2(runFix(f->fix, &why), qPrintable(why));
    QCOMPARE(scalar(count, {hostile::ordersSql()}), u"1"_s);
    QVERIFY2(runFix(f->rollback, &why), qPrintable(why));
    QCOMPARE(scalar(count, {hostile::ordersSql()}), u"2"_s);
}

// An index a failed CREATE UNIQUE INDEX CONCURRENTLY left invalid: the fix
// drops it and builds it again, valid, on the same table.
void TestHostileNamesHealth::invalidIndex()
{
    QString error;
    QVERIFY2(hostile::run(*m_connection, uR"(
UPDATE "Sch""ema; --x"."Ord""ers;DROP TABLE victim;--" SET "--c" = 'same' WHERE "Id" <= 2;
)"_s,
                 &error),
        qPrintable(error));
    // Fails on the duplicates and leaves the index behind, invalid.
    QVERIFY(!hostile::run(*m_connection,
        uR"(CREATE UNIQUE INDEX CONCURRENTLY "Bad;""idx" ON "Sch""ema; --x"."Ord""ers;DROP TABLE victim;--" ("--c"))"_s,
        &error));
    const auto f = finding(uR"(
UPDATE "Sch""ema; --x"."Ord""ers;DROP TABLE victim;--" SET "--c" = 'c' || "Id";
)"_s,
        u"invalid-index"_s, u"\"Sch\"\"ema; --x\".\"Bad;\"\"idx\""_s);
    QVERIFY(f);
    QString why;
    QVERIFY2(runFix(f->fix, &why), qPrintable(why));
    QCOMPARE(scalar(u"SELECT indisvalid AND indrelid = to_regclass($1) FROM pg_index WHERE "
                    "indexrelid = to_regclass('\"Sch\"\"ema; --x\".\"Bad;\"\"idx\"')"_s,
                 {hostile::ordersSql()}),
        u"t"_s);
}

// The key on a table without one, built from a unique index or from the
// placeholder column id; at 63 bytes the key's name is cut to fit, so it
// cannot collide with the table's own name.
void TestHostileNamesHealth::missingPrimaryKey_data()
{
    QTest::addColumn<QString>("table");
    QTest::addColumn<QString>("setup");
    const QString hostileTable = u"\"Sch\"\"ema; --x\".\"NoPk;--\"\"t\""_s;
    const QString longTable = u"\"ünï\".\"NoPk"_s + QString(59, u'y') + u'"';
    QTest::newRow("hostile name, placeholder column")
        << hostileTable << u"CREATE TABLE %1 (id bigint NOT NULL, v text);"_s.arg(hostileTable);
    QTest::newRow("63 bytes, placeholder column")
        << longTable << u"CREATE TABLE %1 (id bigint NOT NULL, v text);"_s.arg(longTable);
    QTest::newRow("63 bytes, unique index")
        << longTable
        << u"CREATE TABLE %1 (\"ÄÖÜ\" bigint NOT NULL, v text); CREATE UNIQUE INDEX \"Cand;--\" "
           "ON %1 (\"ÄÖÜ\");"_s.arg(longTable);
}

void TestHostileNamesHealth::missingPrimaryKey()
{
    QFETCH(QString, table);
    QFETCH(QString, setup);
    const auto f = finding(setup, u"no-primary-key"_s, table);
    QVERIFY(f);
    QString why;
    QVERIFY2(runFix(f->fix, &why), qPrintable(why));
    QCOMPARE(scalar(u"SELECT count(*) FROM pg_constraint WHERE conrelid = to_regclass($1) AND "
                    "contype = 'p'"_s,
                 {table}),
        u"1"_s);
}

// The bigint twin of an int column its sequence is about to overflow:
// the fix's steps run (its comments stay comments, whatever the column is
// named), and the twin is added to that table, named to fit in 63 bytes.
void TestHostileNamesHealth::sequenceNearItsLimit_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("twin"); // the bigint column's name as the server keeps it
    QTest::newRow("line break") << u"Id\nDROP TABLE victim;--"_s
                                << u"Id\nDROP TABLE victim;--_bigint"_s;
    QTest::newRow("63 bytes") << QString(63, u'K') << QString(56, u'K') + u"_bigint"_s;
}

void TestHostileNamesHealth::sequenceNearItsLimit()
{
    QFETCH(QString, name);
    QFETCH(QString, twin);
    const QString table = u"\"Sch\"\"ema; --x\".\"Seq;--\"\"t\""_s;
    const QString column = u'"' + name + u'"';
    const QString sequence = u"\"Sch\"\"ema; --x\".\"Seq;--\"\"t_seq\""_s;
    // A bigint sequence feeding an int column: the column is the limit.
    const auto f = finding(u"CREATE SEQUENCE %3;\n"
                           "CREATE TABLE %1 (%2 int PRIMARY KEY DEFAULT nextval('%3'), v text);\n"
                           "ALTER SEQUENCE %3 OWNED BY %1.%2;\n"
                           "INSERT INTO %1 (%2, v) VALUES (1, 'a'), (2, 'b'), (3, 'c');\n"
                           "SELECT setval('%3', 2000000000);"_s.arg(table, column, sequence),
        u"sequence-near-limit"_s, u"\"Sch\"\"ema; --x\".\"Seq;--\"\"t_"_s);
    QVERIFY(f);
    QString why;
    QVERIFY2(runFix(f->fix, &why), qPrintable(why));
    QCOMPARE(scalar(u"SELECT format_type(atttypid, atttypmod) FROM pg_attribute WHERE attrelid = "
                    "to_regclass($1) AND attname = $2"_s,
                 {table, twin}),
        u"bigint"_s);
    QCOMPARE(scalar(u"SELECT count(*) FROM %1 WHERE %2 = \"%3\""_s.arg(
                 table, column, QString(twin).replace(u'"', u"\"\""_s))),
        u"3"_s);
}

QTEST_MAIN(TestHostileNamesHealth)
#include "tst_hostilenameshealth.moc"
