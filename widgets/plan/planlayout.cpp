#include "planlayout.h"

#include "core/plan/plan.h"

#include <algorithm>

namespace tusk::widgets {

PlanLayout PlanLayout::compute(const core::Plan &plan, const QList<bool> &collapsed)
{
    PlanLayout layout;
    const int count = int(plan.nodes.size());
    layout.cards.resize(count);
    if (count == 0)
        return layout;

    // Which nodes show: not below a collapsed node. Parents come before
    // their children in pre-order, so one forward pass decides.
    QList<bool> visible(count, false);
    visible[0] = true;
    for (int id = 1; id < count; ++id) {
        const int parent = plan.nodes.at(id).parent;
        visible[id] = visible.at(parent) && !collapsed.value(parent);
    }
    auto shownChildren = [&](int id) {
        return collapsed.value(id) ? 0 : int(plan.nodes.at(id).children.size());
    };

    // Subtree widths, children before parents: reverse pre-order.
    QList<qreal> width(count, 0);
    for (int id = count - 1; id >= 0; --id) {
        if (!visible.at(id))
            continue;
        qreal children = 0;
        const int shown = shownChildren(id);
        for (int i = 0; i < shown; ++i)
            children += width.at(plan.nodes.at(id).children.at(i));
        if (shown > 1)
            children += horizontalGap * (shown - 1);
        width[id] = std::max(cardWidth, children);
    }

    // Left edges of subtrees, parents before children.
    QList<qreal> left(count, 0);
    qreal bottom = 0;
    for (int id = 0; id < count; ++id) {
        if (!visible.at(id))
            continue;
        const core::PlanNode &node = plan.nodes.at(id);
        const int shown = shownChildren(id);
        qreal childrenWidth = shown > 1 ? horizontalGap * (shown - 1) : 0;
        for (int i = 0; i < shown; ++i)
            childrenWidth += width.at(node.children.at(i));
        qreal x = left.at(id) + (width.at(id) - childrenWidth) / 2;
        for (int i = 0; i < shown; ++i) {
            const int child = node.children.at(i);
            left[child] = x;
            x += width.at(child) + horizontalGap;
        }
        const qreal y = node.depth * (cardHeight + verticalGap);
        layout.cards[id] =
            QRectF(left.at(id) + (width.at(id) - cardWidth) / 2, y, cardWidth, cardHeight);
        bottom = std::max(bottom, y + cardHeight);
    }
    layout.bounds = QRectF(0, 0, width.at(0), bottom);
    return layout;
}

} // namespace tusk::widgets
