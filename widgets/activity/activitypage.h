#pragma once

#include "widgets/shell/toolpage.h"

#include "core/activity/activityalerts.h"
#include "core/activity/activityhistory.h"
#include "core/activity/activityrecordingreader.h"
#include "core/activity/activitysample.h"
#include "core/activity/activitythresholds.h"
#include "core/pg/conninfo.h"

#include <QWidget>

#include <memory>
#include <optional>

class QCheckBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QTableView;
class QToolButton;
class QTreeWidget;

namespace tusk::core {
class ActivityCollector;
class ActivityRecording;
struct ServerStats;
class BlockingTree;
class Workspace;
} // namespace tusk::core

namespace tusk::widgets {

class ActivityCharts;
class ActivityDetailTabs;
class ActivityTimeline;
class ServerStatsView;
class DesktopNotifier;
class SessionActionsBar;
class SessionFilterProxy;
class SessionTableModel;

// The Activity tool (issue 24): the target's sessions as a grid updated by
// differences every second (pause, 0.5–10 s), idle sessions and parallel
// workers hidden unless asked for, a filter (text or regex) over every
// column, highlights past thresholds kept in the settings; actions on the
// selected sessions or on a rule's (cards first); below, the blocking
// tree, the lock queues, the commands' progress and the selected query
// (ActivityDetailTabs). A blocking chain or an idle transaction past its
// threshold is said on the desktop and in a banner. Every sample is kept
// for an hour (core's ActivityHistory): the timeline puts the grid and the
// tree back at any moment, the charts and the statement differences cover
// a window of it; samples can be recorded to a file and a recording opened
// and scrubbed the same way. The sampling runs in
// core's ActivityCollector on its own session; this page only shows it.
class ActivityPage : public QWidget, public ToolPage {
    Q_OBJECT
public:
    explicit ActivityPage(QWidget *parent = nullptr);
    ~ActivityPage() override;

    Info toolInfo() const override;
    QWidget *pageWidget() override { return this; }
    void attach(core::Workspace *workspace, ToolHost *host) override;

    core::ActivityCollector *collector() const { return m_collector; }
    SessionTableModel *model() const { return m_model; }
    SessionFilterProxy *proxy() const { return m_proxy; }
    QTableView *grid() const { return m_grid; }
    QTreeWidget *tree() const;
    QTreeWidget *queues() const;
    QTreeWidget *progress() const;
    SessionActionsBar *actions() const { return m_actions; }
    QLabel *alertBanner() const { return m_alert; }
    ActivityTimeline *timeline() const { return m_timeline; }
    ActivityCharts *charts() const { return m_charts; }
    ServerStatsView *serverStats() const { return m_statsView; }
    const core::ActivityHistory &history() const { return m_history; }
    core::ActivityRecording *recording() const { return m_recording.get(); }
    // Samples of the opened recording; 0 when none is open.
    int replaySize() const { return m_replay ? m_replay->size() : 0; }
    // Scrubs to the sample at `moment` (or the last before it) of the
    // history, or of the recording when one is open.
    void showMoment(const QDateTime &moment);
    // Only the target database's sessions (the whole server by default).
    void setThisDatabaseOnly(bool only);
    void setThresholds(const core::ActivityThresholds &thresholds);
    core::ActivityThresholds thresholds() const { return m_thresholds; }
    // The pids selected in the grid.
    QList<int> selectedPids() const;

signals:
    void sampled();
    // The grid shows a sample from the history or a recording, not the server's latest.
    void shownPast(const QDateTime &moment);
    void alerted(const QString &title, const QString &text);

private:
    void follow();
    void onSampled(const core::ActivitySample &whole);
    void display(const core::ActivitySample &sample, bool live);
    void scrub(int index);
    void drawCharts();
    void startRecording(const QString &path);
    void openRecording(const QString &path);
    void closeRecording();
    void showDetails();
    void raiseAlerts(const core::ActivitySample &sample, const core::BlockingTree &tree);
    QToolButton *thresholdsButton();

    core::Workspace *m_workspace = nullptr;
    core::ActivityCollector *m_collector;
    core::ConnInfo m_following; // what the collector samples
    core::ActivityThresholds m_thresholds;
    core::ActivityAlerts m_alerts;
    core::ActivityHistory m_history;
    std::unique_ptr<core::ActivityRecording> m_recording;
    std::optional<core::ActivityRecordingReader> m_replay;
    QDateTime m_shown; // the moment the grid shows when not live
    SessionTableModel *m_model;
    SessionFilterProxy *m_proxy;
    QTableView *m_grid;
    ActivityDetailTabs *m_details;
    ActivityTimeline *m_timeline;
    ActivityCharts *m_charts;
    ServerStatsView *m_statsView;
    SessionActionsBar *m_actions;
    DesktopNotifier *m_notifier;
    QLabel *m_alert;
    QLabel *m_status;
    QLineEdit *m_filter;
    QCheckBox *m_regex;
    QCheckBox *m_idle;
    QCheckBox *m_workers;
    QCheckBox *m_thisDatabase;
    QDoubleSpinBox *m_interval;
    QToolButton *m_pause;
};

} // namespace tusk::widgets
