#pragma once

#include "planbuffers.h"

#include <QList>
#include <QString>

namespace tusk::core {

class Plan;

// Where a plan's time goes, summed per table, per index or per node type,
// like PEV2's statistics tab: a table read by three scans shows once, with
// the time and blocks of all three.
struct PlanGroupStats {
    QString name; // "shop.orders", "orders_pkey", "Seq Scan"
    QList<int> nodes; // the nodes in the group, in plan order
    double exclusiveMs = 0;
    double exclusivePercent = 0;
    double rows = 0; // actual rows over all loops
    double planRows = 0; // estimated rows over all loops, summed over the nodes
    PlanBuffers buffers; // exclusive
};

namespace PlanStatistics {
enum class GroupBy { Table, Index, NodeType };
// The groups, most exclusive time first (most nodes first without timing).
QList<PlanGroupStats> group(const Plan &plan, GroupBy by);
QString groupByName(GroupBy by); // "tables", "indexes", "node types"
} // namespace PlanStatistics

} // namespace tusk::core
