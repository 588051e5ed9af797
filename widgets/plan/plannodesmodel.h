#pragma once

#include <QAbstractTableModel>

#include <memory>

namespace tusk::core {
class Plan;
}

namespace tusk::widgets {

// The plan's grid: one row per node in plan order with every metric as a
// column. Qt::UserRole holds the number behind each cell, so a
// QSortFilterProxyModel sorting on it orders times and rows numerically.
// Qt::UserRole + 1 holds the node id on every cell.
class PlanNodesModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        Id,
        Node,
        Object,
        SelfTime,
        SelfPercent,
        TotalTime,
        Rows,
        PlannedRows,
        Misestimate,
        Loops,
        Removed,
        SharedHit,
        SharedRead,
        Temp,
        Cost,
        Workers,
        ColumnCount
    };
    static constexpr int SortRole = Qt::UserRole;
    static constexpr int NodeIdRole = Qt::UserRole + 1;

    explicit PlanNodesModel(QObject *parent = nullptr);

    void setPlan(std::shared_ptr<const core::Plan> plan);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    QVariant display(int row, int column) const;
    QVariant sortValue(int row, int column) const;

    std::shared_ptr<const core::Plan> m_plan;
};

} // namespace tusk::widgets
