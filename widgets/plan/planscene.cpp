#include "planscene.h"

#include "planedgeitem.h"
#include "plannodeitem.h"

#include "plan/planmetrics.h"

#include <cmath>

namespace tusk::widgets {

using namespace tusk::core;

PlanScene::PlanScene(QObject *parent)
    : QGraphicsScene(parent)
{
    setItemIndexMethod(QGraphicsScene::BspTreeIndex);
    connect(this, &QGraphicsScene::selectionChanged, this,
        [this] { emit nodeSelected(selectedNode()); });
}

PlanScene::~PlanScene() = default;

void PlanScene::setPlan(std::shared_ptr<const Plan> plan, const QList<PlanInsight> &insights)
{
    clear();
    m_items.clear();
    m_edges.clear();
    m_cteLinks.clear();
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
    m_items.reserve(count);
    m_edges.reserve(count);
    QHash<QString, int> cteRoots;
    for (const PlanNode &n : p.nodes) {
        auto *item = new PlanNodeItem(this, n, timing, insightCount.at(n.id));
        addItem(item);
        m_items.append(item);
        if (n.isCte())
            cteRoots.insert(n.subplanName.mid(4), n.id);
        if (n.parent < 0) {
            m_edges.append(nullptr);
            continue;
        }
        const double rows = n.hasActual ? n.totalRows : n.planRows;
        const qreal width = 1 + 7 * std::log10(rows + 1) / std::log10(maxRows + 1);
        auto *edge = new PlanEdgeItem(
            n.isSubplanRoot() ? PlanEdgeItem::Kind::Subplan : PlanEdgeItem::Kind::Child, width);
        addItem(edge);
        m_edges.append(edge);
    }
    for (const PlanNode &n : p.nodes) {
        if (n.nodeType != QLatin1String("CTE Scan") || !cteRoots.contains(n.cteName))
            continue;
        auto *link = new PlanEdgeItem(PlanEdgeItem::Kind::CteLink, 1);
        addItem(link);
        m_cteLinks.append({link, {n.id, cteRoots.value(n.cteName)}});
    }
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
    for (int id = 0; id < m_edges.size(); ++id)
        if (PlanEdgeItem *edge = m_edges.at(id))
            edge->setEnds(m_layout.cards.at(m_plan->nodes.at(id).parent), m_layout.cards.at(id));
    for (const auto &[link, ends] : std::as_const(m_cteLinks))
        link->setEnds(m_layout.cards.at(ends.first), m_layout.cards.at(ends.second));
    setSceneRect(m_layout.bounds.adjusted(-60, -60, 60, 60));
    emit layoutChanged();
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
    for (const PlanNode &n : m_plan->nodes) {
        bool match = false;
        if (!needle.isEmpty()) {
            match = n.label().contains(needle, Qt::CaseInsensitive)
                || n.target().contains(needle, Qt::CaseInsensitive)
                || n.subplanName.contains(needle, Qt::CaseInsensitive)
                || PlanMetrics::expressionText(n).contains(needle, Qt::CaseInsensitive);
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
