#pragma once

#include "widgets/shell/toolpage.h"

#include "core/activity/activityalerts.h"
#include "core/activity/activitysample.h"
#include "core/activity/activitythresholds.h"
#include "core/pg/conninfo.h"

#include <QWidget>

class QCheckBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QTableView;
class QToolButton;
class QTreeWidget;

namespace tusk::core {
class ActivityCollector;
class BlockingTree;
class Workspace;
} // namespace tusk::core

namespace tusk::widgets {

class ActivityDetailTabs;
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
// threshold is said on the desktop and in a banner. The sampling runs in
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
    // Only the target database's sessions (the whole server by default).
    void setThisDatabaseOnly(bool only);
    void setThresholds(const core::ActivityThresholds &thresholds);
    core::ActivityThresholds thresholds() const { return m_thresholds; }
    // The pids selected in the grid.
    QList<int> selectedPids() const;

signals:
    void sampled();
    void alerted(const QString &title, const QString &text);

private:
    void follow();
    void showSample(const core::ActivitySample &sample);
    void showDetails();
    void raiseAlerts(const core::ActivitySample &sample, const core::BlockingTree &tree);
    QToolButton *thresholdsButton();

    core::Workspace *m_workspace = nullptr;
    core::ActivityCollector *m_collector;
    core::ConnInfo m_following; // what the collector samples
    core::ActivityThresholds m_thresholds;
    core::ActivityAlerts m_alerts;
    SessionTableModel *m_model;
    SessionFilterProxy *m_proxy;
    QTableView *m_grid;
    ActivityDetailTabs *m_details;
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
