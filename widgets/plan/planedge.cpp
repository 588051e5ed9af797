#include "planedge.h"

#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>

namespace tusk::widgets {

namespace {
QPen penFor(PlanEdge::Kind kind, qreal width)
{
    switch (kind) {
    case PlanEdge::Kind::Child:
        return QPen(QColor(0x9a, 0xa0, 0xa6), width, Qt::SolidLine, Qt::FlatCap);
    case PlanEdge::Kind::Subplan:
        return QPen(
            QColor(0x6f, 0x42, 0xc1), std::max<qreal>(1.5, width), Qt::DashLine, Qt::FlatCap);
    case PlanEdge::Kind::CteLink:
        break;
    }
    return QPen(QColor(0x8e, 0x6b, 0xd8), 1.5, Qt::DotLine, Qt::RoundCap);
}
} // namespace

PlanEdge::Curve PlanEdge::curve(const QRectF &fromCard, const QRectF &toCard) const
{
    if (kind == Kind::CteLink) {
        // From the scan's right side, arching over to the CTE's card.
        const QPointF start(fromCard.right(), fromCard.center().y());
        const QPointF end(toCard.center().x(), toCard.top());
        const qreal lift = std::max<qreal>(60, std::abs(end.x() - start.x()) / 4);
        return {start, start + QPointF(lift, 0), end - QPointF(0, lift), end};
    }
    const QPointF start(fromCard.center().x(), fromCard.bottom());
    const QPointF end(toCard.center().x(), toCard.top());
    const qreal bend = (end.y() - start.y()) / 2;
    return {start, start + QPointF(0, bend), end - QPointF(0, bend), end};
}

QRectF PlanEdge::bounds(const QRectF &fromCard, const QRectF &toCard) const
{
    if (fromCard.isNull() || toCard.isNull())
        return {};
    const Curve c = curve(fromCard, toCard);
    const auto [left, right] =
        std::minmax({c.start.x(), c.control1.x(), c.control2.x(), c.end.x()});
    const auto [top, bottom] =
        std::minmax({c.start.y(), c.control1.y(), c.control2.y(), c.end.y()});
    const qreal grow = std::max<qreal>(1.5, width) / 2 + 1;
    return QRectF(QPointF(left, top), QPointF(right, bottom)).adjusted(-grow, -grow, grow, grow);
}

void PlanEdge::paint(
    QPainter *painter, const QRectF &fromCard, const QRectF &toCard, qreal lod) const
{
    const Curve c = curve(fromCard, toCard);
    const QPen pen = penFor(kind, width);
    if (lod < 0.35 && kind == Kind::Child) { // far out: straight and thin
        painter->setPen(QPen(pen.color(), 0));
        painter->drawLine(c.start, c.end);
        return;
    }
    painter->setRenderHint(QPainter::Antialiasing, lod > 0.6);
    painter->setPen(pen);
    painter->setBrush(Qt::NoBrush);
    QPainterPath path(c.start);
    path.cubicTo(c.control1, c.control2, c.end);
    painter->drawPath(path);
}

} // namespace tusk::widgets
