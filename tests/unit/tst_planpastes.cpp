// Plans as users paste them (tests/data/plans/pastes: a psql prompt and the
// command, the query and a comment above, terminal and psql wrapping at 40,
// 60 and 80 columns, tabs, grid quoting, several plans, notes, statements,
// and what other tools do to every line: "--" comments, quotes, DBeaver's
// border, HTML escaping, a root cut into pieces, pre-9.1 labels),
// each pinned whole in <file>.expected: how many plans, each one's node
// count, tree and warnings, or the error with its line and column. And the
// text and the JSON of one query give the same tree, for every fixture in
// tests/data/plans, pinned in trees/<name>.tree. TUSK_UPDATE_GOLDEN=1
// rewrites the references.

#include "goldenfile.h"

#include "core/plan/planreader.h"
#include "core/plan/psqloutput.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using namespace tusk::core;
using tusk::test::GoldenFile;

namespace {
const QString dataDir = QStringLiteral(TUSK_PLAN_DATA);

QByteArray readBytes(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(path));
    return f.readAll();
}

// One line per node, indented by depth: what must not change between the
// formats of one query; `detailed` adds the estimates and actual rows, and
// any line the reader kept unread, to pin a paste's outcome.
QString tree(const Plan &plan, bool detailed = false)
{
    QString out;
    for (const PlanNode &n : plan.nodes) {
        QString line = QString(2 * n.depth, QLatin1Char(' ')) + n.nodeType;
        if (!n.joinType.isEmpty())
            line += QStringLiteral(" (%1 join)").arg(n.joinType);
        if (!n.operation.isEmpty())
            line += QStringLiteral(" (%1)").arg(n.operation);
        if (!n.strategy.isEmpty())
            line += QStringLiteral(" [%1]").arg(n.strategy);
        if (n.scanDirection == QLatin1String("Backward"))
            line += QStringLiteral(" backward");
        if (!n.index.isEmpty())
            line += QStringLiteral(" using %1").arg(n.index);
        if (!n.relation.isEmpty())
            line += QStringLiteral(" on %1").arg(n.relation);
        if (!n.cteName.isEmpty())
            line += QStringLiteral(" cte %1").arg(n.cteName);
        if (!n.subplanName.isEmpty())
            line += QStringLiteral(" <%1>").arg(n.subplanName);
        if (detailed && n.hasCosts)
            line += QStringLiteral("  cost=%1 rows=%2").arg(n.totalCost, 0, 'f', 2).arg(n.planRows);
        if (detailed && n.hasActual)
            line += QStringLiteral(" actual=%1x%2").arg(n.actualRows).arg(n.actualLoops);
        out += line + QLatin1Char('\n');
        if (detailed && !n.filter.isEmpty())
            out += QString(2 * n.depth + 2, QLatin1Char(' '))
                + QStringLiteral("filter: %1\n").arg(n.filter);
        const QJsonArray unread = n.fields().value(QStringLiteral("Text Lines")).toArray();
        for (const QJsonValue &text : unread)
            out += QStringLiteral("unread: %1\n").arg(text.toString());
    }
    if (detailed && plan.executionMs >= 0)
        out += QStringLiteral("execution: %1 ms\n").arg(plan.executionMs);
    return out;
}

QString outcome(const QList<PlanReader::Result> &results)
{
    QString out = QStringLiteral("plans: %1\n").arg(results.size());
    for (const PlanReader::Result &r : results) {
        out += QStringLiteral("== plan %1 of %2\n").arg(r.index + 1).arg(r.count);
        for (const QString &w : r.warnings)
            out += QStringLiteral("warning: %1\n").arg(w);
        if (!r.ok()) {
            out += QStringLiteral("error: %1\n").arg(r.error.toString());
            continue;
        }
        out += QStringLiteral("format: %1, nodes: %2\n")
                   .arg(planFormatName(r.plan.format))
                   .arg(r.plan.nodes.size());
        out += tree(r.plan, true);
    }
    return out;
}

QStringList fixtureNames()
{
    QStringList names;
    for (const QString &f :
        QDir(dataDir + QStringLiteral("/queries")).entryList({QStringLiteral("*.sql")}))
        names << f.chopped(4);
    return names;
}
} // namespace

class TestPlanPastes : public QObject {
    Q_OBJECT
private slots:
    void pastes_data();
    void pastes();
    void textAndJsonGiveTheSameTree_data();
    void textAndJsonGiveTheSameTree();
    void errorsPointIntoThePaste();
    void fileAndPasteAgree();
    void joinedLinesKeepPositions();
    void markupKeepsPositions();
    void newerFieldsAreRead();
    void everyFormatInOnePaste();
    void textNamesAreJsonNames_data();
    void textNamesAreJsonNames();
};

