#pragma once

#include <QWidget>

#include <memory>

class QLabel;
class QSortFilterProxyModel;
class QTableView;

namespace tusk::core {
class Plan;
class PlanComparison;
} // namespace tusk::core

namespace tusk::widgets {

class PlanComparisonModel;
class PlanGraphView;
class PlanScene;

// Two plans of one query side by side: both graphs with changed, added and
// removed nodes outlined, and the node-by-node deltas below. Selecting a
// node on either side selects its counterpart on the other.
class PlanComparisonView : public QWidget {
    Q_OBJECT
public:
    explicit PlanComparisonView(QWidget *parent = nullptr);
    ~PlanComparisonView() override;

    void setPlans(std::shared_ptr<const core::Plan> before, const QString &beforeTitle,
        std::shared_ptr<const core::Plan> after, const QString &afterTitle);

    const core::PlanComparison *comparison() const { return m_comparison.get(); }
    PlanScene *beforeScene() const { return m_beforeScene; }
    PlanScene *afterScene() const { return m_afterScene; }
    QTableView *deltas() const { return m_table; }
    QString summaryText() const;

    static QColor changedColor();
    static QColor addedColor();
    static QColor removedColor();

private:
    void selectPair(int pair);
    void onSelected(bool beforeSide, int id);

    std::shared_ptr<const core::Plan> m_before;
    std::shared_ptr<const core::Plan> m_after;
    std::unique_ptr<core::PlanComparison> m_comparison;
    QLabel *m_summary;
    QLabel *m_beforeTitle;
    QLabel *m_afterTitle;
    PlanScene *m_beforeScene;
    PlanScene *m_afterScene;
    PlanGraphView *m_beforeView;
    PlanGraphView *m_afterView;
    PlanComparisonModel *m_model;
    QSortFilterProxyModel *m_sorted;
    QTableView *m_table;
    bool m_syncing = false;
};

} // namespace tusk::widgets
