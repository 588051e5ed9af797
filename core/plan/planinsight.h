#pragma once

#include "core/support/severity.h"

#include <QList>
#include <QString>

namespace tusk::core {

class Plan;

// Something in a plan worth a DBA's attention, pointing at its node.
struct PlanInsight {
    enum class Kind {
        SlowNode, // among the nodes with the most exclusive time
        Misestimate, // actual rows ≥ 10× off the estimate
        FilterRemovesRows, // a filter throws away ≥ 90 % of what was read
        Spill, // sort, hash or aggregate went to disk
        NestedLoopSeqScan, // a Seq Scan repeated by a nested loop
        LossyBitmap, // bitmap heap scan degraded to whole pages
        WorkersNotLaunched, // fewer parallel workers than planned
        HeapFetches, // index-only scan visiting the heap
    };
    Kind kind = Kind::SlowNode;
    Severity severity = Severity::Warning;
    int node = -1;
    QString title; // one line
    QString detail; // why, and what to do
    double impactMs = 0; // for ordering: the time at stake, when known

    static QString kindName(Kind kind); // "misestimate", "filter-removes-rows", …
    // "info", "warning", "critical": the words plan tools use.
    static QString severityName(Severity severity);
};

// Finds the insights of a plan whose metrics are derived, most costly first.
namespace PlanInsights {
QList<PlanInsight> find(const Plan &plan, int slowNodes = 3);
// Columns a filter compares, for an index suggestion: equality first.
QStringList filterColumns(const QString &filter);
} // namespace PlanInsights

} // namespace tusk::core
