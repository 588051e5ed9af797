#pragma once

#include <QGraphicsView>

namespace tusk::widgets {

class PlanScene;

// Shows a PlanScene: the wheel zooms around the pointer, dragging pans,
// double-clicking a card folds or unfolds it; + / − / 0 / F on the keyboard
// zoom and fit. Zoom is kept between 2 % and 400 %. The keyboard walks the
// tree: Up to the parent, Down to the first child, Left and Right between
// siblings, Home to the root, Space folds, Enter opens the node's details;
// the view's accessible description says which node is selected.
class PlanGraphView : public QGraphicsView {
    Q_OBJECT
public:
    explicit PlanGraphView(PlanScene *scene, QWidget *parent = nullptr);

    PlanScene *planScene() const { return m_scene; }
    qreal zoom() const;
    void setZoom(qreal zoom);

public slots:
    void zoomIn();
    void zoomOut();
    void fit();
    void actualSize();
    // Scrolls so the node is in view, zooming in if too small to read.
    void showNode(int id);

signals:
    void zoomChanged(qreal zoom);
    // Enter on a selected card.
    void nodeActivated(int id);

protected:
    void resizeEvent(QResizeEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;

private:
    void zoomBy(qreal factor, const QPointF &anchorInView);
    // Moves the selection for an arrow key or Home; false without a plan.
    bool moveSelection(int key);
    void describeNode(int id);

    PlanScene *m_scene;
    // After fit() and until the user zooms, a resize fits again (the first
    // fit usually comes before the view has its final size).
    bool m_autoFit = false;
};

} // namespace tusk::widgets
