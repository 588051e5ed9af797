#include "planedgeitem.h"

#include <QPainter>
#include <QStyleOptionGraphicsItem>

namespace tusk::widgets {

PlanEdgeItem::PlanEdgeItem(Kind kind, qreal width)
    : m_kind(kind)
{
    setZValue(-1);
    setAcceptedMouseButtons(Qt::NoButton);
    switch (kind) {
    case Kind::Child:
        m_pen = QPen(QColor(0x9a, 0xa0, 0xa6), width, Qt::SolidLine, Qt::FlatCap);
        break;
    case Kind::Subplan:
        m_pen =
            QPen(QColor(0x6f, 0x42, 0xc1), std::max<qreal>(1.5, width), Qt::DashLine, Qt::FlatCap);
        break;
    case Kind::CteLink:
        m_pen = QPen(QColor(0x8e, 0x6b, 0xd8), 1.5, Qt::DotLine, Qt::RoundCap);
        break;
    }
}

void PlanEdgeItem::setEnds(const QRectF &from, const QRectF &to)
{
    prepareGeometryChange();
    m_path = QPainterPath();
    if (from.isNull() || to.isNull()) {
        setVisible(false);
        return;
    }
    setVisible(true);
    if (m_kind == Kind::CteLink) {
        // From the scan's right side, arching over to the CTE's card.
        const QPointF start(from.right(), from.center().y());
        const QPointF end(to.center().x(), to.top());
        const qreal lift = std::max<qreal>(60, std::abs(end.x() - start.x()) / 4);
        m_path.moveTo(start);
        m_path.cubicTo(start + QPointF(lift, 0), end - QPointF(0, lift), end);
        return;
    }
    const QPointF start(from.center().x(), from.bottom());
    const QPointF end(to.center().x(), to.top());
    const qreal bend = (end.y() - start.y()) / 2;
    m_path.moveTo(start);
    m_path.cubicTo(start + QPointF(0, bend), end - QPointF(0, bend), end);
}

QRectF PlanEdgeItem::boundingRect() const
{
    const qreal grow = m_pen.widthF() / 2 + 1;
    return m_path.boundingRect().adjusted(-grow, -grow, grow, grow);
}

void PlanEdgeItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *)
{
    const qreal lod = option->levelOfDetailFromTransform(painter->worldTransform());
    if (lod < 0.35 && m_kind == Kind::Child) { // far out: straight and thin
        painter->setPen(QPen(m_pen.color(), 0));
        painter->drawLine(m_path.pointAtPercent(0), m_path.pointAtPercent(1));
        return;
    }
    painter->setRenderHint(QPainter::Antialiasing, lod > 0.6);
    painter->setPen(m_pen);
    painter->setBrush(Qt::NoBrush);
    painter->drawPath(m_path);
}

} // namespace tusk::widgets
