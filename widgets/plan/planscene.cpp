#include "planscene.h"

#include "plannodeitem.h"

#include "core/plan/planmetrics.h"

#include <QPainter>
#include <QStyleOptionGraphicsItem>

#include <algorithm>
#include <cmath>

namespace tusk::widgets {

using namespace tusk::core;

PlanScene::PlanScene(QObject *parent)
    : QGraphicsScene(parent)
{
    setItemIndexMethod(QGraphicsScene::BspTreeIndex);
    setBackgroundBrush(QColor(0xfc, 0xfc, 0xfd));
    connect(this, &QGraphicsScene::selectionChanged, this,
        [this] { emit nodeSelected(selectedNode()); });
}

PlanScene::~PlanScene()
{
    // ~QGraphicsScene deletes the items, and a selected one emits
    // selectionChanged when this object is no longer a PlanScene.
    disconnect(this, &QGraphicsScene::selectionChanged, nullptr, nullptr);
}

void PlanScene::setPlan(std::shared_ptr<const Plan> plan, const QList<PlanInsight> &insights)
{
    clear();
    m_items.clear();
    m_edges.clear();
    m_plan = std::move(plan);
    if (!m_plan)
        return;
    const Plan &p = *m_plan;
    const int count = int(p.nodes.size());
    m_collapsed = QList<bool>(count, false);
    QList<int> insightCount(count, 0);
    for (const PlanInsight &i : insights)
        if (i.node >= 0 && i.node < count)
            ++insightCount[i.node];

    double maxRows = 1;
    for (const PlanNode &n : p.nodes)
        maxRows = std::max(maxRows, n.hasActual ? n.totalRows : n.planRows);
    const bool timing = p.hasTiming();
    // Cards are placed before they join the scene: moving items the scene
    // has already indexed costs time and memory for each of them.
    m_layout = PlanLayout::compute(p, m_collapsed);
    m_items.reserve(count);
    m_edges.reserve(count);
    QHash<QString, int> cteRoots;
    for (const PlanNode &n : p.nodes) {
        auto *item = new PlanNodeItem(this, n, timing, insightCount.at(n.id));
        item->setPos(m_layout.cards.at(n.id).topLeft());
        addItem(item);
        m_items.append(item);
        if (n.isCte())
            cteRoots.insert(n.subplanName.mid(4), n.id);
        if (n.parent < 0)
            continue;
        const double rows = n.hasActual ? n.totalRows : n.planRows;
        const qreal width = 1 + 7 * std::log10(rows + 1) / std::log10(maxRows + 1);
        m_edges.append({n.isSubplanRoot() ? PlanEdge::Kind::Subplan : PlanEdge::Kind::Child,
            n.parent, n.id, width});
    }
    for (const PlanNode &n : p.nodes)
        if (n.nodeType == QLatin1String("CTE Scan") && cteRoots.contains(n.cteName))
            m_edges.append({PlanEdge::Kind::CteLink, n.id, cteRoots.value(n.cteName), 1});
    relayout();
}

void PlanScene::relayout()
{
    if (!m_plan)
        return;
    m_layout = PlanLayout::compute(*m_plan, m_collapsed);
    for (PlanNodeItem *item : std::as_const(m_items)) {
        const QRectF card = m_layout.cards.at(item->nodeId());
        item->setVisible(!card.isNull());
        if (!card.isNull())
            item->setPos(card.topLeft());
        item->setCollapsed(m_collapsed.at(item->nodeId()), hiddenBelow(item->nodeId()));
    }
    setSceneRect(m_layout.bounds.adjusted(-60, -60, 60, 60));
    update(); // the edges are background: redraw all of it
    emit layoutChanged();
}

void PlanScene::drawBackground(QPainter *painter, const QRectF &rect)
{
    QGraphicsScene::drawBackground(painter, rect);
    const qreal lod =
        QStyleOptionGraphicsItem::levelOfDetailFromTransform(painter->worldTransform());
    for (const PlanEdge &edge : std::as_const(m_edges)) {
        const QRectF &from = m_layout.cards.at(edge.from);
        const QRectF &to = m_layout.cards.at(edge.to);
        if (edge.bounds(from, to).intersects(rect))
            edge.paint(painter, from, to, lod);
    }
}

QRectF PlanScene::drawingBounds() const
{
    QRectF bounds = itemsBoundingRect();
    for (const PlanEdge &edge : m_edges)
        bounds |= edge.bounds(m_layout.cards.at(edge.from), m_layout.cards.at(edge.to));
    return bounds;
}

int PlanScene::hiddenBelow(int id) const
{
    return m_collapsed.value(id) ? m_plan->subtreeEnd(id) - id - 1 : 0;
}

void PlanScene::toggleCollapsed(int id)
{
    setCollapsed(id, !m_collapsed.value(id));
}

void PlanScene::setCollapsed(int id, bool collapsed)
{
    if (id < 0 || id >= m_collapsed.size() || m_collapsed.at(id) == collapsed)
        return;
    m_collapsed[id] = collapsed;
    relayout();
}

void PlanScene::expandAll()
{
    m_collapsed.fill(false);
    relayout();
}

void PlanScene::reveal(int id)
{
    if (!m_plan || id < 0 || id >= m_plan->nodes.size())
        return;
    bool changed = false;
    for (int p = m_plan->nodes.at(id).parent; p >= 0; p = m_plan->nodes.at(p).parent) {
        changed = changed || m_collapsed.at(p);
        m_collapsed[p] = false;
    }
    if (changed)
        relayout();
}

QList<int> PlanScene::search(const QString &text)
{
    QList<int> found;
    if (!m_plan)
        return found;
    const QString needle = text.trimmed();
    // Unpacking every node's fields costs ~6 µs; most nodes do not hold the
    // needle anywhere in their packed bytes (strings are UTF-8 there), so an
    // ASCII needle first looks in those and unpacks only where it is.
    const bool ascii =
        std::all_of(needle.begin(), needle.end(), [](QChar c) { return c.unicode() < 128; });
    const QByteArray bytes = needle.toUtf8().toLower();
    for (const PlanNode &n : m_plan->nodes) {
        bool match = false;
        if (!needle.isEmpty()) {
            match = n.label().contains(needle, Qt::CaseInsensitive)
                || n.target().contains(needle, Qt::CaseInsensitive)
                || n.subplanName.contains(needle, Qt::CaseInsensitive)
                || ((!ascii || n.packedFields.toLower().contains(bytes))
                    && PlanMetrics::expressionText(n).contains(needle, Qt::CaseInsensitive));
        }
        m_items.at(n.id)->setMatched(match);
        if (match)
            found << n.id;
    }
    return found;
}

void PlanScene::selectNode(int id)
{
    if (id < 0 || id >= m_items.size()) {
        clearSelection();
        return;
    }
    reveal(id);
    if (m_items.at(id)->isSelected() && selectedItems().size() == 1)
        return;
    clearSelection();
    m_items.at(id)->setSelected(true);
}

int PlanScene::selectedNode() const
{
    const QList<QGraphicsItem *> selected = selectedItems();
    for (QGraphicsItem *item : selected)
        if (auto *node = dynamic_cast<PlanNodeItem *>(item))
            return node->nodeId();
    return -1;
}

void PlanScene::setEmphasis(int id, const QColor &color)
{
    if (id >= 0 && id < m_items.size())
        m_items.at(id)->setEmphasis(color);
}

} // namespace tusk::widgets
