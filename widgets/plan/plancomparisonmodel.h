#pragma once

#include <QAbstractTableModel>

namespace tusk::core {
class PlanComparison;
}

namespace tusk::widgets {

// The node-by-node deltas of two plans: one row per matched pair (or node
// only one side has), with own time, rows and blocks before and after.
// Qt::UserRole holds numbers for sorting; PairRole the pair's index.
class PlanComparisonModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        Change,
        Before,
        After,
        TimeBefore,
        TimeAfter,
        TimeDelta,
        RowsBefore,
        RowsAfter,
        BlocksBefore,
        BlocksAfter,
        BlocksDelta,
        ColumnCount
    };
    static constexpr int SortRole = Qt::UserRole;
    static constexpr int PairRole = Qt::UserRole + 1;

    explicit PlanComparisonModel(QObject *parent = nullptr);

    // The comparison must outlive the model's use of it (the view owns both).
    void setComparison(const core::PlanComparison *comparison);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    const core::PlanComparison *m_comparison = nullptr;
};

} // namespace tusk::widgets
