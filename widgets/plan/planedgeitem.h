#pragma once

#include <QGraphicsItem>
#include <QPainterPath>
#include <QPen>

namespace tusk::widgets {

// A line of the graphical plan: from a parent's card down to a child's, as
// thick as the rows flowing up it (on a log scale); dashed into an InitPlan,
// SubPlan or CTE. A CTE link (dotted, violet) runs from a CTE Scan to the
// CTE it reads.
class PlanEdgeItem : public QGraphicsItem {
public:
    enum class Kind { Child, Subplan, CteLink };

    PlanEdgeItem(Kind kind, qreal width);
    void setEnds(const QRectF &from, const QRectF &to); // cards; null hides

    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    Kind m_kind;
    QPen m_pen;
    QPainterPath m_path;
};

} // namespace tusk::widgets
