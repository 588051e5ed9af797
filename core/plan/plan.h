#pragma once

#include "planbuffers.h"
#include "planformat.h"
#include "plannode.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace tusk::core {

struct PlanTrigger {
    QString name;
    QString relation;
    double timeMs = 0;
    double calls = 0;
};

// A whole EXPLAIN result: the node tree flattened in pre-order (a node's
// subtree is the contiguous run after it), the summary around it, and the
// original text. Built by PlanReader, completed by PlanMetrics.
class Plan {
public:
    QList<PlanNode> nodes; // pre-order; nodes[0] is the root
    PlanFormat format = PlanFormat::Json;
    // The text the plan was read from, in UTF-8: half the size of a QString
    // on a 30 MB plan of 10,000 nodes.
    QByteArray source;
    QString queryText; // auto_explain's "Query Text", when given

    double planningMs = -1; // -1: not reported
    double executionMs = -1;
    bool hasPlanningBuffers = false;
    PlanBuffers planningBuffers;
    QList<PlanTrigger> triggers;
    QJsonObject jit; // "Functions", "Options", "Timing" as in JSON
    QJsonObject settings; // name → value
    QJsonObject summary; // every top-level key except "Plan"

    bool isEmpty() const { return nodes.isEmpty(); }
    const PlanNode &root() const { return nodes.front(); }
    bool analyzed() const { return !nodes.isEmpty() && nodes.front().hasActual; }
    bool hasTiming() const;
    // The id one past the node's subtree.
    int subtreeEnd(int id) const;
    // Execution time if reported, else the root's inclusive time.
    double totalMs() const;
    double jitMs() const; // "Timing" → "Total", 0 without JIT
};

} // namespace tusk::core
