#pragma once

#include "plan.h"

#include <QList>

namespace tusk::core {

// Two plans of the same query side by side: which node of one is which node
// of the other, and how time, rows and buffers moved. Nodes are matched
// top-down: children in order, preferring the same relation or index, then
// the same node type, then the same place, so a Seq Scan that became an
// Index Scan on the same table is one "changed" pair rather than a removal
// and an addition.
class PlanComparison {
public:
    struct Pair {
        int before = -1; // node id in the first plan, -1: added
        int after = -1; // node id in the second plan, -1: removed
        bool typeChanged = false; // the node type (or its strategy) differs
    };

    PlanComparison(const Plan &before, const Plan &after);

    const QList<Pair> &pairs() const { return m_pairs; }
    // The pair of a node of either plan.
    int pairOfBefore(int node) const { return m_beforePair.value(node, -1); }
    int pairOfAfter(int node) const { return m_afterPair.value(node, -1); }

    const Plan &before() const { return m_before; }
    const Plan &after() const { return m_after; }
    int changedCount() const;
    int addedCount() const;
    int removedCount() const;

    // What nodes are compared by. Their own time needs both plans run with
    // ANALYZE and timing; otherwise (plain EXPLAIN, the what-if and impact
    // comparisons) the planner's numbers are all there is: total cost and
    // estimated rows, never a column of zero milliseconds.
    bool byCost() const { return !m_before.hasTiming() || !m_after.hasTiming(); }
    double measureOf(const PlanNode &node) const;
    double rowsOf(const PlanNode &node) const;
    // Execution time, or the root's total cost when byCost().
    double totalOf(const Plan &plan) const;

private:
    void match(int before, int after);
    static int similarity(const PlanNode &a, const PlanNode &b, int positionA, int positionB);

    const Plan &m_before;
    const Plan &m_after;
    QList<Pair> m_pairs;
    QList<int> m_beforePair;
    QList<int> m_afterPair;
};

} // namespace tusk::core
