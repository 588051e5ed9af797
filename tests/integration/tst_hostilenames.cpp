// Hostile names (issue: reliability, point 9), part one: the quoting helper
// against the server's own quote_ident() and parse_ident(), the catalog
// reading names as the server keeps them (63 bytes, cut at a character),
// and the DDL Tusk writes for hostile objects run in another database:
// it must succeed, recreate exactly the named objects and run nothing a
// name smuggled in (a line break ends a `--` comment).

#include "catalogtesthelpers.h"
#include "testsupport.h"
#include "tst_hostilenamesfixture.h"

#include "core/catalog/catalogsnapshot.h"
#include "core/sql/parsedscript.h"
#include "core/sql/sqlidentifier.h"

#include <QCoreApplication>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace tusk::core;
using namespace tusk::test;

namespace {
const DbRelation *relationIn(
    const CatalogSnapshot &snapshot, const QString &schema, const QString &name)
{
    for (const DbRelation &r : snapshot.relations()) {
        if (r.name == name && snapshot.schemaName(r.schemaOid) == schema)
            return &r;
    }
    return nullptr;
}

QStringList columnsOf(const CatalogSnapshot &snapshot, const DbRelation &relation)
{
    QStringList names;
    for (int i : relation.columns)
        names << snapshot.columns().at(i).name;
    return names;
}

// The first word of each statement of `sql`, upper case.
QStringList statementHeads(const QString &sql)
{
    const QByteArray bytes = sql.toUtf8();
    const ParsedScript script(bytes, 1);
    QStringList heads;
    for (const ParsedStatement &s : script.statements()) {
        const QString text = QString::fromUtf8(bytes.mid(s.range.begin, s.range.size()));
        // Past the comment lines that lead the statement.
        QString code;
        for (const QString &line : text.split(u'\n')) {
            if (!line.trimmed().startsWith(u"--"_s))
                code += line + u'\n';
        }
        heads << code.simplified().section(u' ', 0, 1).toUpper();
    }
    return heads;
}
} // namespace

class TestHostileNames : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void quoting_data();
    void quoting();
    void derivedNamesStayWhole_data();
    void derivedNamesStayWhole();
    void catalogHoldsWhatTheServerKeeps();
    void ddlRecreatesTheNamedObjects_data();
    void ddlRecreatesTheNamedObjects();
    void ddlCommentsHoldLineBreaks();

private:
    Connection m_server;
    QString m_role; // a role of this run, named with a quote, ';' and '--'
};

void TestHostileNames::initTestCase()
{
    QVERIFY2(!clusterConnInfo().isEmpty(), qPrintable(clusterMissingMessage()));
    QVERIFY(openAndWait(m_server, clusterConnInfo()).isNull());
    m_role = u"Rö\"le, x; --"_s + QString::number(QCoreApplication::applicationPid());
    QString error;
    QVERIFY2(hostile::run(m_server, u"CREATE ROLE %1"_s.arg(SqlIdentifier::quote(m_role)), &error),
        qPrintable(error));
}

void TestHostileNames::cleanupTestCase()
{
    QString error;
    hostile::run(m_server, u"DROP ROLE IF EXISTS %1"_s.arg(SqlIdentifier::quote(m_role)), &error);
}

