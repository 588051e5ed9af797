#include "plangraphview.h"

#include "plannodeitem.h"
#include "planscene.h"

#include "core/plan/plan.h"
#include "core/plan/planvalue.h"

#include <QAccessible>
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
    setFocusPolicy(Qt::StrongFocus);
    describeNode(-1);
    connect(scene, &PlanScene::nodeSelected, this, &PlanGraphView::describeNode);
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
    case Qt::Key_Up:
    case Qt::Key_Down:
    case Qt::Key_Left:
    case Qt::Key_Right:
    case Qt::Key_Home:
        if (moveSelection(event->key()))
            return;
        break;
    case Qt::Key_Return:
    case Qt::Key_Enter:
        if (m_scene->selectedNode() >= 0) {
            emit nodeActivated(m_scene->selectedNode());
            return;
        }
        break;
    case Qt::Key_Space:
        if (m_scene->selectedNode() >= 0) {
            m_scene->toggleCollapsed(m_scene->selectedNode());
            return;
        }
        break;
    default:
        break;
    }
    QGraphicsView::keyPressEvent(event);
}

bool PlanGraphView::moveSelection(int key)
{
    const core::Plan *plan = m_scene->plan();
    if (!plan || plan->isEmpty())
        return false;
    const int at = m_scene->selectedNode();
    int next = at;
    if (at < 0 || key == Qt::Key_Home) {
        next = 0; // the first key picks the root
    } else {
        const core::PlanNode &node = plan->nodes.at(at);
        const QList<int> siblings =
            node.parent >= 0 ? plan->nodes.at(node.parent).children : QList<int> {};
        const qsizetype place = siblings.indexOf(at);
        if (key == Qt::Key_Up && node.parent >= 0)
            next = node.parent;
        else if (key == Qt::Key_Down && !node.children.isEmpty()) {
            m_scene->setCollapsed(at, false); // going in opens a folded card
            next = node.children.front();
        } else if (key == Qt::Key_Left && place > 0)
            next = siblings.at(place - 1);
        else if (key == Qt::Key_Right && place >= 0 && place + 1 < siblings.size())
            next = siblings.at(place + 1);
    }
    if (next == at)
        return true; // nowhere to go: the key is still the graph's
    m_scene->reveal(next);
    m_scene->selectNode(next);
    showNode(next);
    return true;
}

void PlanGraphView::describeNode(int id)
{
    // What a screen reader says for the card the keys moved to.
    const core::Plan *plan = m_scene->plan();
    if (!plan || id < 0 || id >= plan->nodes.size()) {
        setAccessibleDescription(tr("No node selected. Arrow keys move between nodes."));
        return;
    }
    const core::PlanNode &node = plan->nodes.at(id);
    QStringList parts {node.title()};
    if (node.hasTiming)
        parts << tr("own time %1, %2 % of the total")
                     .arg(core::planTimeText(node.exclusiveMs))
                     .arg(node.exclusivePercent, 0, 'f', 1);
    else if (node.hasCosts)
        parts << tr("cost %1").arg(node.totalCost, 0, 'f', 2);
    parts << tr("%n child node(s)", nullptr, int(node.children.size()));
    setAccessibleDescription(parts.join(QStringLiteral(", ")));
    QAccessibleEvent changed(this, QAccessible::DescriptionChanged);
    QAccessible::updateAccessibility(&changed);
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
