#pragma once

#include "widgets/shell/toolpage.h"

#include "core/migrations/frameworkrelease.h"
#include "core/migrations/migrationsfoldercandidates.h"
#include "core/migrations/migrationsoverview.h"
#include "core/migrations/pendingrewrite.h"

#include <QDate>
#include <QWidget>

#include <functional>

class QFileSystemWatcher;
class QSpinBox;
class QTabWidget;
class QTimer;
class QLabel;
class QPushButton;
class QTextBrowser;
class QTreeWidget;
class QTreeWidgetItem;

namespace tusk::core {
class Workspace;
}

namespace tusk::widgets {

class RolloutConfirmBar;
class PlanImpactPanel;
class RolloutWizard;

// The Rollout tool, first part: the profile's migrations folder as a list
// (pending files in the order they run, released history greyed with a
// lock), its CHANGELOG rendered beside it, a notice for every rule the
// folder breaks or a change it suggests, and the folder's actions (Create
// Folder or Use Existing Folder…, Update CHANGELOG, Split…, Compact…,
// Release…), each confirmed inline with a preview.
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
    RolloutWizard *wizard() const { return m_wizard; }
    PlanImpactPanel *impact() const { return m_impact; }
    // The date a release or a CHANGELOG entry gets: today, asked each time
    // (a session may run past midnight), unless a test fixes it.
    void setToday(const QDate &date) { m_fixedToday = date; }

    void refresh();
    // Makes the missing migrations folder (with an empty CHANGELOG.md).
    void createFolder();
    void updateChangelog();
    // Each ask…() reads off the GUI thread, then shows what would happen
    // in the inline confirmation; confirm() does it (the button's click).
    void askRelease();
    // The split the folder calls for (the latest pending file that needs
    // one, at the page's statements-per-file setting), with its preview.
    void askSplit();
    void askCompact();
    // Folders under the project that look like migrations folders, to use
    // instead of the missing one (saved as the profile's migrations_path).
    void askExistingFolder();
    void confirm();
    // The most statements a pending file should hold (a setting).
    void setMaxStatements(int count);
    int maxStatements() const;

signals:
    void refreshed();
    // The inline confirmation is showing (an ask…()'s plan came back).
    void confirmationAsked();
    void message(const QString &text);
    void openFile(const QString &path);

private:
    void display(const core::MigrationsOverview &overview);
    QTreeWidgetItem *addGroup(const QString &title, const QString &tip);
    void runWrite(std::function<QString()> write);
    void askRewrite(bool split);
    void askFrameworkRelease();
    void useFolder(const core::MigrationsFolderCandidates::Candidate &candidate);
    void updateActions();

    QDate today() const;
    void watch(const core::MigrationsOverview &overview);

    QString m_folder;
    QDate m_fixedToday;
    enum class Asked { Nothing, Release, FrameworkRelease, Rewrite, Folder };
    Asked m_asked = Asked::Nothing;
    QString m_planFolder; // the folder the shown plan is about
    core::PendingRewrite m_rewrite; // the split or compaction shown
    core::FrameworkRelease::Plan m_frameworkPlan; // the release into a tool shown
    QList<core::MigrationsFolderCandidates::Candidate> m_candidates;
    core::Workspace *m_workspace = nullptr;
    ToolHost *m_host = nullptr;
    bool m_writing = false; // a write runs: the actions wait for it
    core::MigrationsOverview m_overview;
    int m_reads = 0; // a later read wins over an earlier one still running
    QLabel *m_where;
    QLabel *m_notice;
    RolloutConfirmBar *m_confirm;
    QSpinBox *m_maxStatements;
    QTreeWidget *m_files;
    QTextBrowser *m_changelog;
    QFileSystemWatcher *m_watcher;
    QTimer *m_refreshSoon; // a burst of file events makes one refresh
    QTabWidget *m_tabs;
    RolloutWizard *m_wizard;
    PlanImpactPanel *m_impact;
    QAction *m_createAction;
    QAction *m_updateAction;
    QAction *m_releaseAction;
    QAction *m_splitAction;
    QAction *m_compactAction;
    QAction *m_existingAction;
};

} // namespace tusk::widgets
