#include "planstatistics.h"

#include "plan.h"

#include <QHash>

#include <algorithm>

namespace tusk::core {

namespace {

QString groupKey(const PlanNode &node, PlanStatistics::GroupBy by)
{
    switch (by) {
    case PlanStatistics::GroupBy::Table:
        if (node.relation.isEmpty())
            return {};
        return node.schema.isEmpty() ? node.relation : node.schema + u'.' + node.relation;
    case PlanStatistics::GroupBy::Index:
        return node.index;
    case PlanStatistics::GroupBy::NodeType:
        return node.nodeType;
    }
    return {};
}

} // namespace

QList<PlanGroupStats> PlanStatistics::group(const Plan &plan, GroupBy by)
{
    QList<PlanGroupStats> groups;
    QHash<QString, qsizetype> indexOf;
    for (const PlanNode &node : plan.nodes) {
        const QString key = groupKey(node, by);
        if (key.isEmpty())
            continue;
        auto found = indexOf.constFind(key);
        if (found == indexOf.constEnd()) {
            found = indexOf.insert(key, groups.size());
            groups.append(PlanGroupStats {key, {}, 0, 0, 0, 0, {}});
        }
        PlanGroupStats &stats = groups[*found];
        stats.nodes.append(node.id);
        stats.exclusiveMs += node.exclusiveMs;
        stats.exclusivePercent += node.exclusivePercent;
        stats.rows += node.totalRows;
        stats.planRows += node.planRows * std::max(node.actualLoops, 1.0);
        stats.buffers += node.exclusiveBuffers;
    }
    std::stable_sort(
        groups.begin(), groups.end(), [](const PlanGroupStats &a, const PlanGroupStats &b) {
            if (a.exclusiveMs != b.exclusiveMs)
                return a.exclusiveMs > b.exclusiveMs;
            return a.nodes.size() > b.nodes.size();
        });
    return groups;
}

QString PlanStatistics::groupByName(GroupBy by)
{
    switch (by) {
    case GroupBy::Table:
        return QStringLiteral("tables");
    case GroupBy::Index:
        return QStringLiteral("indexes");
    case GroupBy::NodeType:
        return QStringLiteral("node types");
    }
    return {};
}

} // namespace tusk::core
