#include "planbuilder.h"

#include "planvalue.h"

#include <QJsonArray>

#include <utility>

namespace tusk::core {

namespace {
QString text(const QJsonObject &o, const char *key)
{
    return planString(o.value(QLatin1String(key)));
}

double number(const QJsonObject &o, const char *key, double fallback = 0)
{
    return planNumber(o.value(QLatin1String(key)), fallback);
}

bool has(const QJsonObject &o, const char *key)
{
    return planHas(o.value(QLatin1String(key)));
}

// "12kB" or 12 → 12.
double kilobytes(const QJsonValue &v)
{
    if (v.isString()) {
        QString s = v.toString().trimmed();
        if (s.endsWith(QLatin1String("kB")))
            s.chop(2);
        return s.toDouble();
    }
    return planNumber(v);
}

PlanWorker readWorker(const QJsonObject &o)
{
    PlanWorker w;
    w.packedFields = planPackFields(o);
    w.number = planInt(o.value(QLatin1String("Worker Number")), -1);
    w.hasActual = has(o, "Actual Rows") || has(o, "Actual Loops");
    w.actualStartupMs = number(o, "Actual Startup Time");
    w.actualTotalMs = number(o, "Actual Total Time");
    w.actualRows = number(o, "Actual Rows");
    w.actualLoops = number(o, "Actual Loops");
    PlanBuffers::read(o, &w.buffers);
    return w;
}

PlanNode readNode(const QJsonObject &o)
{
    PlanNode n;
    QJsonObject own = o;
    own.remove(QLatin1String("Workers"));
    n.packedFields = planPackFields(own);
    n.filter = text(o, "Filter");
    n.namedObject =
        has(o, "Tuplestore Name") ? text(o, "Tuplestore Name") : text(o, "Table Function Name");
    n.customProvider = text(o, "Custom Plan Provider");
    n.keyText = PlanNode::keyTextOf(o);
    n.nodeType = text(o, "Node Type");
    n.parentRelationship = text(o, "Parent Relationship");
    n.subplanName = text(o, "Subplan Name");
    n.relation = text(o, "Relation Name");
    n.schema = text(o, "Schema");
    n.alias = text(o, "Alias");
    n.index = text(o, "Index Name");
    n.cteName = text(o, "CTE Name");
    n.functionName = text(o, "Function Name");
    n.joinType = text(o, "Join Type");
    n.strategy = text(o, "Strategy");
    n.partialMode = text(o, "Partial Mode");
    n.operation = text(o, "Operation");
    n.scanDirection = text(o, "Scan Direction");
    n.command = text(o, "Command");
    n.parallelAware = planBool(o.value(QLatin1String("Parallel Aware")));
    n.asyncCapable = planBool(o.value(QLatin1String("Async Capable")));

    n.hasCosts = has(o, "Total Cost");
    n.startupCost = number(o, "Startup Cost");
    n.totalCost = number(o, "Total Cost");
    n.planRows = number(o, "Plan Rows");
    n.planWidth = number(o, "Plan Width");

    n.hasActual = has(o, "Actual Loops") || has(o, "Actual Rows");
    n.hasTiming = has(o, "Actual Total Time");
    n.actualStartupMs = number(o, "Actual Startup Time");
    n.actualTotalMs = number(o, "Actual Total Time");
    n.actualRows = number(o, "Actual Rows");
    n.actualLoops = number(o, "Actual Loops");
    n.neverExecuted = n.hasActual && n.actualLoops == 0;

    n.rowsRemovedByFilter = number(o, "Rows Removed by Filter");
    n.rowsRemovedByIndexRecheck = number(o, "Rows Removed by Index Recheck");
    n.rowsRemovedByJoinFilter = number(o, "Rows Removed by Join Filter");
    n.heapFetches = number(o, "Heap Fetches");
    n.exactHeapBlocks = number(o, "Exact Heap Blocks");
    n.lossyHeapBlocks = number(o, "Lossy Heap Blocks");
    n.workersPlanned = planInt(o.value(QLatin1String("Workers Planned")), -1);
    n.workersLaunched = planInt(o.value(QLatin1String("Workers Launched")), -1);

    n.sortMethod = text(o, "Sort Method");
    n.sortSpaceType = text(o, "Sort Space Type");
    n.sortSpaceKb = number(o, "Sort Space Used");
    n.hashBatches = number(o, "Hash Batches");
    n.originalHashBatches = number(o, "Original Hash Batches");
    n.hashAggBatches = number(o, "HashAgg Batches");
    n.peakMemoryKb = kilobytes(o.value(QLatin1String("Peak Memory Usage")));
    n.diskUsageKb = kilobytes(o.value(QLatin1String("Disk Usage")));

    n.hasBuffers = PlanBuffers::read(o, &n.buffers);
    for (const QJsonValue &w : o.value(QLatin1String("Workers")).toArray()) {
        const QJsonObject fields = w.toObject();
        // A worker's sort on disk counts as the node's spill.
        if (text(fields, "Sort Space Type") == QLatin1String("Disk")
            && n.sortSpaceType != QLatin1String("Disk")) {
            n.sortSpaceType = QStringLiteral("Disk");
            n.sortMethod = text(fields, "Sort Method");
            n.sortSpaceKb = number(fields, "Sort Space Used");
        }
        n.workers.append(readWorker(fields));
    }
    return n;
}
} // namespace

QList<RawPlanNode> PlanBuilder::flatten(const QJsonObject &plan)
{
    QList<RawPlanNode> out;
    QList<RawPlanNode> stack {{plan, -1, 0}};
    while (!stack.isEmpty()) {
        RawPlanNode raw = stack.takeLast();
        const QJsonArray children = raw.fields.value(QLatin1String("Plans")).toArray();
        raw.fields.remove(QLatin1String("Plans"));
        const int id = int(out.size());
        const int depth = raw.depth;
        out.append(std::move(raw));
        for (qsizetype i = children.size() - 1; i >= 0; --i)
            stack.append({children.at(i).toObject(), id, depth + 1});
    }
    return out;
}

Plan PlanBuilder::build(const QJsonObject &top, PlanParseError *error)
{
    const QJsonValue plan = top.value(QLatin1String("Plan"));
    if (!plan.isObject()) {
        error->message =
            QStringLiteral("no \"Plan\" object: this does not look like EXPLAIN output");
        return {};
    }
    QJsonObject summary = top;
    summary.remove(QLatin1String("Plan"));
    return build(flatten(plan.toObject()), summary);
}

Plan PlanBuilder::build(const QList<RawPlanNode> &nodes, const QJsonObject &summary)
{
    Plan plan;
    plan.nodes.reserve(nodes.size());
    for (const RawPlanNode &raw : nodes) {
        PlanNode n = readNode(raw.fields);
        n.id = int(plan.nodes.size());
        n.parent = raw.parent;
        n.depth = raw.depth;
        if (n.parent >= 0)
            plan.nodes[n.parent].children.append(n.id);
        plan.nodes.append(std::move(n));
    }
    plan.summary = summary;
    plan.queryText = text(summary, "Query Text");
    plan.planningMs = number(summary, "Planning Time", -1);
    plan.executionMs = number(summary, "Execution Time", number(summary, "Total Runtime", -1));
    const QJsonObject planning = summary.value(QLatin1String("Planning")).toObject();
    plan.hasPlanningBuffers = PlanBuffers::read(planning, &plan.planningBuffers);
    for (const QJsonValue &t : summary.value(QLatin1String("Triggers")).toArray()) {
        const QJsonObject o = t.toObject();
        plan.triggers.append(
            {text(o, "Trigger Name"), text(o, "Relation"), number(o, "Time"), number(o, "Calls")});
    }
    plan.jit = summary.value(QLatin1String("JIT")).toObject();
    plan.settings = summary.value(QLatin1String("Settings")).toObject();
    return plan;
}

} // namespace tusk::core