void TestPlanPastes::pastes_data()
{
    QTest::addColumn<QString>("file");
    const QDir dir(dataDir + QStringLiteral("/pastes"));
    const QStringList files = dir.entryList(QDir::Files, QDir::Name);
    for (const QString &f : files)
        if (!f.endsWith(QLatin1String(".expected")))
            QTest::newRow(qPrintable(f)) << dir.filePath(f);
    QVERIFY(files.size() >= 20);
}

void TestPlanPastes::pastes()
{
    QFETCH(QString, file);
    const QList<PlanReader::Result> results =
        PlanReader::readAll(QString::fromUtf8(readBytes(file)));
    const QString failure =
        GoldenFile::compare(file.section(QLatin1Char('.'), 0, -2) + QStringLiteral(".expected"),
            outcome(results).toUtf8());
    if (!failure.isEmpty())
        QFAIL(qPrintable(failure));
}

void TestPlanPastes::textAndJsonGiveTheSameTree_data()
{
    QTest::addColumn<QString>("name");
    for (const QString &name : fixtureNames())
        QTest::newRow(qPrintable(name)) << name;
}

void TestPlanPastes::textAndJsonGiveTheSameTree()
{
    QFETCH(QString, name);
    const QString base = dataDir + QLatin1Char('/') + name;
    const PlanReader::Result text = PlanReader::read(readBytes(base + QStringLiteral(".txt")));
    QVERIFY2(text.ok(), qPrintable(text.error.toString()));
    QVERIFY(text.warnings.isEmpty());
    const QString expected = tree(text.plan);
    // The JSON of the same execution, EXPLAIN's own JSON as psql printed
    // it, and the other formats.
    for (const QString &suffix : {QStringLiteral(".txt.json"), QStringLiteral(".json"),
             QStringLiteral(".yaml"), QStringLiteral(".xml")}) {
        const PlanReader::Result other = PlanReader::read(readBytes(base + suffix));
        QVERIFY2(other.ok(), qPrintable(suffix + QLatin1Char(' ') + other.error.toString()));
        QVERIFY2(other.warnings.isEmpty(), qPrintable(other.warnings.join(u'\n')));
        QCOMPARE(other.plan.nodes.size(), text.plan.nodes.size());
        QCOMPARE(tree(other.plan), expected);
    }
    const QString failure = GoldenFile::compare(
        dataDir + QStringLiteral("/trees/") + name + QStringLiteral(".tree"), expected.toUtf8());
    if (!failure.isEmpty())
        QFAIL(qPrintable(failure));
}

void TestPlanPastes::errorsPointIntoThePaste()
{
    // A broken plan after a prompt and two blank lines: the line and column
    // are the paste's, not the plan's.
    const QString text = QStringLiteral("mydb=# explain select 1;\n\n\n"
                                        "Limit  (cost=0.29..1.02 rows=10 width=8)\n"
                                        "\t->  Index Scan using t_pkey on t  (cost=0.29..3\n");
    const PlanReader::Result r = PlanReader::read(text);
    QVERIFY(!r.ok());
    QCOMPARE(r.error.line, 5);
    QCOMPARE(r.error.column, 36); // at "(cost=", the tab counted as one character
}

void TestPlanPastes::joinedLinesKeepPositions()
{
    // A terminal broke the first line inside "(cost=…)"; a grid quoted the
    // second and doubled its quotes.
    const PsqlOutput out = PsqlOutput::unwrap(
        QStringLiteral("Limit  (cost=0.29..1.02 rows=10\nwidth=8)\n  ->  Seq Scan on \t\"\"t\"\""));
    QCOMPARE(out.lines().size(), 2);
    QCOMPARE(out.lines().at(0), QStringLiteral("Limit  (cost=0.29..1.02 rows=10 width=8)"));
    QCOMPARE(out.joinedLines(), 1);
    const int width = int(out.lines().at(0).indexOf(QLatin1String("width")));
    QCOMPARE(out.originalLine(0, width), 2);
    QCOMPARE(out.originalColumn(0, width), 1);
    QCOMPARE(out.originalLine(0, 7), 1);
    QCOMPARE(out.originalColumn(0, 7), 8);

    const PsqlOutput cell = PsqlOutput::unwrap(QStringLiteral("\"[{\n\"\"Plan\"\": 1}]\""));
    QCOMPARE(cell.text(), QStringLiteral("[{\n\"Plan\": 1}]"));
    // The closing quote of "Plan" is the fifth character of the second line
    // as pasted, after the doubled opening quote.
    const int close = int(cell.lines().at(1).indexOf(QLatin1Char('"'), 1));
    QCOMPARE(cell.originalLine(1, close), 2);
    QCOMPARE(cell.originalColumn(1, close), 8);
}

