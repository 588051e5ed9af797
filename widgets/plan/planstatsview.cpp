#include "planstatsview.h"

#include "planheat.h"

#include "core/plan/plan.h"
#include "core/plan/planstatistics.h"
#include "core/plan/planvalue.h"

#include <QHeaderView>

namespace tusk::widgets {

using namespace tusk::core;

namespace {

enum Column { Name, Nodes, SelfTime, SelfPercent, Rows, PlannedRows, Blocks, ColumnCount };
constexpr int SortRole = Qt::UserRole;
constexpr int FirstNodeRole = Qt::UserRole + 1;

// Sorts numerically within a group; the groups themselves keep their order.
class StatsItem : public QTreeWidgetItem {
public:
    using QTreeWidgetItem::QTreeWidgetItem;
    bool operator<(const QTreeWidgetItem &other) const override
    {
        const int column = treeWidget() ? treeWidget()->sortColumn() : 0;
        if (!parent()) {
            // Tables, indexes, node types in that order whichever way rows sort.
            const bool less = data(0, SortRole).toInt() < other.data(0, SortRole).toInt();
            const bool descending =
                treeWidget() && treeWidget()->header()->sortIndicatorOrder() == Qt::DescendingOrder;
            return descending ? !less : less;
        }
        const QVariant a = data(column, SortRole);
        const QVariant b = other.data(column, SortRole);
        if (a.isValid() && b.isValid())
            return a.toDouble() < b.toDouble();
        return text(column).localeAwareCompare(other.text(column)) < 0;
    }
};

} // namespace

PlanStatsView::PlanStatsView(QWidget *parent)
    : QTreeWidget(parent)
{
    setObjectName(QStringLiteral("planStats"));
    setColumnCount(ColumnCount);
    setHeaderLabels({tr("Name"), tr("Nodes"), tr("Self time"), tr("Self %"), tr("Rows"),
        tr("Est. rows"), tr("Blocks")});
    setRootIsDecorated(true);
    setUniformRowHeights(true);
    setAlternatingRowColors(true);
    setSortingEnabled(true);
    header()->setSectionResizeMode(Name, QHeaderView::Stretch);
    header()->setStretchLastSection(false);
    connect(this, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *item) {
        const QVariant id = item->data(0, FirstNodeRole);
        if (id.isValid())
            emit nodeActivated(id.toInt());
    });
}

void PlanStatsView::setPlan(std::shared_ptr<const Plan> plan)
{
    clear();
    if (!plan)
        return;
    const bool timing = plan->hasTiming();
    const bool actual = plan->analyzed();
    const std::pair<PlanStatistics::GroupBy, QString> groups[] = {
        {PlanStatistics::GroupBy::Table, tr("Tables")},
        {PlanStatistics::GroupBy::Index, tr("Indexes")},
        {PlanStatistics::GroupBy::NodeType, tr("Node types")},
    };
    // Filled unsorted and sorted once: a plan over 2,000 tables makes 4,000
    // rows, and a sorted tree places each as it comes.
    setSortingEnabled(false);
    int order = 0;
    for (const auto &[by, title] : groups) {
        const QList<PlanGroupStats> stats = PlanStatistics::group(*plan, by);
        auto *top = new StatsItem(this);
        top->setText(Name, tr("%1 (%2)").arg(title).arg(stats.size()));
        top->setData(0, SortRole, order++);
        top->setFirstColumnSpanned(true);
        QFont bold = top->font(Name);
        bold.setBold(true);
        top->setFont(Name, bold);
        for (const PlanGroupStats &g : stats) {
            auto *item = new StatsItem(top);
            item->setText(Name, g.name);
            item->setData(0, FirstNodeRole, g.nodes.first());
            item->setText(Nodes, QString::number(g.nodes.size()));
            item->setData(Nodes, SortRole, double(g.nodes.size()));
            if (timing) {
                item->setText(SelfTime, planTimeText(g.exclusiveMs));
                item->setData(SelfTime, SortRole, g.exclusiveMs);
                item->setText(SelfPercent, QString::number(g.exclusivePercent, 'f', 1));
                item->setData(SelfPercent, SortRole, g.exclusivePercent);
                const QColor heat = PlanHeat::forShare(g.exclusivePercent);
                item->setBackground(SelfPercent, heat);
                item->setForeground(SelfPercent, PlanHeat::textOn(heat));
            }
            if (actual) {
                item->setText(Rows, planCountText(g.rows));
                item->setData(Rows, SortRole, g.rows);
            }
            item->setText(PlannedRows, planCountText(g.planRows));
            item->setData(PlannedRows, SortRole, g.planRows);
            const double blocks = g.buffers.blocksTouched();
            if (blocks > 0) {
                item->setText(Blocks, planBlocksText(blocks));
                item->setData(Blocks, SortRole, blocks);
            }
            for (int c = Nodes; c < ColumnCount; ++c)
                item->setTextAlignment(c, Qt::AlignRight | Qt::AlignVCenter);
        }
    }
    setSortingEnabled(true);
    sortByColumn(timing ? SelfTime : Nodes, Qt::DescendingOrder);
    expandAll(); // the Name column stretches: nothing to size
}

} // namespace tusk::widgets
