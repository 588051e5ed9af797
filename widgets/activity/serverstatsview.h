#pragma once

#include "core/activity/serverstats.h"

#include <QDateTime>
#include <QHash>
#include <QWidget>

class QComboBox;
class QLabel;
class QTreeWidget;

namespace tusk::widgets {

// pg_stat_statements' top statements and pg_wait_sampling's wait profile
// over the visible window (issue 24, point 10): the difference between
// the first snapshot in the window and the latest, never the cumulative
// counters, and never reset (Tusk does not call pg_stat_statements_reset).
// Snapshots hold every entry's counters; they are kept for an hour, every
// one for the last five minutes and one per five minutes before that, with
// query texts shared between snapshots: about 40 snapshots, a few
// megabytes even with pg_stat_statements.max entries.
class ServerStatsView : public QWidget {
    Q_OBJECT
public:
    explicit ServerStatsView(QWidget *parent = nullptr);

    void add(const core::ServerStats &stats);
    void clear();
    // Shows the window that starts at `from`.
    void showWindow(const QDateTime &from);

    QTreeWidget *statements() const { return m_statements; }
    QTreeWidget *waits() const { return m_waits; }
    int snapshots() const { return int(m_snapshots.size()); }

private:
    void thin();
    void redraw();

    QList<core::ServerStats> m_snapshots; // oldest first
    QHash<QString, QString> m_texts; // one copy of each query text
    QDateTime m_from;
    QComboBox *m_order;
    QLabel *m_window;
    QTreeWidget *m_statements;
    QTreeWidget *m_waits;
};

} // namespace tusk::widgets