void TestPlanPastes::markupKeepsPositions()
{
    // What was taken away around or inside the lines ("-- ", "-&gt;")
    // still counts in the column of an error: the paste's, as pasted.
    const PlanReader::Result commented =
        PlanReader::read(QStringLiteral("-- Limit  (cost=0.29..1.02 rows=10 width=8)\n"
                                        "--   ->  Seq Scan on t  (cost=0.29..3\n"));
    QVERIFY(!commented.ok());
    QCOMPARE(commented.error.line, 2);
    QCOMPARE(commented.error.column, 25);

    const PlanReader::Result escaped =
        PlanReader::read(QStringLiteral("Limit  (cost=0.29..1.02 rows=10 width=8)\n"
                                        "  -&gt;  Seq Scan on t  (cost=0.29..3\n"));
    QVERIFY(!escaped.ok());
    QCOMPARE(escaped.error.line, 2);
    QCOMPARE(escaped.error.column, 25);

    const PsqlOutput csv =
        PsqlOutput::unwrap(QStringLiteral("Seq Scan on t  (cost=0.00..1.00 rows=1 width=4)\n"
                                          "\"  Filter: (\"\"A\"\" = 1)\""));
    QCOMPARE(csv.lines().at(1), QStringLiteral("  Filter: (\"A\" = 1)"));
    QCOMPARE(csv.originalColumn(1, int(csv.lines().at(1).indexOf(QLatin1Char('=')))), 19);
}

void TestPlanPastes::fileAndPasteAgree()
{
    // `tusk plan` reads bytes, the Plan tool text: the same plans either way.
    const QDir dir(dataDir + QStringLiteral("/pastes"));
    for (const QString &f : dir.entryList(QDir::Files)) {
        if (f.endsWith(QLatin1String(".expected")))
            continue;
        const QByteArray bytes = readBytes(dir.filePath(f));
        const QList<PlanReader::Result> a = PlanReader::readAll(bytes);
        const QList<PlanReader::Result> b = PlanReader::readAll(QString::fromUtf8(bytes));
        QCOMPARE(outcome(a), outcome(b));
        const PlanReader::Result first = PlanReader::read(bytes);
        QCOMPARE(first.ok(), a.front().ok());
        QCOMPARE(first.plan.nodes.size(), a.front().plan.nodes.size());
    }
}

void TestPlanPastes::newerFieldsAreRead()
{
    // Text: per-worker JIT, planning memory, serialization with its buffers,
    // PostgreSQL 17's "(Deform …)" inside the JIT timing.
    const PlanReader::Result text =
        PlanReader::read(readBytes(dataDir + QStringLiteral("/pastes/jit-io-odd-places.txt")));
    QVERIFY2(text.ok(), qPrintable(text.error.toString()));
    const PlanNode &scan = text.plan.nodes.at(1);
    QCOMPARE(scan.workers.size(), 2);
    const QJsonObject jit = scan.workers.at(0).fields().value(QStringLiteral("JIT")).toObject();
    QCOMPARE(jit.value(QStringLiteral("Functions")).toInt(), 2);
    const QJsonObject timing = jit.value(QStringLiteral("Timing")).toObject();
    QCOMPARE(timing.value(QStringLiteral("Deform")).toDouble(), 0.12);
    QCOMPARE(timing.value(QStringLiteral("Total")).toDouble(), 3.61);
    QCOMPARE(scan.workers.at(0).buffers[PlanBuffers::SharedRead], 35100.0);
    const QJsonObject planning = text.plan.summary.value(QStringLiteral("Planning")).toObject();
    QCOMPARE(planning.value(QStringLiteral("Memory Used")).toInt(), 21);
    QCOMPARE(planning.value(QStringLiteral("Memory Allocated")).toInt(), 32);
    QCOMPARE(text.plan.planningBuffers[PlanBuffers::SharedHit], 12.0);
    const QJsonObject serialization =
        text.plan.summary.value(QStringLiteral("Serialization")).toObject();
    QCOMPARE(serialization.value(QStringLiteral("Time")).toDouble(), 0.004);
    QCOMPARE(serialization.value(QStringLiteral("Format")).toString(), QStringLiteral("text"));
    QCOMPARE(serialization.value(QStringLiteral("Shared Hit Blocks")).toInt(), 1);
    QCOMPARE(text.plan.jitMs(), 10.84);

    // JSON: Index Searches and a key no server prints yet are kept as they
    // came, for the details pane.
    const PlanReader::Result json =
        PlanReader::read(readBytes(dataDir + QStringLiteral("/pastes/index-searches-pg17.json")));
    QVERIFY2(json.ok(), qPrintable(json.error.toString()));
    const QJsonObject fields = json.plan.root().fields();
    QCOMPARE(fields.value(QStringLiteral("Index Searches")).toInt(), 4);
    QVERIFY(fields.value(QStringLiteral("Some Future Key")).isObject());
    QCOMPARE(json.plan.summary.value(QStringLiteral("Serialization"))
                 .toObject()
                 .value(QStringLiteral("Output Volume"))
                 .toInt(),
        1);
    QCOMPARE(json.plan.summary.value(QStringLiteral("Planning"))
                 .toObject()
                 .value(QStringLiteral("Memory Used"))
                 .toInt(),
        21);
}

