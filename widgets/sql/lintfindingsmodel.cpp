#include "lintfindingsmodel.h"

#include "widgets/common/severitystyle.h"

namespace tusk::widgets {

using namespace tusk::core;

LintFindingsModel::LintFindingsModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void LintFindingsModel::setFindings(const QList<Finding> &findings)
{
    beginResetModel();
    m_findings = findings;
    endResetModel();
}

int LintFindingsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_findings.size());
}

int LintFindingsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant LintFindingsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_findings.size())
        return {};
    const Finding &f = m_findings.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case LineColumn:
            return f.start.line;
        case RuleColumn:
            return f.rule;
        case MessageColumn:
            return f.fix.isEmpty() ? f.message : tr("%1 (quick fix)").arg(f.message);
        default:
            return {};
        }
    case Qt::DecorationRole:
        if (index.column() != LineColumn)
            return {};
        return SeverityStyle::icon(f.severity);
    case Qt::ToolTipRole: {
        QStringList lines {f.message};
        if (!f.lock.isEmpty())
            lines << tr("Lock: %1").arg(f.lock);
        if (!f.alternative.isEmpty())
            lines << tr("Instead: %1").arg(f.alternative);
        return lines.join(QLatin1Char('\n'));
    }
    case HasFixRole:
        return !f.fix.isEmpty();
    default:
        return {};
    }
}

QVariant LintFindingsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case LineColumn:
        return tr("Line");
    case RuleColumn:
        return tr("Rule");
    case MessageColumn:
        return tr("Finding");
    default:
        return {};
    }
}

} // namespace tusk::widgets
