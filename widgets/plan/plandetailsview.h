#pragma once

#include <QTreeWidget>

#include <memory>

namespace tusk::core {
class Plan;
struct PlanInsight;
} // namespace tusk::core

namespace tusk::widgets {

// Everything about one node: the derived metrics first (own time, rows
// against the estimate, own blocks), then its conditions and keys, its
// parallel workers, and every field EXPLAIN printed, by its JSON name.
class PlanDetailsView : public QTreeWidget {
    Q_OBJECT
public:
    explicit PlanDetailsView(QWidget *parent = nullptr);

    void setPlan(std::shared_ptr<const core::Plan> plan, const QList<core::PlanInsight> &insights);
    void showNode(int id); // -1: nothing
    int node() const { return m_node; }
    // The value shown for a field or metric name, for tests and copying.
    QString valueOf(const QString &name) const;

private:
    QTreeWidgetItem *section(const QString &title);
    void addRow(QTreeWidgetItem *parent, const QString &name, const QString &value);

    std::shared_ptr<const core::Plan> m_plan;
    QList<core::PlanInsight> m_insights;
    int m_node = -1;
};

} // namespace tusk::widgets
