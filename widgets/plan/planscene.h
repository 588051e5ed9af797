#pragma once

#include "planedge.h"
#include "planlayout.h"

#include "core/plan/plan.h"
#include "core/plan/planinsight.h"

#include <QGraphicsScene>

#include <memory>

namespace tusk::widgets {

class PlanNodeItem;

// The graphical plan: one card item per node, laid out by PlanLayout; edges
// sized by rows and CTE links drawn behind them (drawBackground); folding of
// subtrees, search highlighting and the selected node. Folding moves the
// existing items; nothing is rebuilt.
class PlanScene : public QGraphicsScene {
    Q_OBJECT
public:
    explicit PlanScene(QObject *parent = nullptr);
    ~PlanScene() override;

    void setPlan(std::shared_ptr<const core::Plan> plan, const QList<core::PlanInsight> &insights);
    const core::Plan *plan() const { return m_plan.get(); }
    const PlanLayout &layout() const { return m_layout; }
    PlanNodeItem *itemFor(int id) const { return m_items.value(id); }
    // The cards and the edges between them, for export.
    QRectF drawingBounds() const;

    void toggleCollapsed(int id);
    void setCollapsed(int id, bool collapsed);
    bool isCollapsed(int id) const { return m_collapsed.value(id); }
    void expandAll();
    // Unfolds the ancestors of `id` so it shows.
    void reveal(int id);
    // Marks the nodes whose type, object or conditions contain `text`
    // (ignoring case); returns them in plan order. Empty text clears.
    QList<int> search(const QString &text);
    void selectNode(int id);
    int selectedNode() const;
    void setEmphasis(int id, const QColor &color);

signals:
    void nodeSelected(int id); // -1: none
    void layoutChanged();

protected:
    void drawBackground(QPainter *painter, const QRectF &rect) override;

private:
    void relayout();
    int hiddenBelow(int id) const;

    std::shared_ptr<const core::Plan> m_plan;
    PlanLayout m_layout;
    QList<bool> m_collapsed;
    QList<PlanNodeItem *> m_items;
    QList<PlanEdge> m_edges; // parent → child, then CTE Scan → CTE root
};

} // namespace tusk::widgets
