#include "plancomparisonmodel.h"

#include "core/plan/plancomparison.h"
#include "core/plan/planvalue.h"

#include <QColor>

namespace tusk::widgets {

using namespace tusk::core;

namespace {

QString signedTime(double ms)
{
    if (ms == 0)
        return QStringLiteral("±0");
    return (ms > 0 ? QStringLiteral("+") : QStringLiteral("−")) + planTimeText(std::abs(ms));
}

QString signedCost(double cost)
{
    if (cost == 0)
        return QStringLiteral("±0");
    return (cost > 0 ? QStringLiteral("+") : QStringLiteral("−"))
        + QString::number(std::abs(cost), 'f', 2);
}

QString signedCount(double n)
{
    if (n == 0)
        return QStringLiteral("±0");
    return (n > 0 ? QStringLiteral("+") : QStringLiteral("−")) + planCountText(std::abs(n));
}

} // namespace

PlanComparisonModel::PlanComparisonModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void PlanComparisonModel::setComparison(const PlanComparison *comparison)
{
    beginResetModel();
    m_comparison = comparison;
    endResetModel();
}

int PlanComparisonModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() || !m_comparison ? 0 : int(m_comparison->pairs().size());
}

int PlanComparisonModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PlanComparisonModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || !m_comparison)
        return {};
    const PlanComparison::Pair &pair = m_comparison->pairs().at(index.row());
    const PlanNode *before =
        pair.before >= 0 ? &m_comparison->before().nodes.at(pair.before) : nullptr;
    const PlanNode *after = pair.after >= 0 ? &m_comparison->after().nodes.at(pair.after) : nullptr;
    // Own time, or total cost for plans without timing.
    const bool byCost = m_comparison->byCost();
    const double timeBefore = before ? m_comparison->measureOf(*before) : 0;
    const double timeAfter = after ? m_comparison->measureOf(*after) : 0;
    const auto measureText = [byCost](double value) {
        return byCost ? QString::number(value, 'f', 2) : planTimeText(value);
    };
    const double blocksBefore = before ? before->exclusiveBuffers.blocksTouched() : 0;
    const double blocksAfter = after ? after->exclusiveBuffers.blocksTouched() : 0;
    const int column = index.column();

    if (role == PairRole)
        return index.row();
    if (role == Qt::TextAlignmentRole)
        return column <= After ? QVariant(Qt::AlignLeft | Qt::AlignVCenter)
                               : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ForegroundRole) {
        if (column == TimeDelta && timeAfter != timeBefore)
            return timeAfter < timeBefore ? QColor(0x1e, 0x7e, 0x34) : QColor(0xc0, 0x39, 0x2b);
        if (column == Change) {
            if (!before)
                return QColor(0x1e, 0x7e, 0x34);
            if (!after)
                return QColor(0xc0, 0x39, 0x2b);
            if (pair.typeChanged)
                return QColor(0xb3, 0x6b, 0x00);
        }
        return {};
    }
    if (role == Qt::DisplayRole) {
        switch (column) {
        case Change:
            return !before         ? tr("added")
                : !after           ? tr("removed")
                : pair.typeChanged ? tr("changed")
                                   : QString();
        case Before:
            return before ? QString(QString(before->depth * 2, u' ') + before->title()) : QString();
        case After:
            return after ? QString(QString(after->depth * 2, u' ') + after->title()) : QString();
        case TimeBefore:
            return before ? measureText(timeBefore) : QString();
        case TimeAfter:
            return after ? measureText(timeAfter) : QString();
        case TimeDelta:
            return byCost ? signedCost(timeAfter - timeBefore) : signedTime(timeAfter - timeBefore);
        case RowsBefore:
            return before ? planCountText(m_comparison->rowsOf(*before)) : QString();
        case RowsAfter:
            return after ? planCountText(m_comparison->rowsOf(*after)) : QString();
        case BlocksBefore:
            return before && blocksBefore > 0 ? planCountText(blocksBefore) : QString();
        case BlocksAfter:
            return after && blocksAfter > 0 ? planCountText(blocksAfter) : QString();
        case BlocksDelta:
            return blocksBefore || blocksAfter ? signedCount(blocksAfter - blocksBefore)
                                               : QString();
        default:
            return {};
        }
    }
    if (role == SortRole) {
        switch (column) {
        case Change:
            return !before ? 1 : !after ? 2 : pair.typeChanged ? 3 : 0;
        case Before:
            return index.row();
        case After:
            return after ? after->id : -1;
        case TimeBefore:
            return timeBefore;
        case TimeAfter:
            return timeAfter;
        case TimeDelta:
            return timeAfter - timeBefore;
        case RowsBefore:
            return before ? m_comparison->rowsOf(*before) : 0;
        case RowsAfter:
            return after ? m_comparison->rowsOf(*after) : 0;
        case BlocksBefore:
            return blocksBefore;
        case BlocksAfter:
            return blocksAfter;
        case BlocksDelta:
            return blocksAfter - blocksBefore;
        default:
            return {};
        }
    }
    return {};
}

QVariant PlanComparisonModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    static const char *const titles[ColumnCount] = {
        QT_TR_NOOP("Change"),
        QT_TR_NOOP("Before"),
        QT_TR_NOOP("After"),
        QT_TR_NOOP("Self before"),
        QT_TR_NOOP("Self after"),
        QT_TR_NOOP("Δ self"),
        QT_TR_NOOP("Rows before"),
        QT_TR_NOOP("Rows after"),
        QT_TR_NOOP("Blocks before"),
        QT_TR_NOOP("Blocks after"),
        QT_TR_NOOP("Δ blocks"),
    };
    static const char *const costTitles[] = {
        QT_TR_NOOP("Cost before"),
        QT_TR_NOOP("Cost after"),
        QT_TR_NOOP("Δ cost"),
        QT_TR_NOOP("Est. rows before"),
        QT_TR_NOOP("Est. rows after"),
    };
    if (m_comparison && m_comparison->byCost() && section >= TimeBefore && section <= RowsAfter)
        return tr(costTitles[section - TimeBefore]);
    return section >= 0 && section < ColumnCount ? tr(titles[section]) : QVariant();
}

} // namespace tusk::widgets
