// JsonTreeReader against the reference: every statement of every golden
// lint case (and of the benchmark's shapes, and some awkward literals) is
// parsed by libpg_query twice, as JSON read by JsonTreeReader and as
// protobuf bytes; the tree read from JSON must pack to exactly those bytes.
// Also: broken JSON is refused, not half read.

#include "core/sql/jsontreereader.h"
#include "core/sql/parsedscript.h"
#include "core/sql/treearena.h"

#include <pg_query.h>
#include <pg_query/pg_query.pb-c.h>

#include <QDirIterator>
#include <QFile>
#include <QTest>

#include <cstring>

using namespace tusk::core;

namespace {
int g_referencePath = 0; // statements ParsedScript takes the protobuf way

// Empty when the two agree (or the JSON is one ParsedScript does not read);
// else what differs.
QString compare(const QByteArray &sql)
{
    PgQueryProtobufParseResult reference = pg_query_parse_protobuf(sql.constData());
    PgQueryParseResult json = pg_query_parse(sql.constData());
    QString problem;
    if (reference.error || json.error) {
        if (!reference.error != !json.error)
            problem = QStringLiteral("one path failed, the other not");
    } else if (JsonTreeReader::mayHoldNegativeInteger(json.parse_tree, sql)) {
        ++g_referencePath;
    } else {
        TreeArena arena;
        QString error;
        PgQuery__ParseResult *tree = JsonTreeReader::read(
            json.parse_tree, qsizetype(std::strlen(json.parse_tree)), arena, &error);
        if (!tree) {
            problem = error;
        } else {
            QByteArray packed(qsizetype(pg_query__parse_result__get_packed_size(tree)), '\0');
            pg_query__parse_result__pack(tree, reinterpret_cast<uint8_t *>(packed.data()));
            const QByteArray expected(
                reference.parse_tree.data, qsizetype(reference.parse_tree.len));
            if (packed != expected)
                problem =
                    QStringLiteral("trees differ:\n%1").arg(QString::fromUtf8(json.parse_tree));
        }
    }
    pg_query_free_protobuf_parse_result(reference);
    pg_query_free_parse_result(json);
    return problem;
}
} // namespace

class TestJsonTreeReader : public QObject {
    Q_OBJECT
private slots:
    void matchesTheProtobufTree_data();
    void matchesTheProtobufTree();
    void everyGoldenCase();
    void negativeIntegersTakeTheReferencePath();
    void loneSurrogatesBecomeReplacementCharacters();
    void refusesBrokenJson_data();
    void refusesBrokenJson();
};

void TestJsonTreeReader::matchesTheProtobufTree_data()
{
    QTest::addColumn<QByteArray>("sql");
    QTest::newRow("alter") << QByteArray(
        "ALTER TABLE s.t ADD COLUMN c int DEFAULT 0, ALTER COLUMN d SET NOT NULL");
    QTest::newRow("index") << QByteArray("CREATE INDEX CONCURRENTLY i ON t USING btree (a, "
                                         "(lower(b))) WHERE x > 1.5 AND y = 'q\"\\z\n'");
    QTest::newRow("literals") << QByteArray("select true, false, null, B'101', $1, E'\\u00e9\\t', "
                                            "'\xF0\x9F\x90\x98', 1e10, 9223372036854775807");
    QTest::newRow("enums and options")
        << QByteArray("VACUUM (FULL false, ANALYZE) t; REINDEX (CONCURRENTLY) INDEX i");
    QTest::newRow("function") << QByteArray(
        "CREATE FUNCTION f(a int) RETURNS int LANGUAGE sql AS $$ SELECT a $$");
    QTest::newRow("merge") << QByteArray(
        "MERGE INTO t USING s ON t.id = s.id WHEN MATCHED THEN UPDATE SET a = s.a "
        "WHEN NOT MATCHED THEN INSERT (id, a) VALUES (s.id, s.a)");
    QTest::newRow("typmods") << QByteArray("CREATE TABLE t (a varchar(20), b numeric(10,2)[5], c "
                                           "interval(3), d timestamptz(0))");
    QTest::newRow("zero and negative")
        << QByteArray("ALTER TABLE t ADD COLUMN a int DEFAULT 0, ADD COLUMN b int DEFAULT - 1");
}

