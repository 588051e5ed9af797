#pragma once

#include "widgets/shell/toolpage.h"

#include "core/migrations/migrationsoverview.h"

#include <QDate>
#include <QWidget>

#include <functional>

class QFileSystemWatcher;
class QFrame;
class QTimer;
class QLabel;
class QPushButton;
class QTextBrowser;
class QTreeWidget;
class QTreeWidgetItem;

namespace tusk::widgets {

// The Rollout tool, first part: the profile's migrations folder as a list
// (pending files in the order they run, released history greyed with a
// lock), its CHANGELOG rendered beside it, a notice for every rule the
// folder breaks, and the folder's actions (Update CHANGELOG, Release…).
// Reading and writing run on the BackgroundPool through core's
// MigrationsOverview and MigrationsWriter; a file opens in the SQL tool
// (released ones read-only there). The rollout wizard grows from here.
class RolloutPage : public QWidget, public ToolPage {
    Q_OBJECT
public:
    explicit RolloutPage(QWidget *parent = nullptr);

    Info toolInfo() const override;
    QWidget *pageWidget() override { return this; }
    void attach(core::Workspace *workspace, ToolHost *host) override;
    QList<QAction *> toolActions() const override { return actions(); }

    // The folder shown (the workspace's target's, or a test's).
    void setFolder(const QString &folder);
    QString folder() const { return m_folder; }
    const core::MigrationsOverview &overview() const { return m_overview; }
    // The date a release or a CHANGELOG entry gets: today, asked each time
    // (a session may run past midnight), unless a test fixes it.
    void setToday(const QDate &date) { m_fixedToday = date; }

    void refresh();
    // Makes the missing migrations folder (with an empty CHANGELOG.md).
    void createFolder();
    void updateChangelog();
    // Shows what a release would do, with Release / Cancel under it.
    void askRelease();
    void release();

signals:
    void refreshed();
    // The inline confirmation is showing (askRelease()'s plan came back).
    void releaseAsked();
    void message(const QString &text);
    void openFile(const QString &path);

private:
    void display(const core::MigrationsOverview &overview);
    QTreeWidgetItem *addGroup(const QString &title, const QString &tip);
    void runWrite(std::function<QString()> write);

    QDate today() const;
    void watch(const core::MigrationsOverview &overview);

    QString m_folder;
    QDate m_fixedToday;
    QString m_planFolder; // the folder the shown release plan is about
    bool m_writing = false; // a write runs: the actions wait for it
    core::MigrationsOverview m_overview;
    int m_reads = 0; // a later read wins over an earlier one still running
    QLabel *m_where;
    QLabel *m_notice;
    QFrame *m_confirm;
    QLabel *m_confirmText;
    QTreeWidget *m_files;
    QTextBrowser *m_changelog;
    QFileSystemWatcher *m_watcher;
    QTimer *m_refreshSoon; // a burst of file events makes one refresh
    QAction *m_createAction;
    QAction *m_updateAction;
    QAction *m_releaseAction;
};

} // namespace tusk::widgets