// Hostile names → the quoted identifier, golden; the server's quote_ident()
// must agree, and its parse_ident() must read the spelling back unchanged.
void TestHostileNames::quoting_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("quoted");
    QTest::addColumn<bool>("sameAsServer");
    const auto row = [](const char *tag, const QString &name, const QString &quoted,
                         bool same = true) { QTest::newRow(tag) << name << quoted << same; };
    row("plain", u"orders"_s, u"orders"_s);
    row("digits and underscore", u"_x1"_s, u"_x1"_s);
    row("mixed case", u"MixedCase"_s, u"\"MixedCase\""_s);
    row("double quote", u"a\"b"_s, u"\"a\"\"b\""_s);
    row("only quotes", u"\"\""_s, u"\"\"\"\"\"\""_s);
    row("quote, semicolon, comment", hostile::schema(), u"\"Sch\"\"ema; --x\""_s);
    row("statement inside", hostile::orders(), u"\"Ord\"\"ers;DROP TABLE victim;--\""_s);
    row("leading comment", u"--c"_s, u"\"--c\""_s);
    row("semicolon", u"col;x"_s, u"\"col;x\""_s);
    row("space", u"a b"_s, u"\"a b\""_s);
    row("line break", u"a\nDROP TABLE victim;--"_s, u"\"a\nDROP TABLE victim;--\""_s);
    row("placeholder", hostile::percent(), u"\"Pct%1 \"\"x\"\"\""_s);
    row("digit first", u"1abc"_s, u"\"1abc\""_s);
    row("umlauts", u"ÄÖÜ"_s, u"\"ÄÖÜ\""_s);
    row("lower-case unicode", u"ünï"_s, u"\"ünï\""_s);
    row("emoji", u"t😀"_s, u"\"t😀\""_s);
    row("reserved keyword", u"order"_s, u"\"order\""_s);
    row("reserved keyword user", u"user"_s, u"\"user\""_s);
    row("column-name keyword", u"between"_s, u"\"between\""_s);
    row("type-function keyword", u"left"_s, u"\"left\""_s);
    row("unreserved keyword", u"name"_s, u"name"_s);
    row("63 bytes", hostile::long63(), u'"' + hostile::long63() + u'"');
    row("62 bytes of umlauts", hostile::longUmlauts(), u'"' + hostile::longUmlauts() + u'"');
    row("63 bytes lower case", QString(63, u'z'), QString(63, u'z'));
    // quote_ident() quotes '$'; PostgreSQL reads a$b bare as the same name,
    // so Tusk's bare spelling is correct, only not byte-equal.
    row("dollar", u"a$b"_s, u"a$b"_s, false);
}

void TestHostileNames::quoting()
{
    QFETCH(QString, name);
    QFETCH(QString, quoted);
    QFETCH(bool, sameAsServer);
    QCOMPARE(SqlIdentifier::quote(name), quoted);
    const Reply reply = runAndWait(m_server,
        u"SELECT quote_ident($1), (parse_ident($2))[1] = $1 AND cardinality(parse_ident($2)) = "
        "1, %1 = $1"_s.arg(SqlIdentifier::literal(name)),
        {name, quoted});
    QVERIFY2(reply.error.isNull(), qPrintable(reply.error.toString()));
    const Result &r = reply.results.first();
    if (sameAsServer)
        QCOMPARE(r.text(0, 0), quoted);
    else
        QVERIFY(r.text(0, 0) != quoted);
    QCOMPARE(r.text(0, 1), u"t"_s); // the server reads the spelling back as the name
    QCOMPARE(r.text(0, 2), u"t"_s); // and the literal as the text
    // Qualified: each part on its own, a dot in neither.
    QCOMPARE(SqlIdentifier::qualified(hostile::schema(), name), u"\"Sch\"\"ema; --x\"."_s + quoted);
}

// Names Tusk derives from a user's (a key, an index, a twin column) are cut
// to fit before the suffix, at a character: the server keeps them whole.
void TestHostileNames::derivedNamesStayWhole_data()
{
    QTest::addColumn<QString>("base");
    QTest::addColumn<QString>("suffix");
    QTest::addColumn<QString>("name");
    QTest::newRow("short") << u"Ord\"ers"_s << u"_pkey"_s << u"Ord\"ers_pkey"_s;
    QTest::newRow("63 bytes") << hostile::long63() << u"_pkey"_s
                              << u"Long"_s + QString(54, u'x') + u"_pkey"_s;
    QTest::newRow("umlauts") << hostile::longUmlauts() << u"_new"_s
                             << QString(29, u'Ä') + u"_new"_s;
    QTest::newRow("emoji") << u"t_"_s + u"😀"_s.repeated(15) << u"_idx"_s
                           << u"t_"_s + u"😀"_s.repeated(14) + u"_idx"_s;
}