void TestJsonTreeReader::matchesTheProtobufTree()
{
    QFETCH(QByteArray, sql);
    const QString problem = compare(sql);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
}

void TestJsonTreeReader::everyGoldenCase()
{
    int statements = 0;
    QDirIterator files(QStringLiteral(TUSK_LINT_CASES), {QStringLiteral("*.sql")}, QDir::Files,
        QDirIterator::Subdirectories);
    while (files.hasNext()) {
        QFile file(files.next());
        QVERIFY(file.open(QIODevice::ReadOnly));
        const ParsedScript script(file.readAll());
        for (const ParsedStatement &s : script.statements()) {
            if (!s.isValid())
                continue;
            const QByteArray sql = script.lexed().masked.mid(s.range.begin, s.range.size());
            const QString problem = compare(sql);
            QVERIFY2(problem.isEmpty(),
                qPrintable(QStringLiteral("%1:%2: %3")
                               .arg(file.fileName())
                               .arg(s.start.line)
                               .arg(problem)));
            ++statements;
        }
    }
    QVERIFY(statements > 300);
    qInfo("%d statements agree, %d of them by the protobuf path", statements, g_referencePath);
}

void TestJsonTreeReader::negativeIntegersTakeTheReferencePath()
{
    // The JSON loses these values; ParsedScript must not read it.
    for (const char *sql : {"select -1", "create table t (a int[])",
             "alter table t alter column c set statistics -1", "select - 7"}) {
        PgQueryParseResult json = pg_query_parse(sql);
        QVERIFY(json.parse_tree);
        QVERIFY2(JsonTreeReader::mayHoldNegativeInteger(json.parse_tree, sql), sql);
        pg_query_free_parse_result(json);
    }
    PgQueryParseResult json = pg_query_parse("select 0, a - 0 from t");
    QVERIFY(!JsonTreeReader::mayHoldNegativeInteger(json.parse_tree, "select 0, a - 0 from t"));
    pg_query_free_parse_result(json);
    // And the whole path gives the right value.
    const ParsedScript script("ALTER TABLE t ALTER COLUMN c SET STATISTICS -1;");
    const PgQuery__Node *def =
        script.statements().first().node->alter_table_stmt->cmds[0]->alter_table_cmd->def;
    QCOMPARE(def->integer->ival, -1);
}

void TestJsonTreeReader::loneSurrogatesBecomeReplacementCharacters()
{
    // A half of a pair is U+FFFD; the escape after it is still read.
    const QByteArray json =
        R"({"stmts":[{"stmt":{"String":{"sval":"\uD800\u0041\uDC00x\uD83D\uDC18"}}}]})";
    TreeArena arena;
    QString error;
    const PgQuery__ParseResult *tree =
        JsonTreeReader::read(json.constData(), json.size(), arena, &error);
    QVERIFY2(tree, qPrintable(error));
    QCOMPARE(QByteArray(tree->stmts[0]->stmt->string->sval),
        QByteArray("\xEF\xBF\xBD"
                   "A"
                   "\xEF\xBF\xBD"
                   "x"
                   "\xF0\x9F\x90\x98"));
}

void TestJsonTreeReader::refusesBrokenJson_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::newRow("empty") << QByteArray("");
    QTest::newRow("cut") << QByteArray(R"({"version":150001,"stmts":[{"stmt":{"SelectStmt":{)");
    QTest::newRow("trailing") << QByteArray(R"({"version":1} x)");
    QTest::newRow("bad enum") << QByteArray(
        R"({"stmts":[{"stmt":{"SelectStmt":{"op":"NO_SUCH_OP"}}}]})");
    QTest::newRow("bad escape") << QByteArray(R"({"stmts":[{"stmt":{"String":{"sval":"\u12"}}}]})");
}

void TestJsonTreeReader::refusesBrokenJson()
{
    QFETCH(QByteArray, json);
    TreeArena arena;
    QString error;
    QVERIFY(!JsonTreeReader::read(json.constData(), json.size(), arena, &error));
    QVERIFY(!error.isEmpty());
}

QTEST_GUILESS_MAIN(TestJsonTreeReader)
#include "tst_jsontreereader.moc"
