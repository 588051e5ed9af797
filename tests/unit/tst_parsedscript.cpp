// Splitting and parsing scripts on PostgreSQL's own grammar: exact ranges
// and positions, quoting that hides semicolons (dollar quotes, E'' strings,
// nested comments), psql meta-commands and COPY data skipped, one bad
// statement never hiding the rest, and the parallel path for big scripts.

#include "core/sql/parsedscript.h"

#include <pg_query/pg_query.pb-c.h>

#include <QTest>

using namespace tusk::core;

namespace {
QByteArray textOf(const ParsedScript &script, const ParsedStatement &s)
{
    return script.source().bytes().mid(s.range.begin, s.range.size());
}

QList<QByteArray> texts(const ParsedScript &script)
{
    QList<QByteArray> list;
    for (const ParsedStatement &s : script.statements())
        list << textOf(script, s);
    return list;
}
} // namespace

class TestParsedScript : public QObject {
    Q_OBJECT
private slots:
    void splitsWithRangesAndPositions();
    void quotingHidesSemicolons_data();
    void quotingHidesSemicolons();
    void skipsPsqlMetaCommands();
    void skipsCopyData();
    void gFamilyEndsAStatement();
    void psqlVariablesBecomePlaceholders();
    void badStatementDoesNotHideOthers();
    void joinsScannerPiecesOfOneStatement();
    void countsColumnsInCharacters();
    void survivesBrokenInput_data();
    void survivesBrokenInput();
    void parsesBigScriptsInParallel();
};

void TestParsedScript::splitsWithRangesAndPositions()
{
    const ParsedScript script(
        "-- add the index\nCREATE INDEX i ON t (a);\n\n  ALTER TABLE t\n    ADD COLUMN b int;");
    QCOMPARE(script.statements().size(), 2);
    const ParsedStatement &first = script.statements().at(0);
    QCOMPARE(textOf(script, first), QByteArray("CREATE INDEX i ON t (a)"));
    QCOMPARE(first.start, (SourcePosition {2, 1}));
    QCOMPARE(first.end, (SourcePosition {2, 24}));
    QVERIFY(first.isValid());
    QCOMPARE(int(first.node->node_case), int(PG_QUERY__NODE__NODE_INDEX_STMT));
    const ParsedStatement &second = script.statements().at(1);
    QCOMPARE(second.index, 1);
    QCOMPARE(textOf(script, second), QByteArray("ALTER TABLE t\n    ADD COLUMN b int"));
    QCOMPARE(second.start, (SourcePosition {4, 3}));
    QCOMPARE(second.end, (SourcePosition {5, 21}));
    QCOMPARE(int(second.node->node_case), int(PG_QUERY__NODE__NODE_ALTER_TABLE_STMT));
    // The comment the parser drops is kept for suppressions.
    QCOMPARE(script.lexed().comments.size(), 1);
    QCOMPARE(script.lexed().comments.first().range, (ByteRange {0, 16}));
}

void TestParsedScript::quotingHidesSemicolons_data()
{
    QTest::addColumn<QByteArray>("sql");
    QTest::addColumn<int>("statements");
    QTest::newRow("dollar quote") << QByteArray(
        "CREATE FUNCTION f() RETURNS int LANGUAGE plpgsql AS $$ BEGIN PERFORM 1; RETURN 1; "
        "END $$;\nSELECT f();") << 2;
    QTest::newRow("tagged dollar quote with $$ inside")
        << QByteArray("DO $body$ BEGIN RAISE NOTICE '$$;'; END $body$;\nSELECT 1;") << 2;
    QTest::newRow("rule with several actions")
        << QByteArray("CREATE RULE r AS ON INSERT TO t DO ALSO (INSERT INTO a VALUES (1); "
                      "INSERT INTO b VALUES (2));\nSELECT 1;")
        << 2;
    QTest::newRow("nested comment")
        << QByteArray("/* outer /* inner; */ still comment; */ SELECT 1; SELECT 2;") << 2;
    QTest::newRow("E string with escaped quote")
        << QByteArray("SELECT E'it\\'s; fine';\nSELECT 'a''b;c';") << 2;
    QTest::newRow("quoted identifier") << QByteArray("CREATE TABLE \"a;b\" (x int); SELECT 1") << 2;
    QTest::newRow("BEGIN ATOMIC body") << QByteArray(
        "CREATE FUNCTION g() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; "
        "SELECT 2; END;\nSELECT g();") << 2;
}

void TestParsedScript::quotingHidesSemicolons()
{
    QFETCH(QByteArray, sql);
    QFETCH(int, statements);
    const ParsedScript script(sql);
    QCOMPARE(script.statements().size(), statements);
    for (const ParsedStatement &s : script.statements())
        QVERIFY2(s.isValid(), qPrintable(s.syntaxError));
}

