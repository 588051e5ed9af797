#pragma once

#include <QList>
#include <QRectF>

namespace tusk::core {
class Plan;
}

namespace tusk::widgets {

// Where each node's card goes in the graphical plan: a top-down tree, each
// parent centred over its children, subtrees side by side. Linear in the
// number of nodes and without recursion, so a 10,000-node plan lays out in
// milliseconds. Nodes inside a collapsed subtree get a null rectangle.
struct PlanLayout {
    static constexpr qreal cardWidth = 236;
    static constexpr qreal cardHeight = 92;
    static constexpr qreal horizontalGap = 26;
    static constexpr qreal verticalGap = 58;

    QList<QRectF> cards; // by node id
    QRectF bounds;

    // `collapsed[id]`: the node's children are hidden.
    static PlanLayout compute(const core::Plan &plan, const QList<bool> &collapsed);
};

} // namespace tusk::widgets
