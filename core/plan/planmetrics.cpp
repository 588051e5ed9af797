#include "planmetrics.h"

#include "planvalue.h"

#include <QRegularExpression>

#include <algorithm>

namespace tusk::core {

namespace {
bool isGather(const PlanNode &n)
{
    return n.nodeType == QLatin1String("Gather") || n.nodeType == QLatin1String("Gather Merge");
}

// Parallel processes running a node: the workers its Gather launched plus
// the leader. An InitPlan runs once, in the process that needs it.
void deriveProcesses(Plan &plan)
{
    for (PlanNode &n : plan.nodes) {
        if (n.parent < 0 || n.isInitPlan()) {
            n.processes = 1;
            continue;
        }
        const PlanNode &parent = plan.nodes.at(n.parent);
        if (isGather(parent)) {
            const int workers =
                parent.workersLaunched >= 0 ? parent.workersLaunched : parent.workersPlanned;
            n.processes = std::max(workers, 0) + 1;
        } else {
            n.processes = parent.processes;
        }
    }
}

bool mentions(const QString &text, const QString &parameter)
{
    qsizetype at = 0;
    while ((at = text.indexOf(parameter, at)) >= 0) {
        const qsizetype end = at + parameter.size();
        if (end >= text.size() || !text.at(end).isDigit())
            return true;
        at = end;
    }
    return false;
}

// The node an InitPlan's time belongs to. The InitPlan runs when one of its
// parameters is first needed, inside whichever node of its parent's subtree
// evaluates it, so that node's own time includes it. Prefer a node whose
// expressions name a parameter and that has room for the time; without
// VERBOSE the parameter may be visible nowhere, then the parent itself.
int initPlanOwner(const Plan &plan, const PlanNode &init, const std::vector<double> &raw)
{
    const int parent = init.parent;
    const QStringList parameters = PlanMetrics::initPlanParameters(init.subplanName);
    const int skipFrom = init.id;
    const int skipTo = plan.subtreeEnd(init.id);
    const double time = init.inclusiveMs;
    int best = -1;
    int fallback = -1;
    // subtreeEnd walks the subtree: once here, not per node of the loop.
    const int end = plan.subtreeEnd(parent);
    for (int id = parent; id < end; ++id) {
        if (id >= skipFrom && id < skipTo)
            continue;
        const PlanNode &n = plan.nodes.at(id);
        if (n.isInitPlan() && id != parent) { // another InitPlan's subtree
            id = plan.subtreeEnd(id) - 1;
            continue;
        }
        const QString text = PlanMetrics::expressionText(n);
        const bool refers = std::any_of(parameters.begin(), parameters.end(),
            [&](const QString &p) { return mentions(text, p); });
        if (!refers)
            continue;
        if (raw[id] >= time * 0.9 && (best < 0 || n.depth > plan.nodes.at(best).depth))
            best = id;
        if (fallback < 0 || raw[id] > raw[fallback])
            fallback = id;
    }
    if (best >= 0)
        return best;
    return fallback >= 0 ? fallback : parent;
}

// Moves `amount` off the candidates in proportion to what each has, never
// more than a candidate has.
void takeProportionally(std::vector<double> &values, const QList<int> &candidates, double amount)
{
    double sum = 0;
    for (int id : candidates)
        sum += std::max(values[id], 0.0);
    if (sum <= 0 || amount <= 0)
        return;
    const double share = std::min(amount / sum, 1.0);
    for (int id : candidates)
        values[id] -= std::max(values[id], 0.0) * share;
}

// Exclusive values of one additive metric: the node's inclusive value less
// its children's, then InitPlan and CTE values moved to where they were spent.
std::vector<double> exclusive(
    const Plan &plan, const std::vector<double> &inclusive, const std::vector<int> &initOwners)
{
    const int count = int(plan.nodes.size());
    std::vector<double> raw(inclusive);
    for (const PlanNode &n : plan.nodes)
        if (n.parent >= 0 && !n.isInitPlan())
            raw[n.parent] -= inclusive[n.id];
    for (const PlanNode &n : plan.nodes) {
        if (!n.isInitPlan())
            continue;
        if (n.isCte()) {
            QList<int> scans;
            const QString name = n.subplanName.mid(4);
            for (const PlanNode &s : plan.nodes)
                if (s.nodeType == QLatin1String("CTE Scan") && s.cteName == name)
                    scans << s.id;
            takeProportionally(raw, scans, inclusive[n.id]);
        } else if (initOwners[n.id] >= 0) {
            raw[initOwners[n.id]] -= inclusive[n.id];
        }
    }
    for (int i = 0; i < count; ++i)
        raw[i] = std::max(raw[i], 0.0);
    return raw;
}
} // namespace

QStringList PlanMetrics::initPlanParameters(const QString &subplanName)
{
    static const QRegularExpression returns(QStringLiteral("\\(returns (.*)\\)"));
    const QRegularExpressionMatch m = returns.match(subplanName);
    if (!m.hasMatch()) {
        static const QRegularExpression name(QStringLiteral("^InitPlan \\d+"));
        const QRegularExpressionMatch n = name.match(subplanName);
        return n.hasMatch() ? QStringList {n.captured(0) + QLatin1Char(')')} : QStringList();
    }
    QStringList out;
    for (const QString &p : m.captured(1).split(QLatin1Char(',')))
        out << p.trimmed();
    return out;
}

QString PlanMetrics::expressionText(const PlanNode &node)
{
    static const char *const keys[] = {"Filter", "Index Cond", "Recheck Cond", "Join Filter",
        "Hash Cond", "Merge Cond", "One-Time Filter", "TID Cond", "Order By", "Run Condition",
        "Output", "Sort Key", "Group Key", "Cache Key", "Function Call", "Params Evaluated"};
    QString text;
    const QJsonObject fields = node.fields();
    for (const char *key : keys) {
        const QJsonValue v = fields.value(QLatin1String(key));
        if (planHas(v))
            text += planString(v) + QLatin1Char('\n');
    }
    return text;
}

void PlanMetrics::derive(Plan &plan)
{
    const int count = int(plan.nodes.size());
    if (count == 0)
        return;
    deriveProcesses(plan);

    std::vector<double> time(count, 0);
    for (PlanNode &n : plan.nodes) {
        n.totalRows = n.actualRows * n.actualLoops;
        if (n.hasTiming)
            n.inclusiveMs = n.actualTotalMs * n.actualLoops / n.processes;
        time[n.id] = n.inclusiveMs;
        if (n.hasActual && !n.neverExecuted && n.hasCosts) {
            const double actual = n.actualRows;
            const double planned = n.planRows;
            n.misestimate = std::max(actual, planned) / std::max(std::min(actual, planned), 1.0);
            if (n.misestimate < 1)
                n.misestimate = 1;
            n.misestimateDirection = actual > planned ? 1 : (actual < planned ? -1 : 0);
        }
    }

    // Where each InitPlan's work went, judged by time.
    std::vector<double> raw(time);
    for (const PlanNode &n : plan.nodes)
        if (n.parent >= 0 && !n.isInitPlan())
            raw[n.parent] -= time[n.id];
    std::vector<int> owners(count, -1);
    for (const PlanNode &n : plan.nodes)
        if (n.isInitPlan() && !n.isCte() && n.parent >= 0) // a pasted root may be one
            owners[n.id] = initPlanOwner(plan, n, raw);

    const std::vector<double> exclusiveTime = exclusive(plan, time, owners);
    const double total = plan.totalMs();
    for (PlanNode &n : plan.nodes) {
        n.exclusiveMs = exclusiveTime[n.id];
        n.exclusivePercent = total > 0 ? 100.0 * n.exclusiveMs / total : 0;
    }

    for (int c = 0; c < PlanBuffers::CounterCount; ++c) {
        std::vector<double> values(count);
        for (const PlanNode &n : plan.nodes)
            values[n.id] = n.buffers.values[c];
        const std::vector<double> own = exclusive(plan, values, owners);
        for (PlanNode &n : plan.nodes)
            n.exclusiveBuffers.values[c] = own[n.id];
    }
}

} // namespace tusk::core
