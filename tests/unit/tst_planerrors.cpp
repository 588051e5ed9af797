// Bad input gives a message with the line and column where reading stopped,
// in the text as the user gave it; and two plans of one query compare.

#include "core/plan/plancomparison.h"
#include "core/plan/planinsight.h"
#include "core/plan/planreader.h"

#include <QDir>
#include <QFile>
#include <QTest>

using namespace tusk::core;

namespace {
const QString dataDir = QStringLiteral(TUSK_PLAN_DATA);

QString readFile(const QString &name)
{
    QFile f(dataDir + QLatin1Char('/') + name);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(name));
    return QString::fromUtf8(f.readAll());
}

PlanParseError errorOf(const QString &text)
{
    const PlanReader::Result r = PlanReader::read(text);
    if (r.ok())
        qWarning("no error for: %s", qPrintable(text.left(80)));
    return r.error;
}

// Keeps the first `lines` lines.
QString head(const QString &text, int lines)
{
    return text.split(QLatin1Char('\n')).mid(0, lines).join(QLatin1Char('\n'));
}
} // namespace

class TestPlanErrors : public QObject {
    Q_OBJECT
private slots:
    void emptyAndGarbage();
    void truncatedJson();
    void truncatedPsqlJsonPointsIntoTheTable();
    void malformedTextNode();
    void truncatedYamlAndXml();
    void notAPlan();
    void everyPrefixIsSafe();
    void whatTheFuzzerFoundReadsCleanly();
    void comparesTwoPlansOfOneQuery();
    void comparingAPlanWithItselfChangesNothing();
    void aNodeInsertedAboveIsAnAddition();
};

void TestPlanErrors::emptyAndGarbage()
{
    QVERIFY(errorOf(QString()).isError());
    QVERIFY(errorOf(QStringLiteral("  \n\n")).isError());
    const PlanParseError e = errorOf(QStringLiteral("hello world\nthis is no plan"));
    QVERIFY(e.message.contains(QLatin1String("not a plan node")));
    QCOMPARE(e.line, 1);
    QVERIFY(errorOf(QStringLiteral(" QUERY PLAN \n------------\n(0 rows)\n")).isError());
}

void TestPlanErrors::truncatedJson()
{
    const QString json = readFile(QStringLiteral("spills.txt.json"));
    const QString cut = head(json, 40);
    const PlanParseError e = errorOf(cut);
    QVERIFY(e.isError());
    QCOMPARE(e.line, 40); // reading stopped at the end of what is there
    QVERIFY(e.column > 0);
    QVERIFY(e.toString().startsWith(QLatin1String("line 40, column")));
}

void TestPlanErrors::truncatedPsqlJsonPointsIntoTheTable()
{
    // psql's table: header, rule, then " [ … +" lines. A broken value on
    // table line 12 is reported there, border and margin counted.
    QStringList lines = readFile(QStringLiteral("spills.json")).split(QLatin1Char('\n'));
    const int broken = 11; // 0-based: the 12th line of the file
    const qsizetype colon = lines[broken].indexOf(QLatin1String(": "));
    QVERIFY(colon > 0);
    lines[broken][colon + 2] = QLatin1Char('@');
    const PlanParseError e = errorOf(lines.join(QLatin1Char('\n')));
    QCOMPARE(e.line, broken + 1);
    QCOMPARE(e.column, int(colon) + 3);
}

void TestPlanErrors::malformedTextNode()
{
    const QString text = QStringLiteral("Limit  (cost=0.29..1.02 rows=10 width=8)\n"
                                        "  ->  Index Scan using t_pkey on t  (cost=0.29..3");
    const PlanParseError e = errorOf(text);
    QCOMPARE(e.line, 2);
    QCOMPARE(e.column, 37); // at "(cost="
    QVERIFY(e.message.contains(QLatin1String("cost")));
    // A line under an InitPlan label must be its plan.
    const PlanParseError label = errorOf(QStringLiteral("Result  (cost=0.01..0.02 rows=1 width=4)\n"
                                                        "  InitPlan 1 (returns $0)\n"
                                                        "    Filter: (a = 1)\n"));
    QCOMPARE(label.line, 3);
}

void TestPlanErrors::truncatedYamlAndXml()
{
    QString yaml = head(readFile(QStringLiteral("spills.yaml")), 20);
    yaml += QStringLiteral("\n    Filter: \"(a = 1");
    const PlanParseError y = errorOf(yaml);
    QVERIFY(y.message.contains(QLatin1String("unterminated")));
    QCOMPARE(y.line, 21);

    const PlanParseError x = errorOf(head(readFile(QStringLiteral("spills.xml")), 30));
    QVERIFY(x.isError());
    QVERIFY(x.line >= 30);
}

void TestPlanErrors::notAPlan()
{
    QVERIFY(errorOf(QStringLiteral("{\"a\": 1}")).message.contains(QLatin1String("Plan")));
    QVERIFY(errorOf(QStringLiteral("[]")).isError());
    QVERIFY(errorOf(QStringLiteral("<html><body>no</body></html>")).isError());
}

void TestPlanErrors::everyPrefixIsSafe()
{
    // Cut anywhere, each format reads or fails cleanly.
    for (const char *name : {"cte_two_scans.txt", "cte_two_scans.txt.json", "cte_two_scans.yaml",
             "cte_two_scans.xml", "styles/cte_two_scans.wrapped-border-2-unicode.txt",
             "pastes/terminal-40.txt", "pastes/two-plans.txt", "pastes/grid-quoted-json.txt",
             "pastes/tabs.txt", "pastes/prompt-json.txt"}) {
        const QString text = readFile(QString::fromLatin1(name));
        for (qsizetype n = 0; n < text.size(); n += 7) {
            const PlanReader::Result r = PlanReader::read(text.left(n));
            QVERIFY(r.ok() != r.error.isError());
            if (!r.ok())
                QVERIFY(!r.error.message.isEmpty());
            // Where reading stopped is inside the text.
            QVERIFY(r.error.line <= text.left(n).count(QLatin1Char('\n')) + 1);
        }
    }
}

