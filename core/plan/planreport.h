#pragma once

#include "plan.h"
#include "planinsight.h"

#include <QJsonObject>
#include <QString>

namespace tusk::core {

class PlanComparison;

// What `tusk plan` prints: the tree with each node's own time, and the
// insights (text), or the documented JSON document.
namespace PlanReport {
QString text(const Plan &plan, const QList<PlanInsight> &insights, int top);
QJsonObject json(const Plan &plan, const QList<PlanInsight> &insights);
QJsonObject nodeJson(const PlanNode &node);

QString comparisonText(const PlanComparison &comparison);
QJsonObject comparisonJson(const PlanComparison &comparison);
} // namespace PlanReport

} // namespace tusk::core
