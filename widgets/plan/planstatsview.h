#pragma once

#include <QTreeWidget>

#include <memory>

namespace tusk::core {
class Plan;
}

namespace tusk::widgets {

// The plan's statistics: time, rows and blocks summed per table, per index
// and per node type, each group sortable. Activating a row asks for its
// first node.
class PlanStatsView : public QTreeWidget {
    Q_OBJECT
public:
    explicit PlanStatsView(QWidget *parent = nullptr);

    void setPlan(std::shared_ptr<const core::Plan> plan);

signals:
    void nodeActivated(int id);
};

} // namespace tusk::widgets
