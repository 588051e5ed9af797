// Derived metrics against values computed by hand (docs/plan-metrics.md),
// and each insight with a case that fires and one that stays silent.

#include "core/plan/planinsight.h"
#include "core/plan/planmetrics.h"
#include "core/plan/planreader.h"

#include <QFile>
#include <QTest>

using namespace tusk::core;

namespace {
const QString dataDir = QStringLiteral(TUSK_PLAN_DATA);

Plan plan(const char *json)
{
    PlanReader::Result r = PlanReader::read(QString::fromUtf8(json));
    if (!r.ok())
        qFatal("bad test plan: %s", qPrintable(r.error.toString()));
    return std::move(r.plan);
}

Plan fixture(const QString &name)
{
    QFile f(dataDir + QLatin1Char('/') + name);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(name));
    PlanReader::Result r = PlanReader::read(QString::fromUtf8(f.readAll()));
    if (!r.ok())
        qFatal("%s: %s", qPrintable(name), qPrintable(r.error.toString()));
    return std::move(r.plan);
}

bool fires(const Plan &p, PlanInsight::Kind kind, int node = -1)
{
    for (const PlanInsight &i : PlanInsights::find(p))
        if (i.kind == kind && (node < 0 || i.node == node))
            return true;
    return false;
}

#define NODE(type, total, rows, loops, extra)                                                      \
    "{\"Node Type\": \"" type                                                                      \
    "\", \"Plan Rows\": 100, \"Total Cost\": 1, \"Actual Total Time\": " #total                    \
    ", \"Actual Rows\": " #rows ", \"Actual Loops\": " #loops extra
} // namespace

class TestPlanMetrics : public QObject {
    Q_OBJECT
private slots:
    void loopsMultiplyTime();
    void parallelWorkersShareTime();
    void cteTimeGoesToItsScans();
    void initPlanTimeGoesToTheNodeUsingIt();
    void initPlanWithoutVisibleUseStaysWithItsParent();
    void subPlanTimeIsTheParents();
    void exclusiveBuffers();
    void misestimates();
    void neverExecutedNodes();
    void fixturesAddUp_data();
    void fixturesAddUp();
    void insightsFireAndStaySilent();
    void insightsOnRealPlans();
    void filterColumns();
};

void TestPlanMetrics::loopsMultiplyTime()
{
    // Nested Loop 10 ms; outer scan 2 ms once; inner lookup 0.007 ms × 1000.
    const Plan p = plan("[{\"Plan\": " NODE("Nested Loop", 10, 1000, 1, ", \"Plans\": [")
            NODE("Seq Scan", 2, 1000, 1, ", \"Relation Name\": \"a\"},")
                NODE("Index Scan", 0.007, 1, 1000, ", \"Relation Name\": \"b\"}") "]}}]");
    QCOMPARE(p.nodes.at(2).inclusiveMs, 7.0);
    QCOMPARE(p.nodes.at(2).exclusiveMs, 7.0);
    QVERIFY(qAbs(p.nodes.at(0).exclusiveMs - 1.0) < 1e-9);
    QCOMPARE(p.nodes.at(2).totalRows, 1000.0);
}

void TestPlanMetrics::parallelWorkersShareTime()
{
    // Gather 30 ms with 2 workers launched; the parallel scan's 24 ms is an
    // average over its 3 loops (2 workers + leader), run side by side.
    const Plan p = plan("[{\"Plan\": " NODE("Gather", 30, 300, 1,
        ", \"Workers Planned\": 2, \"Workers Launched\": 2, \"Plans\": [") NODE("Seq Scan", 24, 100,
        3, ", \"Parallel Aware\": true, \"Relation Name\": \"t\"}") "]}}]");
    QCOMPARE(p.nodes.at(1).processes, 3);
    QCOMPARE(p.nodes.at(1).inclusiveMs, 24.0);
    QCOMPARE(p.nodes.at(0).exclusiveMs, 6.0);
    QCOMPARE(p.nodes.at(1).label(), QStringLiteral("Parallel Seq Scan"));
    // One worker launched: two processes.
    const Plan q = plan("[{\"Plan\": " NODE(
        "Gather", 30, 300, 1, ", \"Workers Planned\": 2, \"Workers Launched\": 1, \"Plans\": [")
            NODE("Seq Scan", 24, 150, 4, ", \"Parallel Aware\": true}") "]}}]");
    QCOMPARE(q.nodes.at(1).processes, 2);
    QCOMPARE(q.nodes.at(1).inclusiveMs, 48.0); // 24 × 4 loops / 2 processes
    QCOMPARE(q.nodes.at(0).exclusiveMs, 0.0); // 30 − 48 is clamped
}

