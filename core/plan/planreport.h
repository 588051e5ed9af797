#pragma once

#include "plan.h"
#include "planinsight.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace tusk::core {

class PlanComparison;

// What `tusk plan` prints: the tree with each node's own time, and the
// insights (text), or the documented JSON document.
namespace PlanReport {
QString text(const Plan &plan, const QList<PlanInsight> &insights, int top);
QJsonObject json(const Plan &plan, const QList<PlanInsight> &insights);
QJsonObject nodeJson(const PlanNode &node);
// What PostgreSQL 17's MEMORY and SERIALIZE options add to the summary, one
// line each ("Planning memory: 21 kB used, 32 kB allocated"); empty without.
QStringList newerSummary(const Plan &plan);

QString comparisonText(const PlanComparison &comparison);
QJsonObject comparisonJson(const PlanComparison &comparison);
} // namespace PlanReport

} // namespace tusk::core
