#pragma once

#include <QRegularExpression>
#include <QSortFilterProxyModel>

namespace tusk::widgets {

// What the session grid shows of SessionTableModel: idle sessions hidden
// unless asked for, parallel workers folded under their leader (hidden;
// the leader's row counts them), a text or regular-expression filter over
// every column, and a minimum age of the state. Sorting by SortRole, so
// ages sort as durations.
class SessionFilterProxy : public QSortFilterProxyModel {
    Q_OBJECT
public:
    explicit SessionFilterProxy(QObject *parent = nullptr);

    void setShowIdle(bool show);
    void setShowWorkers(bool show);
    // Plain text (any column contains it) or, when `regex`, a pattern.
    void setText(const QString &text, bool regex);
    void setMinStateAgeMs(qint64 ms);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    bool m_showIdle = false;
    bool m_showWorkers = false;
    QRegularExpression m_pattern;
    qint64 m_minStateAgeMs = 0;
};

} // namespace tusk::widgets
