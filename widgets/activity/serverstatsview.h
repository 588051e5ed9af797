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
// Snapshots are kept for an hour, with one per minute beyond the last ten
// minutes and query texts shared between snapshots, so an hour costs a
// few megabytes at most.
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
