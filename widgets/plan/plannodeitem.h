#pragma once

#include <QGraphicsItem>
#include <QString>

namespace tusk::core {
struct PlanNode;
}

namespace tusk::widgets {

class PlanScene;

// One node's card in the graphical plan: type and object, its own time and
// share (the card's colour), rows against the estimate with a misestimate
// badge, the subplan it starts, and a button to fold its subtree. Zoomed far
// out it is drawn as a plain coloured block, so panning a 10,000-node plan
// stays smooth.
class PlanNodeItem : public QGraphicsItem {
public:
    PlanNodeItem(PlanScene *scene, const core::PlanNode &node, bool timing, int insightCount);

    int nodeId() const { return m_id; }
    void setCollapsed(bool collapsed, int hiddenCount);
    void setMatched(bool matched); // by the search
    void setEmphasis(const QColor &color); // comparison: changed, added, removed

    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

protected:
    void mousePressEvent(QGraphicsSceneMouseEvent *event) override;

private:
    QRectF toggleRect() const;

    PlanScene *m_scene;
    int m_id;
    QString m_title;
    QString m_target;
    QString m_subplan;
    QString m_timeLine;
    QString m_rowsLine;
    QString m_badge;
    QColor m_fill;
    QColor m_badgeColor;
    bool m_hasChildren = false;
    bool m_collapsed = false;
    int m_hiddenCount = 0;
    bool m_matched = false;
    int m_insights = 0;
    QColor m_emphasis;
};

} // namespace tusk::widgets
