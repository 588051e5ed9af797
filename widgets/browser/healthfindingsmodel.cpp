#include "healthfindingsmodel.h"

#include <QApplication>
#include <QStyle>

namespace tusk::widgets {

using namespace tusk::core;

HealthFindingsModel::HealthFindingsModel(QObject *parent)
    : QAbstractTableModel(parent)
    , m_error(QApplication::style()->standardIcon(QStyle::SP_MessageBoxCritical))
    , m_warning(QApplication::style()->standardIcon(QStyle::SP_MessageBoxWarning))
    , m_info(QApplication::style()->standardIcon(QStyle::SP_MessageBoxInformation))
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
        return f.severity == Severity::Error  ? m_error
            : f.severity == Severity::Warning ? m_warning
                                              : m_info;
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