void TestPlanMetrics::cteTimeGoesToItsScans()
{
    // Hash Join 50 ms; CTE x takes 20 ms; its two scans measured 25 and 15 ms
    // including the CTE's work, which is split 20 × 25/40 and 20 × 15/40.
    const Plan p = plan("[{\"Plan\": " NODE("Hash Join", 50, 10, 1, ", \"Plans\": [") NODE(
        "Seq Scan", 20, 100, 1,
        ", \"Parent Relationship\": \"InitPlan\", \"Subplan Name\": \"CTE x\", \"Relation Name\": "
        "\"t\"},") NODE("CTE Scan", 25, 100, 1, ", \"CTE Name\": \"x\", \"Alias\": \"a\"},")
            NODE("CTE Scan", 15, 100, 1, ", \"CTE Name\": \"x\", \"Alias\": \"b\"}") "]}}]");
    QCOMPARE(p.nodes.at(0).exclusiveMs, 10.0);
    QCOMPARE(p.nodes.at(1).exclusiveMs, 20.0);
    QCOMPARE(p.nodes.at(2).exclusiveMs, 12.5);
    QCOMPARE(p.nodes.at(3).exclusiveMs, 7.5);
    double sum = 0;
    for (const PlanNode &n : p.nodes)
        sum += n.exclusiveMs;
    QCOMPARE(sum, 50.0);
    QCOMPARE(p.nodes.at(2).target(), QStringLiteral("on x a"));
}

void TestPlanMetrics::initPlanTimeGoesToTheNodeUsingIt()
{
    // Limit 12 ms over a scan of 10 ms whose filter uses $0; the InitPlan
    // (4 ms) hangs from the Limit but runs inside the scan.
    const Plan p = plan("[{\"Plan\": " NODE("Limit", 12, 10, 1, ", \"Plans\": [") NODE("Result", 4,
        1, 1,
        ", \"Parent Relationship\": \"InitPlan\", \"Subplan Name\": \"InitPlan 1 (returns $0)\"},")
            NODE("Seq Scan", 10, 10, 1,
                ", \"Filter\": \"(x > $0)\", \"Relation Name\": \"t\"}") "]}}]");
    QCOMPARE(p.nodes.at(0).exclusiveMs, 2.0);
    QCOMPARE(p.nodes.at(1).exclusiveMs, 4.0);
    QCOMPARE(p.nodes.at(2).exclusiveMs, 6.0);
    // "$0" is not "$01": the parameter must match whole.
    QCOMPARE(PlanMetrics::initPlanParameters(QStringLiteral("InitPlan 2 (returns $1,$2)")),
        QStringList({QStringLiteral("$1"), QStringLiteral("$2")}));
    QCOMPARE(PlanMetrics::initPlanParameters(QStringLiteral("InitPlan 3")),
        QStringList {QStringLiteral("InitPlan 3)")});
}

void TestPlanMetrics::initPlanWithoutVisibleUseStaysWithItsParent()
{
    // Without VERBOSE the parameter may be used only in an output list that
    // is not printed: the InitPlan's time is taken from the node it hangs on.
    const Plan p =
        plan("[{\"Plan\": " NODE("Result", 5, 1, 1, ", \"Plans\": [") NODE("Aggregate", 4, 1, 1,
            ", \"Parent Relationship\": \"InitPlan\", \"Subplan Name\": \"InitPlan 1 (returns "
            "$0)\"}") "]}}]");
    QCOMPARE(p.nodes.at(0).exclusiveMs, 1.0);
    QCOMPARE(p.nodes.at(1).exclusiveMs, 4.0);
}