void TestHostileNames::derivedNamesStayWhole()
{
    QFETCH(QString, base);
    QFETCH(QString, suffix);
    QFETCH(QString, name);
    QCOMPARE(SqlIdentifier::withSuffix(base, suffix), name);
    // The server's name type cuts at 63 bytes: unchanged means kept whole.
    QCOMPARE(hostile::scalar(m_server, u"SELECT $1::name::text = $1"_s, {name}), u"t"_s);
}

// 64 bytes and more are cut by the server (at a character boundary): the
// snapshot holds what the server has, and quoting that reaches the table.
void TestHostileNames::catalogHoldsWhatTheServerKeeps()
{
    const ScratchDatabase db(u"hostilecatalog"_s);
    QVERIFY2(db.isValid(), qPrintable(db.error()));
    Connection connection;
    QVERIFY(openAndWait(connection, db.connInfo()).isNull());
    QString error;
    QVERIFY2(hostile::run(connection, hostile::baseSql(), &error), qPrintable(error));
    QCOMPARE(hostile::scalar(connection,
                 u"SELECT octet_length(relname) FROM pg_class WHERE relkind = 'r' AND relname LIKE "
                 "'Longxxx%'"_s),
        u"63"_s);
    const CatalogSnapshot s = loadSnapshot(connection, {}, &error);
    QVERIFY2(!s.isNull(), qPrintable(error));

    const DbRelation *orders = relationIn(s, hostile::schema(), hostile::orders());
    const DbRelation *lookAlike = relationIn(s, u"sch\"ema; --x"_s, hostile::orders());
    const DbRelation *mixed = relationIn(s, u"public"_s, hostile::mixedCase());
    const DbRelation *lower = relationIn(s, u"public"_s, u"mixedcase"_s);
    const DbRelation *longer = relationIn(s, hostile::unicodeSchema(), hostile::long63());
    const DbRelation *percent = relationIn(s, u"public"_s, hostile::percent());
    QVERIFY(orders && lookAlike && mixed && lower && longer && percent);
    QVERIFY(orders->oid != lookAlike->oid && mixed->oid != lower->oid);
    const QStringList hostileColumns {u"Id"_s, u"a\"b"_s, u"--c"_s, u"col;x"_s, u"ÄÖÜ"_s};
    QCOMPARE(columnsOf(s, *orders), hostileColumns);
    QCOMPARE(columnsOf(s, *mixed), hostileColumns);
    QCOMPARE(columnsOf(s, *longer), (QStringList {u"Id"_s, hostile::longUmlauts(), u"note"_s}));

    // The snapshot's SQL names reach these relations and no other.
    for (const DbRelation *r : {orders, lookAlike, mixed, lower, longer, percent}) {
        const QString sql = s.qualifiedName(*r);
        QCOMPARE(hostile::scalar(connection, u"SELECT to_regclass($1)::oid"_s, {sql}),
            QString::number(r->oid));
        QCOMPARE(s.findRelation(sql), r);
    }
    QCOMPARE(s.qualifiedName(*orders), hostile::ordersSql());
    QCOMPARE(s.qualifiedName(*longer), hostile::long63Sql());
    // A quoted schema does not keep the table's name from folding, as the
    // server folds it: "public".MixedCase is mixedcase.
    QCOMPARE(s.findRelation(u"\"public\".MixedCase"_s), lower);
    QCOMPARE(s.findRelation(u"\"public\".\"MixedCase\""_s), mixed);
}

