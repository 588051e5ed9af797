#pragma once

#include <QPointF>
#include <QRectF>

class QPainter;

namespace tusk::widgets {

// A line of the graphical plan: from a parent's card down to a child's, as
// thick as the rows flowing up it (on a log scale); dashed into an InitPlan,
// SubPlan or CTE. A CTE link (dotted, violet) runs from a CTE Scan to the
// CTE it reads.
//
// Edges are values the scene draws behind the cards, not QGraphicsItems:
// 10,000 edge items with their paths cost about 40 MB, made the scene's
// index several times slower to update on folding, and doubled the frame
// time when zoomed out (bench_plan).
struct PlanEdge {
    enum class Kind { Child, Subplan, CteLink };

    Kind kind = Kind::Child;
    int from = 0; // the upper card (parent, or CTE Scan of a link)
    int to = 0; // the lower card (child, or the CTE's root)
    qreal width = 1;

    // What the curve between the two cards can cover (its control points'
    // box, grown by the pen); null when a card is hidden.
    QRectF bounds(const QRectF &fromCard, const QRectF &toCard) const;
    // Draws the curve; far out (level of detail < 0.35) as a thin line.
    void paint(QPainter *painter, const QRectF &fromCard, const QRectF &toCard, qreal lod) const;

private:
    struct Curve {
        QPointF start, control1, control2, end;
    };
    Curve curve(const QRectF &fromCard, const QRectF &toCard) const;
};

} // namespace tusk::widgets