void TestPlanMetrics::subPlanTimeIsTheParents()
{
    // A SubPlan runs inside the node whose expression holds it: 0.02 ms ×
    // 1000 loops comes off the scan's 30 ms.
    const Plan p = plan("[{\"Plan\": " NODE("Seq Scan", 30, 1000, 1,
        ", \"Relation Name\": \"o\", \"Plans\": [") NODE("Aggregate", 0.02, 1, 1000,
        ", \"Parent Relationship\": \"SubPlan\", \"Subplan Name\": \"SubPlan 1\"}") "]}}]");
    QCOMPARE(p.nodes.at(1).inclusiveMs, 20.0);
    QCOMPARE(p.nodes.at(0).exclusiveMs, 10.0);
}

void TestPlanMetrics::exclusiveBuffers()
{
    const Plan p = plan("[{\"Plan\": " NODE("Sort", 3, 10, 1,
        ", \"Shared Hit Blocks\": 100, \"Shared Read Blocks\": 7, \"Temp Written Blocks\": 50, "
        "\"Plans\": [") NODE("Seq Scan", 2, 10, 1,
        ", \"Shared Hit Blocks\": 60, \"Shared Read Blocks\": 7}") "]}}]");
    QCOMPARE(p.nodes.at(0).exclusiveBuffers[PlanBuffers::SharedHit], 40.0);
    QCOMPARE(p.nodes.at(0).exclusiveBuffers[PlanBuffers::SharedRead], 0.0);
    QCOMPARE(p.nodes.at(0).exclusiveBuffers[PlanBuffers::TempWritten], 50.0);
    QCOMPARE(p.nodes.at(1).exclusiveBuffers[PlanBuffers::SharedHit], 60.0);
}

void TestPlanMetrics::misestimates()
{
    const Plan under =
        plan("[{\"Plan\": " NODE("Seq Scan", 1, 1000, 1, ", \"Plan Rows\": 10}") "}]");
    QCOMPARE(under.root().misestimate, 100.0);
    QCOMPARE(under.root().misestimateDirection, 1);
    const Plan over = plan("[{\"Plan\": " NODE("Seq Scan", 1, 0, 1, ", \"Plan Rows\": 50}") "}]");
    QCOMPARE(over.root().misestimate, 50.0);
    QCOMPARE(over.root().misestimateDirection, -1);
}

void TestPlanMetrics::neverExecutedNodes()
{
    const Plan p = fixture(QStringLiteral("never_executed.txt"));
    int never = 0;
    for (const PlanNode &n : p.nodes) {
        if (n.neverExecuted) {
            ++never;
            QCOMPARE(n.exclusiveMs, 0.0);
            QCOMPARE(n.misestimate, 1.0);
        }
    }
    QVERIFY(never > 0);
}

void TestPlanMetrics::fixturesAddUp_data()
{
    QTest::addColumn<QString>("file");
    for (const char *f :
        {"join_aggregate.txt", "parallel_verbose.txt", "cte_two_scans.txt", "initplan_subplan.txt",
            "spills.txt", "lossy_bitmap.txt", "slow_report.txt", "dml_triggers.txt"})
        QTest::newRow(f) << QString::fromLatin1(f);
}

void TestPlanMetrics::fixturesAddUp()
{
    // The exclusive times of all nodes add up to the root's time: nothing is
    // counted twice or lost (up to timer noise, where a child measured a
    // little more than its parent).
    QFETCH(QString, file);
    const Plan p = fixture(file);
    double sum = 0;
    for (const PlanNode &n : p.nodes) {
        QVERIFY(n.exclusiveMs >= 0);
        sum += n.exclusiveMs;
    }
    const double root = p.root().inclusiveMs;
    QVERIFY2(
        qAbs(sum - root) <= 0.02 * root, qPrintable(QStringLiteral("%1 vs %2").arg(sum).arg(root)));
}