void TestParsedScript::skipsPsqlMetaCommands()
{
    const ParsedScript script("\\set ON_ERROR_STOP on\nBEGIN;\n\\echo adding\n"
                              "ALTER TABLE t ADD COLUMN c int; \\gset\n  \\i other.sql\nCOMMIT;\n");
    QCOMPARE(
        texts(script), QList<QByteArray>({"BEGIN", "ALTER TABLE t ADD COLUMN c int", "COMMIT"}));
    for (const ParsedStatement &s : script.statements())
        QVERIFY2(s.isValid(), qPrintable(s.syntaxError));
    QCOMPARE(script.lexed().skipped.size(), 4);
    QCOMPARE(script.lexed().skipped.first().range, (ByteRange {0, 21}));
    // Offsets are unchanged: the masked copy has the original's length.
    QCOMPARE(script.lexed().masked.size(), script.source().size());
}

void TestParsedScript::gFamilyEndsAStatement()
{
    // psql sends the buffer at \gset / \g / \gx / \gexec like at a
    // semicolon; an ordinary meta-command on its own line does not.
    const ParsedScript script("SELECT max(id) AS top FROM orders \\gset\n"
                              "SELECT 1\n\\g out.txt\n"
                              "SELECT format('x') \\gexec\n"
                              "INSERT INTO t VALUES ($1) \\bind 42 \\g\n"
                              "ALTER TABLE t\n\\echo half\nADD COLUMN c int;\n");
    QCOMPARE(texts(script),
        QList<QByteArray>({"SELECT max(id) AS top FROM orders", "SELECT 1", "SELECT format('x')",
            "INSERT INTO t VALUES ($1)", "ALTER TABLE t\n\\echo half\nADD COLUMN c int"}));
    for (const ParsedStatement &s : script.statements())
        QVERIFY2(s.isValid(), qPrintable(s.syntaxError));
}

void TestParsedScript::psqlVariablesBecomePlaceholders()
{
    const QByteArray sql = "CREATE TABLE :schema.items (id bigint);\n"
                           "SET lock_timeout = :'timeout';\n"
                           "ALTER TABLE :\"table\" ADD COLUMN c int;\n"
                           "SELECT a[1:2], b::text, f(x := 1), ':no', $$ :no $$ FROM t;\n";
    const ParsedScript script(sql);
    QCOMPARE(script.statements().size(), 4);
    for (const ParsedStatement &s : script.statements())
        QVERIFY2(s.isValid(), qPrintable(s.syntaxError));
    const QList<ScriptVariable> &variables = script.lexed().variables;
    QCOMPARE(variables.size(), 3);
    QCOMPARE(sql.mid(variables[0].range.begin, variables[0].range.size()), QByteArray(":schema"));
    QCOMPARE(variables[0].kind, ScriptVariable::Kind::Text);
    QCOMPARE(
        sql.mid(variables[1].range.begin, variables[1].range.size()), QByteArray(":'timeout'"));
    QCOMPARE(variables[1].kind, ScriptVariable::Kind::Literal);
    QCOMPARE(variables[2].kind, ScriptVariable::Kind::Identifier);
    // Same length, same offsets: the parser saw placeholders of the right kind.
    const QByteArray &masked = script.lexed().masked;
    QCOMPARE(masked.size(), sql.size());
    QVERIFY(masked.startsWith("CREATE TABLE _schema.items"));
    QVERIFY(masked.contains("SET lock_timeout =  'timeout';"));
    QVERIFY(masked.contains("ALTER TABLE  \"table\" ADD"));
    QVERIFY(masked.contains("a[1:2], b::text, f(x := 1), ':no', $$ :no $$"));
    QCOMPARE(script.statements().at(2).start, (SourcePosition {3, 1}));
}

void TestParsedScript::skipsCopyData()
{
    const QByteArray sql = "COPY t (a, b) FROM stdin;\n1\tone; two\n2\t\\N\n\\.\n"
                           "CREATE INDEX i ON t (a);\n"
                           "\\copy t from stdin\n3\tthree\n\\.\nSELECT 1;";
    const ParsedScript script(sql);
    QCOMPARE(texts(script),
        QList<QByteArray>({"COPY t (a, b) FROM stdin", "CREATE INDEX i ON t (a)", "SELECT 1"}));
    for (const ParsedStatement &s : script.statements())
        QVERIFY2(s.isValid(), qPrintable(s.syntaxError));
    QCOMPARE(script.lexed().skipped.size(), 3);
    QCOMPARE(script.lexed().skipped.at(0).kind, ScriptSkip::Kind::CopyData);
    QCOMPARE(sql.mid(script.lexed().skipped.at(0).range.begin,
                 script.lexed().skipped.at(0).range.size()),
        QByteArray("1\tone; two\n2\t\\N\n\\."));
    QCOMPARE(script.lexed().skipped.at(1).kind, ScriptSkip::Kind::MetaCommand);
    QCOMPARE(script.lexed().skipped.at(2).kind, ScriptSkip::Kind::CopyData);
}

