#pragma once

#include "core/catalog/healthfinding.h"

#include <QAbstractTableModel>
#include <QIcon>

namespace tusk::widgets {

// Health findings as rows (check, object, message), read straight from the
// findings list: 12,000 findings on a big catalog cost no copies and no
// item objects. GUI thread.
class HealthFindingsModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { CheckColumn, ObjectColumn, MessageColumn, ColumnCount };

    explicit HealthFindingsModel(QObject *parent = nullptr);

    void setFindings(const QList<core::HealthFinding> &findings);
    const QList<core::HealthFinding> &findings() const { return m_findings; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    QList<core::HealthFinding> m_findings;
    // One icon per severity, made once: the style builds a new one per call.
};

} // namespace tusk::widgets
