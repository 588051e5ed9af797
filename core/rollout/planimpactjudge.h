#pragma once

#include "core/plan/plan.h"

#include <QStringList>

namespace tusk::core {

// How a query's plan changes across a migration (issue 25, point 6), from
// the two plans alone: the scans that lost an index (a Seq Scan where an
// Index, Index Only or Bitmap scan of the same table was: the change that
// turns a fast query into an outage) and those that gained one, and the
// estimated cost before and after. `score` orders a list worst first.
struct ImpactVerdict {
    double costBefore = 0;
    double costAfter = 0;
    QStringList worse; // "Seq Scan on shop.orders replaces Index Scan using orders_customer_idx"
    QStringList better;
    bool costGrew = false; // by more than the factor asked
    double score = 0;

    double ratio() const { return costBefore > 0 ? costAfter / costBefore : 1; }
    bool isWorse() const { return !worse.isEmpty() || costGrew; }
};

class PlanImpactJudge {
public:
    // `factor`: a total cost that grows by more than this counts as worse
    // (the user sets it; 2 by default).
    static ImpactVerdict judge(const Plan &before, const Plan &after, double factor = 2.0);
    // "Index Scan using orders_customer_idx on shop.orders"
    static QString scanText(const PlanNode &node);
    static bool usesIndex(const PlanNode &node);
};

} // namespace tusk::core