// Inputs on which fuzz_plan once crashed (tests/data/plans/crashes/; a
// mangled paste whose first node is an InitPlan overran the node list in
// PlanMetrics): each reads or fails cleanly, insights and all.
void TestPlanErrors::whatTheFuzzerFoundReadsCleanly()
{
    const QDir dir(dataDir + QStringLiteral("/crashes"));
    const QStringList names = dir.entryList(QDir::Files);
    QVERIFY(!names.isEmpty());
    for (const QString &name : names) {
        const PlanReader::Result r = PlanReader::read(readFile(QStringLiteral("crashes/") + name));
        QVERIFY2(r.ok() != r.error.isError(), qPrintable(name));
        if (r.ok())
            PlanInsights::find(r.plan);
    }
}

void TestPlanErrors::comparesTwoPlansOfOneQuery()
{
    const Plan before = PlanReader::read(readFile(QStringLiteral("compare_before.txt"))).plan;
    const Plan after = PlanReader::read(readFile(QStringLiteral("compare_after.txt"))).plan;
    const PlanComparison c(before, after);
    QCOMPARE(c.pairs().size(), 5);
    QCOMPARE(c.changedCount(), 1);
    QCOMPARE(c.addedCount(), 0);
    QCOMPARE(c.removedCount(), 0);
    const PlanComparison::Pair &changed = c.pairs().at(c.pairOfBefore(2));
    QCOMPARE(before.nodes.at(changed.before).nodeType, QStringLiteral("Seq Scan"));
    QCOMPARE(after.nodes.at(changed.after).nodeType, QStringLiteral("Index Only Scan"));
    QVERIFY(changed.typeChanged);
    // The customers side is the same node in both.
    QCOMPARE(c.pairs().at(c.pairOfBefore(4)).after, 4);
    QVERIFY(!c.pairs().at(c.pairOfBefore(4)).typeChanged);

    // A plan with a node more: the extra one is "added".
    const Plan join = PlanReader::read(readFile(QStringLiteral("join_aggregate.txt"))).plan;
    const PlanComparison d(before, join);
    QVERIFY(d.addedCount() + d.removedCount() > 0);
}

void TestPlanErrors::comparingAPlanWithItselfChangesNothing()
{
    const Plan p = PlanReader::read(readFile(QStringLiteral("slow_report.txt"))).plan;
    const PlanComparison c(p, p);
    QCOMPARE(c.pairs().size(), p.nodes.size());
    QCOMPARE(c.changedCount(), 0);
    for (const PlanComparison::Pair &pair : c.pairs())
        QCOMPARE(pair.before, pair.after);
}

void TestPlanErrors::aNodeInsertedAboveIsAnAddition()
{
    // Dropping the index: a Gather Merge comes above the same Sort, and the
    // orders scan changes kind. Estimates only, so compared by cost.
    const Plan before =
        PlanReader::read(readFile(QStringLiteral("../../cli/input/plan-estimate-index-kept.txt")))
            .plan;
    const Plan after = PlanReader::read(
        readFile(QStringLiteral("../../cli/input/plan-estimate-index-dropped.txt")))
                           .plan;
    const PlanComparison c(before, after);
    QVERIFY(c.byCost());
    QCOMPARE(c.totalOf(after), 8535.49);
    QCOMPARE(c.addedCount(), 1);
    QCOMPARE(c.removedCount(), 1); // the Bitmap Index Scan
    QCOMPARE(c.changedCount(), 1); // Bitmap Heap Scan ⇒ Parallel Seq Scan
    const int gather = 1; // Limit → Gather Merge
    QCOMPARE(after.nodes.at(gather).nodeType, QStringLiteral("Gather Merge"));
    QCOMPARE(c.pairs().at(c.pairOfAfter(gather)).before, -1);
    for (const QString &type : {QStringLiteral("Sort"), QStringLiteral("Nested Loop")}) {
        const auto pairOf = [&](const Plan &plan) {
            for (const PlanNode &n : plan.nodes)
                if (n.nodeType == type)
                    return n.id;
            return -1;
        };
        QCOMPARE(c.pairs().at(c.pairOfBefore(pairOf(before))).after, pairOf(after));
    }
    // The customers scan moved from the outer to the inner side: still one node.
    const PlanComparison::Pair customers = c.pairs().at(c.pairOfBefore(3));
    QCOMPARE(before.nodes.at(3).relation, QStringLiteral("customers"));
    QVERIFY(customers.after >= 0);
    QCOMPARE(after.nodes.at(customers.after).relation, QStringLiteral("customers"));
    QVERIFY(!customers.typeChanged);
    QCOMPARE(c.measureOf(after.nodes.at(customers.after)), 8.30);
    QCOMPARE(c.rowsOf(after.nodes.at(customers.after)), 1.0);

    // And the other way round: the Gather Merge is a removal.
    const PlanComparison back(after, before);
    QCOMPARE(back.removedCount(), 1);
    QCOMPARE(back.addedCount(), 1); // the Bitmap Index Scan
    QCOMPARE(back.pairs().at(back.pairOfBefore(gather)).after, -1);
}

QTEST_GUILESS_MAIN(TestPlanErrors)
#include "tst_planerrors.moc"
