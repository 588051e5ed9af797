#pragma once

#include "widgets/shell/toolpage.h"

#include "core/activity/activitysample.h"
#include "core/pg/conninfo.h"

#include <QWidget>

class QCheckBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QTableView;
class QToolButton;
class QTreeWidget;

namespace tusk::core {
class ActivityCollector;
class Workspace;
} // namespace tusk::core

namespace tusk::widgets {

class SessionFilterProxy;
class SessionTableModel;

// The Activity tool (issue 24), first part: the target's sessions as a
// grid updated by differences every second (pause, 0.5–10 s), idle
// sessions and parallel workers hidden unless asked for, a filter (text or
// regex) over every column; below it who blocks whom (the blocking tree,
// hard and soft edges), each object's lock queue with its badge, and the
// selected session's whole query. The sampling runs in core's
// ActivityCollector on its own session; this page only shows it.
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
    QTreeWidget *tree() const { return m_tree; }
    QTreeWidget *queues() const { return m_queues; }
    QTreeWidget *progress() const { return m_progress; }
    // Only the target database's sessions (the whole server by default).
    void setThisDatabaseOnly(bool only);

signals:
    void sampled();

private:
    void follow();
    void showSample(const core::ActivitySample &sample);
    void showTree(const core::ActivitySample &sample);
    void showQueues(const core::ActivitySample &sample);
    void showProgress(const core::ActivitySample &sample);
    void showDetails();

    core::Workspace *m_workspace = nullptr;
    core::ActivityCollector *m_collector;
    core::ConnInfo m_following; // what the collector samples
    SessionTableModel *m_model;
    SessionFilterProxy *m_proxy;
    QTableView *m_grid;
    QTreeWidget *m_tree;
    QTreeWidget *m_queues;
    QTreeWidget *m_progress;
    QPlainTextEdit *m_details;
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