// A session's worth of output: the same query's plan in each format, each
// after its prompt, gives as many plans with one tree.
void TestPlanPastes::everyFormatInOnePaste()
{
    for (const QString &name : fixtureNames()) {
        const QString base = dataDir + QLatin1Char('/') + name;
        QString session;
        const QStringList suffixes {QStringLiteral(".txt"), QStringLiteral(".json"),
            QStringLiteral(".yaml"), QStringLiteral(".xml"), QStringLiteral(".txt")};
        QString bare; // the same without prompts: a blank line between plans
        for (const QString &suffix : suffixes) {
            const QString plan = QString::fromUtf8(readBytes(base + suffix));
            session += QStringLiteral("tusk_demo=# explain (format %1) …;\n").arg(suffix.mid(1))
                + plan + QStringLiteral("\n");
            bare += plan + QStringLiteral("\n");
        }
        for (const QString &text : {session, bare}) {
            const QList<PlanReader::Result> results = PlanReader::readAll(text);
            QCOMPARE(results.size(), suffixes.size());
            const QString expected = tree(results.front().plan);
            for (const PlanReader::Result &r : results) {
                QVERIFY2(r.ok(), qPrintable(name + QLatin1Char(' ') + r.error.toString()));
                QCOMPARE(tree(r.plan), expected);
            }
        }
    }
}

// Node labels of the text format the fixtures do not show, each with the
// fields EXPLAIN (FORMAT JSON) gives the same node ("tree" line).
void TestPlanPastes::textNamesAreJsonNames_data()
{
    QTest::addColumn<QString>("label");
    QTest::addColumn<QString>("expected");
    const QList<std::pair<const char *, const char *>> rows {
        {"Merge on t t_1", "ModifyTable (Merge) on t"},
        {"Insert on t", "ModifyTable (Insert) on t"},
        {"Nested Loop Left Join", "Nested Loop (Left join)"},
        {"Nested Loop Semi Join", "Nested Loop (Semi join)"},
        {"Hash Right Anti Join", "Hash Join (Right Anti join)"},
        {"Hash Right Semi Join", "Hash Join (Right Semi join)"},
        {"Merge Full Join", "Merge Join (Full join)"},
        {"Parallel Index Only Scan Backward using i on s.t x",
            "Index Only Scan backward using i on t"},
        {"Finalize GroupAggregate", "Aggregate [Sorted]"},
        {"Partial HashAggregate", "Aggregate [Hashed]"},
        {"MixedAggregate", "Aggregate [Mixed]"},
        {"HashSetOp Except All", "SetOp [Hashed]"},
        {"Foreign Update on ft", "Foreign Scan (Update) on ft"},
        {"Async Foreign Scan on ft", "Foreign Scan (Select) on ft"},
        {"Custom Scan (ChunkAppend) on m", "Custom Scan on m"},
        {"Tid Range Scan on t", "Tid Range Scan on t"},
        {"Incremental Sort", "Incremental Sort"},
        {"WorkTable Scan on r", "WorkTable Scan cte r"},
        {"Bitmap Index Scan on idx", "Bitmap Index Scan using idx"},
        // Before 9.1 a scan's target came without "on".
        {"Subquery Scan recent", "Subquery Scan"},
        {"Seq Scan public.visits v", "Seq Scan on visits"},
    };
    for (const auto &[label, expected] : rows)
        QTest::newRow(label) << QString::fromUtf8(label) << QString::fromUtf8(expected);
}

void TestPlanPastes::textNamesAreJsonNames()
{
    QFETCH(QString, label);
    QFETCH(QString, expected);
    const PlanReader::Result r =
        PlanReader::read(label + QStringLiteral("  (cost=0.00..1.00 rows=1 width=4)"));
    QVERIFY2(r.ok(), qPrintable(r.error.toString()));
    QCOMPARE(tree(r.plan), expected + QLatin1Char('\n'));
}

QTEST_GUILESS_MAIN(TestPlanPastes)
#include "tst_planpastes.moc"