// Each object's DDL, read from the snapshot, run in a fresh database: it
// succeeds and recreates the object with the same shape, the sentinel
// there survives.
void TestHostileNames::ddlRecreatesTheNamedObjects_data()
{
    QTest::addColumn<QString>("schema");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("sql");
    QTest::newRow("table in a hostile schema")
        << hostile::schema() << hostile::orders() << hostile::ordersSql();
    QTest::newRow("mixed case beside its look-alike")
        << u"public"_s << hostile::mixedCase() << u"public.\"MixedCase\""_s;
    QTest::newRow("63 bytes, unicode")
        << hostile::unicodeSchema() << hostile::long63() << hostile::long63Sql();
    QTest::newRow("placeholder") << u"public"_s << hostile::percent()
                                 << u"public.\"Pct%1 \"\"x\"\"\""_s;
    QTest::newRow("sequence with a placeholder")
        << hostile::unicodeSchema() << u"Seq%3\"x"_s << u"\"ünï\".\"Seq%3\"\"x\""_s;
    QTest::newRow("view") << hostile::schema() << u"V;--\"w"_s
                          << u"\"Sch\"\"ema; --x\".\"V;--\"\"w\""_s;
}

void TestHostileNames::ddlRecreatesTheNamedObjects()
{
    QFETCH(QString, schema);
    QFETCH(QString, name);
    QFETCH(QString, sql);
    const ScratchDatabase from(u"hostileddl"_s);
    const ScratchDatabase to(u"hostileddlto"_s);
    QVERIFY2(from.isValid() && to.isValid(), qPrintable(from.error() + to.error()));
    Connection source;
    Connection target;
    QVERIFY(openAndWait(source, from.connInfo()).isNull());
    QVERIFY(openAndWait(target, to.connInfo()).isNull());
    QString error;
    QVERIFY2(hostile::run(source, hostile::baseSql(), &error), qPrintable(error));
    QVERIFY2(hostile::run(source, uR"(
CREATE INDEX "Idx;--""i" ON "Sch""ema; --x"."Ord""ers;DROP TABLE victim;--" ("a""b", "ÄÖÜ");
CREATE TABLE public.refd ("Id" int PRIMARY KEY);
ALTER TABLE "Sch""ema; --x"."Ord""ers;DROP TABLE victim;--"
    ADD CONSTRAINT "Fk""--" FOREIGN KEY ("col;x") REFERENCES public.refd ("Id") NOT VALID;
ALTER TABLE "Sch""ema; --x"."Ord""ers;DROP TABLE victim;--"
    ADD CONSTRAINT "Chk;x" CHECK ("--c" <> 'it''s; --') NOT VALID;
COMMENT ON TABLE "Sch""ema; --x"."Ord""ers;DROP TABLE victim;--" IS 'it''s; DROP TABLE victim; --';
COMMENT ON COLUMN "Sch""ema; --x"."Ord""ers;DROP TABLE victim;--"."a""b" IS e'a\\b\nDROP TABLE victim;';
CREATE SEQUENCE "ünï"."Seq%3""x" START WITH 7 INCREMENT BY 3;
CREATE VIEW "Sch""ema; --x"."V;--""w" AS SELECT "Id", "a""b" FROM "Sch""ema; --x"."Ord""ers;DROP TABLE victim;--";
)"_s,
                 &error),
        qPrintable(error));
    // Owned by the hostile role, with a policy for it (with PUBLIC among
    // them the server would keep PUBLIC alone).
    const QString role = SqlIdentifier::quote(m_role);
    QVERIFY2(hostile::run(source,
                 u"ALTER TABLE public.\"MixedCase\" OWNER TO %1;"
                 "ALTER TABLE public.\"MixedCase\" ENABLE ROW LEVEL SECURITY;"
                 "CREATE POLICY \"Pol;--\"\"p\" ON public.\"MixedCase\" TO %1 "
                 "USING (\"Id\" > 0);"_s.arg(role),
                 &error),
        qPrintable(error));
    // The target has what the object refers to: schemas, the referenced
    // table; and the sentinel.
    QVERIFY2(hostile::run(target, uR"(
CREATE TABLE victim (id int PRIMARY KEY, v text);
INSERT INTO victim VALUES (1, 'a'), (2, 'b'), (3, 'c');
CREATE SCHEMA "Sch""ema; --x";
CREATE SCHEMA "ünï";
CREATE TABLE public.refd ("Id" int PRIMARY KEY);
)"_s,
                 &error),
        qPrintable(error));
    if (name.startsWith(u"V;"_s)) {
        QVERIFY2(hostile::run(target,
                     u"CREATE TABLE %1 (\"Id\" bigint, \"a\"\"b\" int)"_s.arg(hostile::ordersSql()),
                     &error),
            qPrintable(error));
    }
    const CatalogSnapshot s = loadSnapshot(source, {}, &error);
    QVERIFY2(!s.isNull(), qPrintable(error));
    const DbRelation *relation = relationIn(s, schema, name);
    QVERIFY(relation);
    const DdlAnswer ddl = readDdl(source, s, {CatalogObjectKind::Relation, relation->oid, 0});
    QVERIFY2(ddl.failure.isEmpty(), qPrintable(ddl.failure));
    const auto before = hostile::sentinels(target);
    QVERIFY2(hostile::run(target, ddl.ddl, &error), qPrintable(error + u"\n"_s + ddl.ddl));
    QCOMPARE(hostile::shape(target, sql), hostile::shape(source, sql));
    const QString security =
        u"SELECT pg_get_userbyid(c.relowner) || ' ' || c.relrowsecurity || ' ' || coalesce(("
        "SELECT string_agg(polname || ' ' || polroles::regrole[]::text || ' ' || "
        "pg_get_expr(polqual, polrelid), ';') FROM pg_policy WHERE polrelid = c.oid), '') FROM "
        "pg_class c WHERE c.oid = to_regclass($1)"_s;
    QCOMPARE(hostile::scalar(target, security, {sql}), hostile::scalar(source, security, {sql}));
    const QString changed = hostile::sentinelChanges(before, hostile::sentinels(target));
    QVERIFY2(changed.isEmpty(), qPrintable(changed + u"\n"_s + ddl.ddl));
    if (name.startsWith(u"Seq"_s)) {
        QCOMPARE(hostile::scalar(target, u"SELECT nextval($1)"_s, {sql}), u"7"_s);
    }
}

