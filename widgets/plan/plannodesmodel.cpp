#include "plannodesmodel.h"

#include "planheat.h"

#include "core/plan/plan.h"
#include "core/plan/planvalue.h"

#include <QColor>

namespace tusk::widgets {

using namespace tusk::core;

namespace {

double removedRows(const PlanNode &node)
{
    return node.rowsRemovedByFilter + node.rowsRemovedByIndexRecheck + node.rowsRemovedByJoinFilter;
}

double tempBlocks(const PlanNode &node)
{
    return node.exclusiveBuffers[PlanBuffers::TempRead]
        + node.exclusiveBuffers[PlanBuffers::TempWritten];
}

QString blocksOrEmpty(double blocks)
{
    return blocks > 0 ? planCountText(blocks) : QString();
}

} // namespace

PlanNodesModel::PlanNodesModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void PlanNodesModel::setPlan(std::shared_ptr<const Plan> plan)
{
    beginResetModel();
    m_plan = std::move(plan);
    endResetModel();
}

int PlanNodesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() || !m_plan ? 0 : int(m_plan->nodes.size());
}

int PlanNodesModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PlanNodesModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || !m_plan)
        return {};
    const PlanNode &node = m_plan->nodes.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return display(index.row(), index.column());
    case SortRole:
        return sortValue(index.row(), index.column());
    case NodeIdRole:
        return node.id;
    case Qt::TextAlignmentRole:
        if (index.column() == Node || index.column() == Object)
            return QVariant(Qt::AlignLeft | Qt::AlignVCenter);
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    case Qt::BackgroundRole:
        if (index.column() == SelfTime || index.column() == SelfPercent) {
            if (m_plan->hasTiming() && !node.neverExecuted)
                return PlanHeat::forShare(node.exclusivePercent);
        } else if (index.column() == Misestimate && node.misestimate >= 10) {
            return PlanHeat::misestimate(node.misestimate);
        }
        return {};
    case Qt::ForegroundRole:
        if (node.neverExecuted)
            return QColor(Qt::gray);
        if (index.column() == SelfTime || index.column() == SelfPercent)
            return m_plan->hasTiming() ? PlanHeat::textOn(PlanHeat::forShare(node.exclusivePercent))
                                       : QVariant();
        if (index.column() == Misestimate && node.misestimate >= 10)
            return PlanHeat::textOn(PlanHeat::misestimate(node.misestimate));
        return {};
    case Qt::ToolTipRole:
        if (index.column() == Node || index.column() == Object)
            return node.title();
        return {};
    default:
        return {};
    }
}

QVariant PlanNodesModel::display(int row, int column) const
{
    const PlanNode &node = m_plan->nodes.at(row);
    const bool actual = node.hasActual && !node.neverExecuted;
    const bool timing = m_plan->hasTiming() && !node.neverExecuted;
    switch (column) {
    case Id:
        return node.id;
    case Node:
        // Indented like the tree while the grid is in plan order.
        return QString(QString(node.depth * 2, u' ') + node.label());
    case Object:
        return node.target().isEmpty() ? node.keyText : node.target();
    case SelfTime:
        return timing ? planTimeText(node.exclusiveMs) : QString();
    case SelfPercent:
        return timing ? QString::number(node.exclusivePercent, 'f', 1) : QString();
    case TotalTime:
        return timing ? planTimeText(node.inclusiveMs) : QString();
    case Rows:
        if (node.neverExecuted)
            return tr("never executed");
        return actual ? planCountText(node.actualRows) : QString();
    case PlannedRows:
        return planCountText(node.planRows);
    case Misestimate:
        if (!actual || node.misestimateDirection == 0)
            return QString();
        return QString((node.misestimateDirection > 0 ? QStringLiteral("↑") : QStringLiteral("↓"))
            + QString::number(node.misestimate, 'f', node.misestimate < 10 ? 1 : 0)
            + QStringLiteral("×"));
    case Loops:
        return actual ? planCountText(node.actualLoops) : QString();
    case Removed:
        return removedRows(node) > 0 ? planCountText(removedRows(node)) : QString();
    case SharedHit:
        return blocksOrEmpty(node.exclusiveBuffers[PlanBuffers::SharedHit]);
    case SharedRead:
        return blocksOrEmpty(node.exclusiveBuffers[PlanBuffers::SharedRead]);
    case Temp:
        return blocksOrEmpty(tempBlocks(node));
    case Cost:
        return node.hasCosts ? QString::number(node.totalCost, 'f', 2) : QString();
    case Workers:
        if (node.workersPlanned < 0)
            return QString();
        return tr("%1 of %2")
            .arg(node.workersLaunched < 0 ? QStringLiteral("?")
                                          : QString::number(node.workersLaunched))
            .arg(node.workersPlanned);
    default:
        return {};
    }
}

QVariant PlanNodesModel::sortValue(int row, int column) const
{
    const PlanNode &node = m_plan->nodes.at(row);
    switch (column) {
    case Id:
        return node.id;
    case Node:
        return node.label();
    case Object:
        return node.target();
    case SelfTime:
    case SelfPercent:
        return node.exclusiveMs;
    case TotalTime:
        return node.inclusiveMs;
    case Rows:
        return node.totalRows;
    case PlannedRows:
        return node.planRows;
    case Misestimate:
        return node.misestimateDirection != 0 ? node.misestimate : 0.0;
    case Loops:
        return node.actualLoops;
    case Removed:
        return removedRows(node);
    case SharedHit:
        return node.exclusiveBuffers[PlanBuffers::SharedHit];
    case SharedRead:
        return node.exclusiveBuffers[PlanBuffers::SharedRead];
    case Temp:
        return tempBlocks(node);
    case Cost:
        return node.totalCost;
    case Workers:
        return node.workersLaunched;
    default:
        return {};
    }
}

QVariant PlanNodesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case SelfTime:
            return tr("Time spent in the node itself, children excluded, corrected for loops "
                      "and parallel workers");
        case Rows:
            return tr("Actual rows per loop");
        case Misestimate:
            return tr("How far the actual rows are from the estimate: ↑ more, ↓ fewer");
        case Removed:
            return tr("Rows removed by the filter, the index recheck and the join filter (per "
                      "loop)");
        case SharedHit:
        case SharedRead:
        case Temp:
            return tr("Blocks of the node itself (8 kB each), children excluded");
        default:
            return {};
        }
    }
    if (role != Qt::DisplayRole)
        return {};
    static const char *const titles[ColumnCount] = {
        QT_TR_NOOP("#"),
        QT_TR_NOOP("Node"),
        QT_TR_NOOP("Object / key"),
        QT_TR_NOOP("Self time"),
        QT_TR_NOOP("Self %"),
        QT_TR_NOOP("Total time"),
        QT_TR_NOOP("Rows"),
        QT_TR_NOOP("Est. rows"),
        QT_TR_NOOP("Off by"),
        QT_TR_NOOP("Loops"),
        QT_TR_NOOP("Removed"),
        QT_TR_NOOP("Hit"),
        QT_TR_NOOP("Read"),
        QT_TR_NOOP("Temp"),
        QT_TR_NOOP("Cost"),
        QT_TR_NOOP("Workers"),
    };
    return section >= 0 && section < ColumnCount ? tr(titles[section]) : QVariant();
}

} // namespace tusk::widgets