void TestPlanMetrics::insightsFireAndStaySilent()
{
    using K = PlanInsight::Kind;
    // Slow nodes need timing.
    QVERIFY(fires(plan("[{\"Plan\": " NODE("Seq Scan", 5, 10, 1, "}") "}]"), K::SlowNode, 0));
    // Its severity follows the time as well as the share.
    const auto slowSeverity = [](const Plan &p) {
        for (const PlanInsight &i : PlanInsights::find(p))
            if (i.kind == PlanInsight::Kind::SlowNode)
                return i.severity;
        return tusk::core::Severity(-1);
    };
    using S = tusk::core::Severity;
    QCOMPARE(slowSeverity(plan("[{\"Plan\": " NODE("Seq Scan", 0.4, 10, 1, "}") "}]")), S::Info);
    QCOMPARE(slowSeverity(plan("[{\"Plan\": " NODE("Seq Scan", 5, 10, 1, "}") "}]")), S::Warning);
    QCOMPARE(slowSeverity(plan("[{\"Plan\": " NODE("Seq Scan", 20, 10, 1, "}") "}]")), S::Error);
    QVERIFY(!fires(
        plan("[{\"Plan\": {\"Node Type\": \"Seq Scan\", \"Total Cost\": 5, \"Plan Rows\": 10}}]"),
        K::SlowNode));

    QVERIFY(fires(plan("[{\"Plan\": " NODE("Seq Scan", 1, 1000, 1, ", \"Plan Rows\": 10}") "}]"),
        K::Misestimate));
    QVERIFY(!fires(plan("[{\"Plan\": " NODE("Seq Scan", 1, 120, 1, "}") "}]"), K::Misestimate));
    // Fewer rows than planned under a Limit is the Limit's doing.
    QVERIFY(!fires(plan("[{\"Plan\": " NODE("Limit", 1, 10, 1, ", \"Plan Rows\": 10, \"Plans\": [")
                           NODE("Seq Scan", 1, 10, 1, ", \"Plan Rows\": 5000}") "]}}]"),
        K::Misestimate));
    // Only where the error starts, not in every node it carries into.
    const Plan carried =
        plan("[{\"Plan\": " NODE("Sort", 1, 1000, 1, ", \"Plan Rows\": 10, \"Plans\": [")
                NODE("Seq Scan", 1, 1000, 1, ", \"Plan Rows\": 10}") "]}}]");
    QVERIFY(fires(carried, K::Misestimate, 1));
    QVERIFY(!fires(carried, K::Misestimate, 0));

    QVERIFY(fires(plan("[{\"Plan\": " NODE("Seq Scan", 1, 100, 1,
                      ", \"Relation Name\": \"t\", \"Filter\": \"(a = 1)\", \"Rows Removed by "
                      "Filter\": 99000}") "}]"),
        K::FilterRemovesRows));
    QVERIFY(!fires(plan("[{\"Plan\": " NODE("Seq Scan", 1, 100, 1,
                       ", \"Filter\": \"(a = 1)\", \"Rows Removed by Filter\": 500}") "}]"),
        K::FilterRemovesRows));

    QVERIFY(fires(plan("[{\"Plan\": " NODE("Sort", 1, 100, 1,
                      ", \"Sort Method\": \"external merge\", \"Sort Space Type\": \"Disk\", "
                      "\"Sort Space Used\": 3000}") "}]"),
        K::Spill));
    QVERIFY(fires(plan("[{\"Plan\": " NODE("Hash", 1, 100, 1,
                      ", \"Hash Batches\": 4, \"Original Hash Batches\": 1, \"Peak Memory Usage\": "
                      "4000}") "}]"),
        K::Spill));
    QVERIFY(!fires(plan("[{\"Plan\": " NODE("Sort", 1, 100, 1,
                       ", \"Sort Method\": \"quicksort\", \"Sort Space Type\": \"Memory\", \"Sort "
                       "Space Used\": 30}") "}]"),
        K::Spill));

    QVERIFY(fires(
        plan("[{\"Plan\": " NODE("Nested Loop", 50, 10, 1, ", \"Plans\": [") NODE("Seq Scan", 1,
            500, 1, "},") NODE("Seq Scan", 0.09, 1, 500, ", \"Relation Name\": \"inner\"}") "]}}]"),
        K::NestedLoopSeqScan, 2));
    QVERIFY(!fires(plan("[{\"Plan\": " NODE("Nested Loop", 50, 10, 1, ", \"Plans\": [") NODE(
                       "Seq Scan", 1, 1, 1, "},") NODE("Seq Scan", 0.09, 1, 1, "}") "]}}]"),
        K::NestedLoopSeqScan));

    QVERIFY(fires(plan("[{\"Plan\": " NODE("Bitmap Heap Scan", 1, 100, 1,
                      ", \"Exact Heap Blocks\": 5, \"Lossy Heap Blocks\": 10}") "}]"),
        K::LossyBitmap));
    QVERIFY(!fires(plan("[{\"Plan\": " NODE("Bitmap Heap Scan", 1, 100, 1,
                       ", \"Exact Heap Blocks\": 5, \"Lossy Heap Blocks\": 0}") "}]"),
        K::LossyBitmap));

    QVERIFY(fires(plan("[{\"Plan\": " NODE("Gather", 1, 100, 1,
                      ", \"Workers Planned\": 2, \"Workers Launched\": 0}") "}]"),
        K::WorkersNotLaunched));
    QVERIFY(!fires(plan("[{\"Plan\": " NODE("Gather", 1, 100, 1,
                       ", \"Workers Planned\": 2, \"Workers Launched\": 2}") "}]"),
        K::WorkersNotLaunched));

    QVERIFY(fires(
        plan("[{\"Plan\": " NODE("Index Only Scan", 1, 1000, 1, ", \"Heap Fetches\": 500}") "}]"),
        K::HeapFetches));
    QVERIFY(!fires(
        plan("[{\"Plan\": " NODE("Index Only Scan", 1, 1000, 1, ", \"Heap Fetches\": 0}") "}]"),
        K::HeapFetches));
}

