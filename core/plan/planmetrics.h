#pragma once

#include "plan.h"

namespace tusk::core {

// Derives each node's own share of the work from EXPLAIN's inclusive
// figures: exclusive time corrected for loops and parallel workers, with CTE
// and InitPlan time moved to the nodes that spent it, exclusive buffers,
// misestimates and row totals. The formulas are in docs/plan-metrics.md.
namespace PlanMetrics {
void derive(Plan &plan);

// The parameters an InitPlan's label declares: "InitPlan 2 (returns $1,$2)"
// → "$1", "$2"; from PostgreSQL 17 on, "InitPlan 2" → "InitPlan 2".
QStringList initPlanParameters(const QString &subplanName);
// The node's expressions (conditions, filters, output) as one text.
QString expressionText(const PlanNode &node);
} // namespace PlanMetrics

} // namespace tusk::core
