#include "plangraphview.h"

#include "plannodeitem.h"
#include "planscene.h"

#include <QKeyEvent>
#include <QScrollBar>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace tusk::widgets {

namespace {
constexpr qreal minimumZoom = 0.02;
constexpr qreal maximumZoom = 4;
constexpr qreal readableZoom = 0.6;
} // namespace

PlanGraphView::PlanGraphView(PlanScene *scene, QWidget *parent)
    : QGraphicsView(scene, parent)
    , m_scene(scene)
{
    setDragMode(QGraphicsView::ScrollHandDrag);
    setTransformationAnchor(QGraphicsView::NoAnchor);
    setResizeAnchor(QGraphicsView::AnchorViewCenter);
    // Cards are opaque and cheap to repaint; repaint only what changed.
    setViewportUpdateMode(QGraphicsView::MinimalViewportUpdate);
    setOptimizationFlags(
        QGraphicsView::DontSavePainterState | QGraphicsView::DontAdjustForAntialiasing);
    setCacheMode(QGraphicsView::CacheNone);
    setAccessibleName(tr("Graphical plan"));
}

qreal PlanGraphView::zoom() const
{
    return transform().m11();
}

void PlanGraphView::setZoom(qreal zoom)
{
    m_autoFit = false;
    const qreal z = std::clamp(zoom, minimumZoom, maximumZoom);
    const QPointF center = mapToScene(viewport()->rect().center());
    setTransform(QTransform::fromScale(z, z));
    centerOn(center);
    emit zoomChanged(z);
}

void PlanGraphView::zoomBy(qreal factor, const QPointF &anchorInView)
{
    m_autoFit = false;
    const qreal target = std::clamp(zoom() * factor, minimumZoom, maximumZoom);
    const QPointF before = mapToScene(anchorInView.toPoint());
    setTransform(QTransform::fromScale(target, target));
    const QPointF after = mapToScene(anchorInView.toPoint());
    const QPointF shift = (after - before) * target;
    horizontalScrollBar()->setValue(horizontalScrollBar()->value() - int(shift.x()));
    verticalScrollBar()->setValue(verticalScrollBar()->value() - int(shift.y()));
    emit zoomChanged(target);
}

void PlanGraphView::zoomIn()
{
    zoomBy(1.25, viewport()->rect().center());
}

void PlanGraphView::zoomOut()
{
    zoomBy(0.8, viewport()->rect().center());
}

void PlanGraphView::fit()
{
    m_autoFit = true;
    if (!m_scene || m_scene->layout().bounds.isEmpty())
        return;
    const QRectF bounds = m_scene->layout().bounds.adjusted(-20, -20, 20, 20);
    const qreal z = std::clamp(
        std::min(viewport()->width() / bounds.width(), viewport()->height() / bounds.height()),
        minimumZoom, 1.0);
    setTransform(QTransform::fromScale(z, z));
    // A plan wider than the view starts at its root, not its middle.
    centerOn(bounds.width() * z > viewport()->width() ? m_scene->layout().cards.value(0).center()
                                                      : bounds.center());
    if (bounds.height() * z > viewport()->height())
        verticalScrollBar()->setValue(verticalScrollBar()->minimum());
    emit zoomChanged(z);
}

void PlanGraphView::actualSize()
{
    setZoom(1);
}

void PlanGraphView::showNode(int id)
{
    m_autoFit = false;
    if (!m_scene)
        return;
    m_scene->reveal(id);
    const QRectF card = m_scene->layout().cards.value(id);
    if (card.isNull())
        return;
    if (zoom() < readableZoom)
        setTransform(QTransform::fromScale(readableZoom, readableZoom));
    centerOn(card.center());
    emit zoomChanged(zoom());
}

void PlanGraphView::resizeEvent(QResizeEvent *event)
{
    QGraphicsView::resizeEvent(event);
    if (m_autoFit)
        fit();
}

void PlanGraphView::wheelEvent(QWheelEvent *event)
{
    if (event->modifiers() & Qt::ShiftModifier) {
        QGraphicsView::wheelEvent(event); // scroll sideways
        return;
    }
    const qreal steps = event->angleDelta().y() / 120.0;
    if (steps != 0)
        zoomBy(std::pow(1.15, steps), event->position());
    event->accept();
}

void PlanGraphView::keyPressEvent(QKeyEvent *event)
{
    switch (event->key()) {
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        zoomIn();
        return;
    case Qt::Key_Minus:
        zoomOut();
        return;
    case Qt::Key_0:
        actualSize();
        return;
    case Qt::Key_F:
        fit();
        return;
    default:
        QGraphicsView::keyPressEvent(event);
    }
}

void PlanGraphView::mouseDoubleClickEvent(QMouseEvent *event)
{
    if (auto *item = dynamic_cast<PlanNodeItem *>(itemAt(event->position().toPoint()))) {
        m_scene->toggleCollapsed(item->nodeId());
        event->accept();
        return;
    }
    QGraphicsView::mouseDoubleClickEvent(event);
}

} // namespace tusk::widgets
