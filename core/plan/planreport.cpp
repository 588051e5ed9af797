#include "planreport.h"

#include "plancomparison.h"
#include "planstatistics.h"
#include "planvalue.h"

#include <QJsonArray>

#include <algorithm>

namespace tusk::core {

namespace {
using namespace Qt::Literals::StringLiterals;

QJsonValue orNull(bool present, double value)
{
    return present ? QJsonValue(value) : QJsonValue(QJsonValue::Null);
}

QJsonValue textOrNull(const QString &s)
{
    return s.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(s);
}

QString padLeft(const QString &s, int width)
{
    return s.rightJustified(width, u' ');
}

// "│  ├─ " prefixes of a pre-order tree.
QStringList treePrefixes(const Plan &plan)
{
    QStringList prefixes(plan.nodes.size());
    QList<bool> lastAtDepth;
    for (const PlanNode &n : plan.nodes) {
        if (n.parent < 0)
            continue;
        const PlanNode &p = plan.nodes.at(n.parent);
        const bool last = p.children.back() == n.id;
        if (lastAtDepth.size() < n.depth)
            lastAtDepth.resize(n.depth);
        lastAtDepth[n.depth - 1] = last;
        QString prefix;
        for (int d = 1; d < n.depth; ++d)
            prefix += lastAtDepth.at(d - 1) ? u"   "_s : u"│  "_s;
        prefix += last ? u"└─ "_s : u"├─ "_s;
        prefixes[n.id] = prefix;
    }
    return prefixes;
}

QString nodeTitle(const PlanNode &n)
{
    QString title = n.title();
    if (n.isSubplanRoot())
        title = u"[%1] "_s.arg(n.subplanName) + title;
    return title;
}

QJsonObject statisticsJson(const Plan &plan)
{
    QJsonObject out;
    for (auto by : {PlanStatistics::GroupBy::Table, PlanStatistics::GroupBy::Index,
             PlanStatistics::GroupBy::NodeType}) {
        QJsonArray groups;
        for (const PlanGroupStats &g : PlanStatistics::group(plan, by))
            groups.append(QJsonObject {{u"name"_s, g.name}, {u"node_count"_s, int(g.nodes.size())},
                {u"exclusive_ms"_s, g.exclusiveMs}, {u"exclusive_percent"_s, g.exclusivePercent},
                {u"rows"_s, g.rows}, {u"blocks"_s, g.buffers.blocksTouched()}});
        out.insert(PlanStatistics::groupByName(by).replace(u' ', u'_'), groups);
    }
    return out;
}

QString misestimateText(const PlanNode &n)
{
    if (n.misestimateDirection == 0 || n.misestimate < 2)
        return {};
    return (n.misestimateDirection > 0 ? u"↑"_s : u"↓"_s) + QString::number(n.misestimate, 'f', 0)
        + u'×';
}

QString signedMs(double ms)
{
    return (ms >= 0 ? u"+"_s : u"−"_s) + planTimeText(std::abs(ms));
}
} // namespace

QJsonObject PlanReport::nodeJson(const PlanNode &n)
{
    QJsonObject o {{u"id"_s, n.id},
        {u"parent"_s, n.parent < 0 ? QJsonValue(QJsonValue::Null) : QJsonValue(n.parent)},
        {u"depth"_s, n.depth}, {u"node_type"_s, n.nodeType}, {u"label"_s, n.label()},
        {u"relation"_s, textOrNull(n.relation)}, {u"schema"_s, textOrNull(n.schema)},
        {u"alias"_s, textOrNull(n.alias)}, {u"index"_s, textOrNull(n.index)},
        {u"parent_relationship"_s, textOrNull(n.parentRelationship)},
        {u"subplan_name"_s, textOrNull(n.subplanName)},
        {u"startup_cost"_s, orNull(n.hasCosts, n.startupCost)},
        {u"total_cost"_s, orNull(n.hasCosts, n.totalCost)},
        {u"plan_rows"_s, orNull(n.hasCosts, n.planRows)},
        {u"actual_total_time_ms"_s, orNull(n.hasTiming, n.actualTotalMs)},
        {u"actual_rows"_s, orNull(n.hasActual, n.actualRows)},
        {u"actual_loops"_s, orNull(n.hasActual, n.actualLoops)},
        {u"never_executed"_s, n.neverExecuted}, {u"processes"_s, n.processes},
        {u"inclusive_ms"_s, orNull(n.hasTiming, n.inclusiveMs)},
        {u"exclusive_ms"_s, orNull(n.hasTiming, n.exclusiveMs)},
        {u"exclusive_percent"_s, orNull(n.hasTiming, n.exclusivePercent)},
        {u"misestimate"_s, orNull(n.hasActual && n.hasCosts && !n.neverExecuted, n.misestimate)},
        {u"misestimate_direction"_s,
            n.misestimateDirection > 0
                ? QJsonValue(u"under"_s)
                : (n.misestimateDirection < 0 ? QJsonValue(u"over"_s)
                                              : QJsonValue(QJsonValue::Null))},
        {u"rows_removed_by_filter"_s, n.rowsRemovedByFilter}};
    QJsonObject buffers;
    for (int c = 0; c < PlanBuffers::CounterCount; ++c)
        buffers.insert(PlanBuffers::jsonKey(PlanBuffers::Counter(c)), n.exclusiveBuffers.values[c]);
    o.insert(u"exclusive_buffers"_s, buffers);
    return o;
}

QJsonObject PlanReport::json(const Plan &plan, const QList<PlanInsight> &insights)
{
    QJsonArray nodes;
    for (const PlanNode &n : plan.nodes)
        nodes.append(nodeJson(n));
    QJsonArray found;
    for (const PlanInsight &i : insights)
        found.append(QJsonObject {{u"kind"_s, PlanInsight::kindName(i.kind)},
            {u"severity"_s, PlanInsight::severityName(i.severity)}, {u"node"_s, i.node},
            {u"title"_s, i.title}, {u"detail"_s, i.detail}, {u"impact_ms"_s, i.impactMs}});
    return QJsonObject {{u"input_format"_s, planFormatName(plan.format)},
        {u"planning_time_ms"_s, orNull(plan.planningMs >= 0, plan.planningMs)},
        {u"execution_time_ms"_s, orNull(plan.executionMs >= 0, plan.executionMs)},
        {u"analyzed"_s, plan.analyzed()}, {u"node_count"_s, int(plan.nodes.size())},
        {u"nodes"_s, nodes}, {u"insights"_s, found}, {u"statistics"_s, statisticsJson(plan)}};
}

QString PlanReport::text(const Plan &plan, const QList<PlanInsight> &insights, int top)
{
    QString out;
    const bool timing = plan.hasTiming();
    out += u"%1 plan, %2 nodes"_s.arg(planFormatName(plan.format).toUpper()).arg(plan.nodes.size());
    if (plan.planningMs >= 0)
        out += u", planning "_s + planTimeText(plan.planningMs);
    if (plan.executionMs >= 0)
        out += u", execution "_s + planTimeText(plan.executionMs);
    if (!plan.analyzed())
        out += u" (estimates only: no ANALYZE)"_s;
    out += u"\n\n"_s;

    const QStringList prefixes = treePrefixes(plan);
    if (plan.analyzed())
        out += u" self time      %      rows   est rows   off  node\n"_s;
    else
        out += u"      cost   est rows  node\n"_s;
    for (const PlanNode &n : plan.nodes) {
        if (plan.analyzed()) {
            out += padLeft(timing && !n.neverExecuted ? planTimeText(n.exclusiveMs) : u"–"_s, 10)
                + u' ';
            out += padLeft(timing && !n.neverExecuted ? QString::number(n.exclusivePercent, 'f', 1)
                                                      : u""_s,
                       5)
                + u' ';
            out += padLeft(n.neverExecuted ? u"never"_s : planCountText(n.totalRows), 9) + u' ';
            out += padLeft(planCountText(n.planRows * std::max(n.actualLoops, 1.0)), 10) + u' ';
            out += padLeft(misestimateText(n), 5) + u"  "_s;
        } else {
            out += padLeft(QString::number(n.totalCost, 'f', 2), 10) + u' ';
            out += padLeft(planCountText(n.planRows), 10) + u"  "_s;
        }
        out += prefixes.at(n.id) + nodeTitle(n) + u'\n';
    }

    if (timing && top > 0) {
        QList<const PlanNode *> slow;
        for (const PlanNode &n : plan.nodes)
            slow << &n;
        std::sort(slow.begin(), slow.end(),
            [](auto *a, auto *b) { return a->exclusiveMs > b->exclusiveMs; });
        out += u"\nTop %1 by self time\n"_s.arg(std::min<qsizetype>(top, slow.size()));
        for (int i = 0; i < std::min<int>(top, slow.size()); ++i)
            out += u"  #%1 %2  %3 %  %4\n"_s.arg(slow.at(i)->id)
                       .arg(padLeft(planTimeText(slow.at(i)->exclusiveMs), 10))
                       .arg(slow.at(i)->exclusivePercent, 5, 'f', 1)
                       .arg(nodeTitle(*slow.at(i)));
    }

    if (timing) {
        const auto tables = PlanStatistics::group(plan, PlanStatistics::GroupBy::Table);
        if (!tables.isEmpty())
            out += u"\nPer table\n"_s;
        for (const PlanGroupStats &g : tables)
            out += u"  %1 %2 %  %3 node(s)  %4\n"_s.arg(padLeft(planTimeText(g.exclusiveMs), 10))
                       .arg(g.exclusivePercent, 5, 'f', 1)
                       .arg(g.nodes.size())
                       .arg(g.name);
    }

    if (!plan.triggers.isEmpty()) {
        out += u"\nTriggers\n"_s;
        for (const PlanTrigger &t : plan.triggers)
            out += u"  %1: %2 in %3 call(s)\n"_s.arg(
                t.name, planTimeText(t.timeMs), planCountText(t.calls));
    }
    if (plan.jitMs() > 0)
        out += u"\nJIT: %1\n"_s.arg(planTimeText(plan.jitMs()));
    for (const QString &line : newerSummary(plan))
        out += line + u'\n';

    out += insights.isEmpty() ? u"\nNo insights.\n"_s : u"\nInsights\n"_s;
    for (const PlanInsight &i : insights) {
        out += u"  [%1] #%2 %3\n"_s.arg(PlanInsight::severityName(i.severity))
                   .arg(i.node)
                   .arg(i.title);
        out += u"      %1\n"_s.arg(i.detail);
    }
    return out;
}

QStringList PlanReport::newerSummary(const Plan &plan)
{
    QStringList lines;
    const QJsonObject planning = plan.summary.value(u"Planning"_s).toObject();
    if (planning.contains(u"Memory Used"_s))
        lines << u"Planning memory: %1 kB used, %2 kB allocated"_s
                     .arg(planning.value(u"Memory Used"_s).toDouble())
                     .arg(planning.value(u"Memory Allocated"_s).toDouble());
    const QJsonObject serialization = plan.summary.value(u"Serialization"_s).toObject();
    if (!serialization.isEmpty())
        lines << u"Serialization: %1 kB as %2%3"_s
                     .arg(serialization.value(u"Output Volume"_s).toDouble())
                     .arg(serialization.value(u"Format"_s).toString(),
                         serialization.contains(u"Time"_s)
                             ? u" in "_s + planTimeText(serialization.value(u"Time"_s).toDouble())
                             : QString());
    return lines;
}

QString PlanReport::comparisonText(const PlanComparison &c)
{
    const Plan &a = c.before();
    const Plan &b = c.after();
    // Plans without timing are compared by total cost and estimated rows.
    const bool byCost = c.byCost();
    const auto measure = [byCost](double value) {
        return byCost ? QString::number(value, 'f', 2) : planTimeText(value);
    };
    const auto signedMeasure = [byCost](double delta) -> QString {
        if (!byCost)
            return signedMs(delta);
        return (delta > 0          ? u"+"_s
                       : delta < 0 ? u"−"_s
                                   : u"±"_s)
            + QString::number(std::abs(delta), 'f', 2);
    };
    const QString what = byCost ? u"estimated cost"_s : u"execution"_s;
    QString out;
    out += u"Before: %1 nodes, %2 %3\n"_s.arg(a.nodes.size()).arg(what, measure(c.totalOf(a)));
    out += u"After:  %1 nodes, %2 %3 (%4)\n"_s.arg(b.nodes.size())
               .arg(what, measure(c.totalOf(b)), signedMeasure(c.totalOf(b) - c.totalOf(a)));
    out += u"%1 node(s) changed type, %2 removed, %3 added\n\n"_s.arg(c.changedCount())
               .arg(c.removedCount())
               .arg(c.addedCount());
    out += byCost ? u"cost before cost after      delta  est rows before → after  node\n"_s
                  : u"   before      after      delta     rows before → after  node\n"_s;
    for (const PlanComparison::Pair &p : c.pairs()) {
        const PlanNode *nb = p.before >= 0 ? &a.nodes.at(p.before) : nullptr;
        const PlanNode *na = p.after >= 0 ? &b.nodes.at(p.after) : nullptr;
        const double tb = nb ? c.measureOf(*nb) : 0;
        const double ta = na ? c.measureOf(*na) : 0;
        out += padLeft(nb ? measure(tb) : u"–"_s, 10) + u' '
            + padLeft(na ? measure(ta) : u"–"_s, 10) + u' ' + padLeft(signedMeasure(ta - tb), 10)
            + u' ' + padLeft(nb ? planCountText(c.rowsOf(*nb)) : u"–"_s, 10) + u" → "_s
            + (na ? planCountText(c.rowsOf(*na)) : u"–"_s).leftJustified(9) + u' ';
        if (!nb)
            out += u"+ "_s + nodeTitle(*na);
        else if (!na)
            out += u"- "_s + nodeTitle(*nb);
        else if (p.typeChanged)
            out += u"* "_s + nodeTitle(*nb) + u" ⇒ "_s + nodeTitle(*na);
        else
            out += u"  "_s + nodeTitle(*na);
        out += u'\n';
    }
    return out;
}

QJsonObject PlanReport::comparisonJson(const PlanComparison &c)
{
    QJsonArray pairs;
    for (const PlanComparison::Pair &p : c.pairs()) {
        const PlanNode *nb = p.before >= 0 ? &c.before().nodes.at(p.before) : nullptr;
        const PlanNode *na = p.after >= 0 ? &c.after().nodes.at(p.after) : nullptr;
        QJsonObject o {{u"before"_s, nb ? QJsonValue(p.before) : QJsonValue(QJsonValue::Null)},
            {u"after"_s, na ? QJsonValue(p.after) : QJsonValue(QJsonValue::Null)},
            {u"status"_s,
                !nb ? u"added"_s
                    : (!na ? u"removed"_s : (p.typeChanged ? u"changed"_s : u"same"_s))},
            {u"label_before"_s, nb ? QJsonValue(nb->label()) : QJsonValue(QJsonValue::Null)},
            {u"label_after"_s, na ? QJsonValue(na->label()) : QJsonValue(QJsonValue::Null)}};
        if (nb && na) {
            o.insert(u"exclusive_ms_delta"_s, na->exclusiveMs - nb->exclusiveMs);
            o.insert(u"total_cost_delta"_s, na->totalCost - nb->totalCost);
            o.insert(u"rows_delta"_s, na->totalRows - nb->totalRows);
            o.insert(u"blocks_delta"_s,
                na->exclusiveBuffers.blocksTouched() - nb->exclusiveBuffers.blocksTouched());
        }
        pairs.append(o);
    }
    return QJsonObject {{u"compared_by"_s, c.byCost() ? u"cost"_s : u"time"_s},
        {u"total_cost_before"_s, c.before().root().totalCost},
        {u"total_cost_after"_s, c.after().root().totalCost},
        {u"execution_time_ms_before"_s, c.before().totalMs()},
        {u"execution_time_ms_after"_s, c.after().totalMs()}, {u"changed"_s, c.changedCount()},
        {u"added"_s, c.addedCount()}, {u"removed"_s, c.removedCount()}, {u"pairs"_s, pairs}};
}

} // namespace tusk::core