// A name with a line break, shown in a `--` comment of the DDL (the
// identity sequence names its column): the comment must stay one line,
// so the DDL holds only the statements it means.
void TestHostileNames::ddlCommentsHoldLineBreaks()
{
    const ScratchDatabase db(u"hostileddlcomment"_s);
    QVERIFY2(db.isValid(), qPrintable(db.error()));
    Connection connection;
    QVERIFY(openAndWait(connection, db.connInfo()).isNull());
    QString error;
    QVERIFY2(hostile::run(connection, uR"(
CREATE SCHEMA "Sch""ema; --x";
CREATE TABLE "Sch""ema; --x"."Ident" (
    "Ide
DROP TABLE victim;--" bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, v text);
)"_s,
                 &error),
        qPrintable(error));
    const CatalogSnapshot s = loadSnapshot(connection, {}, &error);
    QVERIFY2(!s.isNull(), qPrintable(error));
    const DbRelation *sequence = nullptr;
    for (const DbRelation &r : s.relations()) {
        if (r.kind == RelationKind::Sequence)
            sequence = &r;
    }
    QVERIFY(sequence);
    const DdlAnswer ddl = readDdl(connection, s, {CatalogObjectKind::Relation, sequence->oid, 0});
    QVERIFY2(ddl.failure.isEmpty(), qPrintable(ddl.failure));
    for (const QString &head : statementHeads(ddl.ddl)) {
        QVERIFY2(head == u"CREATE SEQUENCE"_s || head == u"ALTER SEQUENCE"_s
                || head.startsWith(u"COMMENT"_s),
            qPrintable(u"a statement the DDL does not mean: "_s + head + u"\n"_s + ddl.ddl));
    }
}

QTEST_MAIN(TestHostileNames)
#include "tst_hostilenames.moc"