void TestParsedScript::badStatementDoesNotHideOthers()
{
    const ParsedScript script("CREATE INDEX i ON t (a);\nALTER TABLE t ADD COLUMN;\n"
                              "ALTER TABLE t DROP COLUMN b;");
    QCOMPARE(script.statements().size(), 3);
    QVERIFY(script.statements().at(0).isValid());
    const ParsedStatement &bad = script.statements().at(1);
    QVERIFY(!bad.isValid());
    QVERIFY2(bad.syntaxError.contains(QLatin1String("syntax error")), qPrintable(bad.syntaxError));
    // The error points at the ';'-less end of "ADD COLUMN", inside the statement.
    QVERIFY(bad.errorOffset >= bad.range.begin && bad.errorOffset <= bad.range.end);
    QCOMPARE(script.source().position(bad.errorOffset).line, 2);
    QVERIFY(script.statements().at(2).isValid());
}

void TestParsedScript::joinsScannerPiecesOfOneStatement()
{
    // The lexer's split cuts the BEGIN ATOMIC body at its semicolons; the
    // pieces are joined again, next to a statement with a real error.
    const ParsedScript script("SELEC 1;\nCREATE FUNCTION g() RETURNS int LANGUAGE sql BEGIN ATOMIC "
                              "SELECT 1; SELECT 2; END;\nSELECT 3;");
    QCOMPARE(script.statements().size(), 3);
    QVERIFY(!script.statements().at(0).isValid());
    QVERIFY2(
        script.statements().at(1).isValid(), qPrintable(script.statements().at(1).syntaxError));
    QCOMPARE(int(script.statements().at(1).node->node_case),
        int(PG_QUERY__NODE__NODE_CREATE_FUNCTION_STMT));
    QCOMPARE(script.statements().at(2).index, 2);
    QCOMPARE(textOf(script, script.statements().at(2)), QByteArray("SELECT 3"));
}

void TestParsedScript::countsColumnsInCharacters()
{
    const ParsedScript script("SELECT 'größe'; SELECT 2;");
    QCOMPARE(script.statements().size(), 2);
    // 'größe' is 7 characters but 9 bytes: the second statement starts at
    // character 17.
    QCOMPARE(script.statements().at(1).start, (SourcePosition {1, 17}));
    QCOMPARE(script.source().offset({1, 17}), script.statements().at(1).range.begin);
}

void TestParsedScript::survivesBrokenInput_data()
{
    QTest::addColumn<QByteArray>("sql");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("only comments") << QByteArray("-- nothing\n/* here */");
    QTest::newRow("unclosed quote") << QByteArray("SELECT 'abc; SELECT 2;");
    QTest::newRow("unclosed dollar quote") << QByteArray("DO $$ BEGIN");
    QTest::newRow("unclosed comment") << QByteArray("SELECT 1; /* open");
    QTest::newRow("lone backslash") << QByteArray("\\");
    QTest::newRow("copy without end") << QByteArray("COPY t FROM STDIN;\n1\n2");
    QTest::newRow("binary") << QByteArray("\x01\xff\xfe;\x80;", 6);
    QTest::newRow("semicolons") << QByteArray(";;;;");
}

void TestParsedScript::survivesBrokenInput()
{
    QFETCH(QByteArray, sql);
    const ParsedScript script(sql);
    for (const ParsedStatement &s : script.statements()) {
        QVERIFY(s.range.begin >= 0 && s.range.end <= sql.size() && s.range.begin < s.range.end);
        QVERIFY(s.isValid() || !s.syntaxError.isEmpty());
    }
}

void TestParsedScript::parsesBigScriptsInParallel()
{
    QByteArray sql;
    for (int i = 0; i < 3000; ++i)
        sql += "ALTER TABLE t" + QByteArray::number(i % 7) + " ADD COLUMN c" + QByteArray::number(i)
            + " int;\n";
    sql += "ALTER TABLE oops ADD;\n"; // one bad statement among many
    const ParsedScript script(sql);
    QCOMPARE(script.statements().size(), 3001);
    for (int i = 0; i < 3000; ++i) {
        const ParsedStatement &s = script.statements().at(i);
        QCOMPARE(s.index, i);
        QCOMPARE(s.start.line, i + 1);
        QVERIFY(s.isValid());
        QCOMPARE(int(s.node->node_case), int(PG_QUERY__NODE__NODE_ALTER_TABLE_STMT));
    }
    QVERIFY(!script.statements().last().isValid());
}

QTEST_GUILESS_MAIN(TestParsedScript)
#include "tst_parsedscript.moc"
