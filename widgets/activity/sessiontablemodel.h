#pragma once

#include "core/activity/activitysample.h"

#include <QAbstractTableModel>
#include <QHash>

namespace tusk::widgets {

// The sessions of the latest activity sample as a table, updated by
// differences (rows of gone sessions removed, new ones appended, changed
// cells signalled), never reset: the view's sorting, filter, selection
// and scroll position survive every refresh. Parallel workers sit under
// their leader's pid in the "leader" column (the leader's own cell counts
// them, and sorting by it puts each worker right under its leader) and are
// hidden by the proxy unless asked for. Rows are highlighted: lock waiters, long queries,
// old idle-in-transaction sessions (thresholds settable).
class SessionTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        Pid,
        Leader,
        Database,
        User,
        Application,
        Client,
        BackendType,
        State,
        Wait,
        TransactionAge,
        QueryAge,
        StateAge,
        QueryId,
        Query,
        ColumnCount
    };
    static constexpr int SortRole = Qt::UserRole + 1; // numbers as numbers
    static constexpr int PidRole = Qt::UserRole + 2;

    explicit SessionTableModel(QObject *parent = nullptr);

    void setSample(const core::ActivitySample &sample);
    const core::ActivitySession *sessionAt(int row) const;
    int rowOf(int pid) const;
    // Highlights: a query running longer, an idle transaction open longer.
    void setThresholds(qint64 longQueryMs, qint64 idleInTransactionMs);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    QVariant display(const core::ActivitySession &s, int column) const;
    QVariant background(const core::ActivitySession &s) const;

    QList<core::ActivitySession> m_rows;
    QHash<int, int> m_workers; // a parallel leader's pid → its workers now
    qint64 m_longQueryMs = 60'000;
    qint64 m_idleInTransactionMs = 60'000;
};

} // namespace tusk::widgets
