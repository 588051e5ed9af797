#pragma once

#include "plan.h"
#include "planparseerror.h"

#include <QJsonObject>
#include <QList>

namespace tusk::core {

// One node as a reader found it: its fields under the JSON key names of
// EXPLAIN (FORMAT JSON), without "Plans", and its place in the tree.
struct RawPlanNode {
    QJsonObject fields;
    int parent = -1;
    int depth = 0;
};

// Turns what a reader produced into a Plan. Values may be numbers or strings
// (XML has only strings), so the typed fields come out the same whichever
// format the plan was read from.
class PlanBuilder {
public:
    // `top` is one element of EXPLAIN (FORMAT JSON)'s array: "Plan", "Planning
    // Time", "Triggers", …. Fails (error set, empty plan) without a "Plan".
    static Plan build(const QJsonObject &top, PlanParseError *error);
    // `nodes` in pre-order; `summary` holds the top-level keys except "Plan".
    static Plan build(const QList<RawPlanNode> &nodes, const QJsonObject &summary);

    // Flattens a "Plan" object and its "Plans" arrays, without recursion.
    static QList<RawPlanNode> flatten(const QJsonObject &plan);
};

} // namespace tusk::core
