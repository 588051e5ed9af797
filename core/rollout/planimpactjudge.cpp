#include "planimpactjudge.h"

#include "core/plan/plancomparison.h"

namespace tusk::core {

bool PlanImpactJudge::usesIndex(const PlanNode &node)
{
    return node.nodeType == QLatin1String("Index Scan")
        || node.nodeType == QLatin1String("Index Only Scan")
        || node.nodeType == QLatin1String("Bitmap Heap Scan")
        || node.nodeType == QLatin1String("Bitmap Index Scan");
}

QString PlanImpactJudge::scanText(const PlanNode &node)
{
    QString text = node.nodeType;
    if (!node.index.isEmpty())
        text += QStringLiteral(" using ") + node.index;
    if (!node.relation.isEmpty())
        text += QStringLiteral(" on ")
            + (node.schema.isEmpty() ? node.relation
                                     : node.schema + QLatin1Char('.') + node.relation);
    return text;
}

namespace {
// The table a bitmap index scan reads for: its parent Bitmap Heap Scan's.
QString tableOf(const Plan &plan, const PlanNode &node)
{
    if (!node.relation.isEmpty() || node.parent < 0)
        return node.relation;
    const PlanNode &up = plan.nodes.at(node.parent);
    if (up.nodeType == QLatin1String("Bitmap Heap Scan")
        || up.nodeType == QLatin1String("BitmapAnd") || up.nodeType == QLatin1String("BitmapOr"))
        return tableOf(plan, up);
    return {};
}
} // namespace

ImpactVerdict PlanImpactJudge::judge(const Plan &before, const Plan &after, double factor)
{
    ImpactVerdict v;
    if (before.isEmpty() || after.isEmpty())
        return v;
    v.costBefore = before.root().totalCost;
    v.costAfter = after.root().totalCost;
    v.costGrew = v.costBefore > 0 && v.costAfter > v.costBefore * factor;

    // Per table: the index scans before, the sequential scans after (and
    // the reverse). Matching by table rather than by node keeps a scan
    // that moved in the tree (under a new join) from hiding.
    QHash<QString, QStringList> indexedBefore, indexedAfter, seqBefore, seqAfter;
    const auto collect = [](const Plan &plan, QHash<QString, QStringList> &indexed,
                             QHash<QString, QStringList> &seq) {
        for (const PlanNode &n : plan.nodes) {
            const QString table = tableOf(plan, n);
            if (table.isEmpty() || n.nodeType == QLatin1String("Bitmap Heap Scan"))
                continue; // a heap scan's index is its Bitmap Index Scan child's
            if (usesIndex(n))
                indexed[table] << scanText(n)
                        + (n.relation.isEmpty() ? QStringLiteral(" on ") + table : QString());
            else if (n.nodeType == QLatin1String("Seq Scan")
                || n.nodeType == QLatin1String("Parallel Seq Scan"))
                seq[table] << scanText(n);
        }
    };
    collect(before, indexedBefore, seqBefore);
    collect(after, indexedAfter, seqAfter);
    for (auto it = seqAfter.begin(); it != seqAfter.end(); ++it) {
        if (indexedBefore.contains(it.key()) && !indexedAfter.contains(it.key()))
            v.worse << QStringLiteral("%1 replaces %2")
                           .arg(it.value().first(), indexedBefore.value(it.key()).first());
    }
    for (auto it = indexedAfter.begin(); it != indexedAfter.end(); ++it) {
        if (seqBefore.contains(it.key()) && !indexedBefore.contains(it.key()))
            v.better << QStringLiteral("%1 replaces %2")
                            .arg(it.value().first(), seqBefore.value(it.key()).first());
    }
    // The node pairs also say when a node changed strategy with no table
    // (a hash join that became a nested loop over a seq scan shows above).
    const PlanComparison comparison(before, after);
    v.score = double(v.worse.size()) * 1000.0 + (v.costGrew ? 100.0 : 0.0) + v.ratio()
        - double(v.better.size()) * 10.0 + double(comparison.changedCount()) * 0.01;
    return v;
}

} // namespace tusk::core
