#include "plannodeitem.h"

#include "planheat.h"
#include "planlayout.h"
#include "planscene.h"

#include "core/plan/plannode.h"
#include "core/plan/planvalue.h"

#include <QGraphicsSceneMouseEvent>
#include <QPainter>
#include <QStyleOptionGraphicsItem>

namespace tusk::widgets {

using namespace tusk::core;

namespace {
constexpr qreal radius = 6;
constexpr qreal padding = 9;
constexpr qreal toggleSize = 16;
constexpr qreal subplanTagHeight = 16;
} // namespace

PlanNodeItem::PlanNodeItem(PlanScene *scene, const PlanNode &node, bool timing, int insightCount)
    : m_scene(scene)
    , m_id(node.id)
    , m_title(node.label())
    , m_target(node.target().isEmpty() ? node.keyText : node.target())
    , m_subplan(node.subplanName)
    , m_hasChildren(!node.children.isEmpty())
    , m_insights(insightCount)
{
    setFlag(ItemIsSelectable);
    setAcceptedMouseButtons(Qt::LeftButton);
    setCursor(Qt::PointingHandCursor);
    m_fill = timing ? PlanHeat::forShare(node.exclusivePercent) : QColor(0xf4, 0xf6, 0xf8);
    if (node.neverExecuted) {
        m_timeLine = QObject::tr("never executed");
        m_fill = QColor(0xfa, 0xfa, 0xfa);
    } else if (timing) {
        m_timeLine = QObject::tr("self %1 · %2 %")
                         .arg(planTimeText(node.exclusiveMs))
                         .arg(node.exclusivePercent, 0, 'f', 1);
    } else {
        m_timeLine = QObject::tr("cost %1").arg(node.totalCost, 0, 'f', 2);
    }
    if (node.hasActual && !node.neverExecuted)
        m_rowsLine = QObject::tr("rows %1 of %2 est.")
                         .arg(planCountText(node.actualRows), planCountText(node.planRows));
    else
        m_rowsLine = QObject::tr("%1 rows est.").arg(planCountText(node.planRows));
    if (node.actualLoops > 1)
        m_rowsLine += QObject::tr(" × %1").arg(planCountText(node.actualLoops));
    if (node.misestimateDirection != 0 && node.misestimate >= 2) {
        m_badge = (node.misestimateDirection > 0 ? QStringLiteral("↑") : QStringLiteral("↓"))
            + QString::number(node.misestimate, 'f', 0) + QStringLiteral("×");
        m_badgeColor = PlanHeat::misestimate(node.misestimate);
    }
}

void PlanNodeItem::setCollapsed(bool collapsed, int hiddenCount)
{
    m_collapsed = collapsed;
    m_hiddenCount = hiddenCount;
    update();
}

void PlanNodeItem::setMatched(bool matched)
{
    if (m_matched == matched)
        return;
    m_matched = matched;
    update();
}

void PlanNodeItem::setEmphasis(const QColor &color)
{
    m_emphasis = color;
    update();
}

QRectF PlanNodeItem::boundingRect() const
{
    const qreal top = m_subplan.isEmpty() ? -3 : -subplanTagHeight - 3;
    return QRectF(
        -3, top, PlanLayout::cardWidth + 6, PlanLayout::cardHeight - top + toggleSize / 2 + 3);
}

QRectF PlanNodeItem::toggleRect() const
{
    return QRectF((PlanLayout::cardWidth - toggleSize) / 2, PlanLayout::cardHeight - toggleSize / 2,
        toggleSize, toggleSize);
}

void PlanNodeItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *)
{
    const QRectF card(0, 0, PlanLayout::cardWidth, PlanLayout::cardHeight);
    const qreal lod = option->levelOfDetailFromTransform(painter->worldTransform());
    QColor border = isSelected() ? QColor(0x1a, 0x73, 0xe8) : QColor(0xb0, 0xb5, 0xba);
    if (m_emphasis.isValid())
        border = m_emphasis;
    if (lod < 0.35) { // far out: a block of the card's colour is all one sees
        painter->fillRect(card, m_fill);
        if (isSelected() || m_matched || m_emphasis.isValid())
            painter->fillRect(card.adjusted(0, 0, 0, -card.height() * 0.7),
                m_matched ? QColor(0xfb, 0xbc, 0x04) : border);
        return;
    }
    painter->setRenderHint(QPainter::Antialiasing, lod > 0.6);
    if (!m_subplan.isEmpty()) {
        QFont tag = painter->font();
        tag.setItalic(true);
        tag.setPointSizeF(tag.pointSizeF() * 0.9);
        painter->setFont(tag);
        painter->setPen(QColor(0x6f, 0x42, 0xc1));
        painter->drawText(QRectF(2, -subplanTagHeight - 2, card.width() - 4, subplanTagHeight),
            Qt::AlignLeft | Qt::AlignBottom,
            QFontMetrics(tag).elidedText(m_subplan, Qt::ElideRight, int(card.width() - 4)));
    }
    QPen pen(border, isSelected() || m_emphasis.isValid() ? 2.5 : 1);
    if (m_matched)
        pen = QPen(QColor(0xfb, 0xbc, 0x04), 3);
    painter->setPen(pen);
    painter->setBrush(m_fill);
    painter->drawRoundedRect(card, radius, radius);

    const QColor text = PlanHeat::textOn(m_fill);
    const QColor muted = text == Qt::white ? QColor(0xf1, 0xf3, 0xf4) : QColor(0x5f, 0x63, 0x68);
    QFont font = painter->font();
    font.setItalic(false);
    QFont bold = font;
    bold.setBold(true);
    const qreal width = card.width() - 2 * padding;
    const QFontMetricsF boldMetrics(bold);
    const QFontMetricsF metrics(font);
    const qreal line = metrics.height() + 2;
    qreal y = padding;

    painter->setFont(bold);
    painter->setPen(text);
    qreal titleWidth = width - (m_insights > 0 ? 22 : 0);
    painter->drawText(QRectF(padding, y, titleWidth, line), Qt::AlignLeft | Qt::AlignVCenter,
        boldMetrics.elidedText(m_title, Qt::ElideRight, titleWidth));
    if (m_insights > 0) { // a small warning mark: this node has insights
        const QRectF mark(card.width() - padding - 16, y + 1, 16, 14);
        QPolygonF triangle(
            {QPointF(mark.center().x(), mark.top()), mark.bottomRight(), mark.bottomLeft()});
        painter->setPen(Qt::NoPen);
        painter->setBrush(QColor(0xe3, 0x74, 0x00));
        painter->drawPolygon(triangle);
        painter->setPen(Qt::white);
        painter->drawText(mark.adjusted(0, 3, 0, 0), Qt::AlignCenter, QStringLiteral("!"));
    }
    y += line;
    painter->setFont(font);
    painter->setPen(muted);
    painter->drawText(QRectF(padding, y, width, line), Qt::AlignLeft | Qt::AlignVCenter,
        metrics.elidedText(m_target, Qt::ElideMiddle, width));
    y += line;
    painter->setPen(text);
    painter->drawText(
        QRectF(padding, y, width, line), Qt::AlignLeft | Qt::AlignVCenter, m_timeLine);
    y += line;
    qreal badgeWidth = 0;
    if (!m_badge.isEmpty()) {
        badgeWidth = boldMetrics.horizontalAdvance(m_badge) + 10;
        const QRectF pill(card.width() - padding - badgeWidth, y + 1, badgeWidth, line - 2);
        painter->setPen(Qt::NoPen);
        painter->setBrush(m_badgeColor);
        painter->drawRoundedRect(pill, pill.height() / 2, pill.height() / 2);
        painter->setFont(bold);
        painter->setPen(Qt::white);
        painter->drawText(pill, Qt::AlignCenter, m_badge);
        painter->setFont(font);
    }
    painter->setPen(muted);
    painter->drawText(QRectF(padding, y, width - badgeWidth - 4, line),
        Qt::AlignLeft | Qt::AlignVCenter,
        metrics.elidedText(m_rowsLine, Qt::ElideRight, width - badgeWidth - 4));

    if (m_hasChildren) {
        const QRectF toggle = toggleRect();
        painter->setPen(QPen(QColor(0x80, 0x86, 0x8b), 1));
        painter->setBrush(Qt::white);
        painter->drawEllipse(toggle);
        painter->setPen(QColor(0x3c, 0x40, 0x43));
        painter->drawText(
            toggle, Qt::AlignCenter, m_collapsed ? QStringLiteral("+") : QStringLiteral("−"));
        if (m_collapsed && m_hiddenCount > 0) {
            painter->setPen(muted);
            painter->drawText(toggle.translated(toggleSize + 2, 0).adjusted(0, 0, 80, 0),
                Qt::AlignLeft | Qt::AlignVCenter, QObject::tr("%n hidden", nullptr, m_hiddenCount));
        }
    }
}

void PlanNodeItem::mousePressEvent(QGraphicsSceneMouseEvent *event)
{
    if (m_hasChildren && toggleRect().adjusted(-3, -3, 3, 3).contains(event->pos())) {
        m_scene->toggleCollapsed(m_id);
        event->accept();
        return;
    }
    QGraphicsItem::mousePressEvent(event);
}

} // namespace tusk::widgets
