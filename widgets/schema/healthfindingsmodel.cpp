#include "healthfindingsmodel.h"

#include "widgets/common/severitystyle.h"

namespace tusk::widgets {

using namespace tusk::core;

HealthFindingsModel::HealthFindingsModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void HealthFindingsModel::setFindings(const QList<HealthFinding> &findings)
{
    beginResetModel();
    m_findings = findings;
    endResetModel();
}

int HealthFindingsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_findings.size());
}

int HealthFindingsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant HealthFindingsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const HealthFinding &f = m_findings.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case CheckColumn:
            return f.check;
        case ObjectColumn:
            return f.objectName;
        default:
            return f.message;
        }
    case Qt::DecorationRole:
        if (index.column() != CheckColumn)
            return {};
        return SeverityStyle::icon(f.severity);
    case Qt::ToolTipRole:
        return index.column() == MessageColumn ? QVariant(f.message) : QVariant();
    default:
        return {};
    }
}

QVariant HealthFindingsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case CheckColumn:
        return tr("Finding");
    case ObjectColumn:
        return tr("Object");
    case MessageColumn:
        return tr("What");
    default:
        return {};
    }
}

} // namespace tusk::widgets
