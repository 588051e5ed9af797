#pragma once

#include "core/lint/finding.h"

#include <QAbstractTableModel>

namespace tusk::widgets {

// The findings of one editor as rows: severity, line, rule, message; the
// lock, the alternative and whether a quick fix exists as tooltips and
// roles. Read straight from the findings list.
class LintFindingsModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { LineColumn, RuleColumn, MessageColumn, ColumnCount };
    enum Role { HasFixRole = Qt::UserRole + 1 };

    explicit LintFindingsModel(QObject *parent = nullptr);

    void setFindings(const QList<core::Finding> &findings);
    const QList<core::Finding> &findings() const { return m_findings; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    QList<core::Finding> m_findings;
};

} // namespace tusk::widgets