void TestPlanMetrics::insightsOnRealPlans()
{
    using K = PlanInsight::Kind;
    QVERIFY(fires(fixture(QStringLiteral("lossy_bitmap.txt")), K::LossyBitmap, 1));
    const Plan spills = fixture(QStringLiteral("spills.txt"));
    QVERIFY(fires(spills, K::Spill, 0)); // the sort, on disk
    QVERIFY(fires(spills, K::Spill, 3)); // the hash, in 16 batches
    const Plan slow = fixture(QStringLiteral("slow_report.txt"));
    QVERIFY(fires(slow, K::FilterRemovesRows, 8));
    QVERIFY(fires(slow, K::Misestimate, 8));
    QVERIFY(!fires(slow, K::Misestimate, 5)); // carried, not started there
    QVERIFY(!fires(fixture(QStringLiteral("join_aggregate.txt")), K::Spill));
}

void TestPlanMetrics::filterColumns()
{
    QCOMPARE(PlanInsights::filterColumns(
                 QStringLiteral("((placed_at < '2024-12-18'::timestamp with time zone) AND (status "
                                "= 'shipped'::shop.order_status))")),
        QStringList({QStringLiteral("status"), QStringLiteral("placed_at")}));
    QCOMPARE(PlanInsights::filterColumns(QStringLiteral("((o.total_cents)::numeric > $1)")),
        QStringList {QStringLiteral("total_cents")});
    // Quoted names hold anything; a word inside one is not a column.
    QCOMPARE(PlanInsights::filterColumns(QStringLiteral(
                 "((\"x = 1 OR y\" = 17) AND (t.\"a\"\"b;--\" > 3) AND (\"Status\" IS NULL))")),
        QStringList(
            {QStringLiteral("x = 1 OR y"), QStringLiteral("a\"b;--"), QStringLiteral("Status")}));
    // Literals, casts' types and function names are not columns either.
    QCOMPARE(PlanInsights::filterColumns(QStringLiteral(
                 "(('x = 1'::text = lower(email)) AND ((code)::character varying(8) ~~ 'a%'::text) "
                 "AND (kind = ANY ('{a,b}'::text[])))")),
        QStringList({QStringLiteral("kind"), QStringLiteral("code")}));
}

QTEST_GUILESS_MAIN(TestPlanMetrics)
#include "tst_planmetrics.moc"
