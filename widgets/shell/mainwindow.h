#pragma once

#include "toolpage.h"

#include "core/pg/conninfo.h"
#include "core/profiles/profile.h"

#include <QMainWindow>
#include <QPointer>

class QActionGroup;
class QMenu;
class QMessageBox;
class QStackedWidget;

namespace tusk::core {
class ProfileRegistry;
class Connection;
class LocalServer;
class Workspace;
} // namespace tusk::core

namespace tusk::widgets {

class ConnectionBar;
class ConnectionStatus;
class PreferencesDialog;
class ShortcutsDialog;
class ProfileConnector;

// The shell: a rail of tools on the left, the current tool's page in the
// middle, the connection bar on top and the connection in the status bar.
// It owns the Workspace, registers the pages ToolSet makes and loops over
// them (ToolPage); it knows none of them by type. GUI thread.
class MainWindow : public QMainWindow, private ToolHost {
    Q_OBJECT
public:
    // The rail's order (ToolSet); Ctrl+1… follow it.
    enum class Tool { Profiles, Schema, Sql, Plan, Activity, Rollout };
    Q_ENUM(Tool)

    // Without a registry the window reads the profiles of the current
    // directory and the default sandbox folder.
    explicit MainWindow(core::ProfileRegistry *profiles = nullptr, QWidget *parent = nullptr);
    ~MainWindow() override;

    // Connects the window (asynchronously) to the given server, with no
    // profile behind it (tests, tools); `label` names the connection for
    // people ("sandbox", a profile name).
    void openConnection(const core::ConnInfo &info, const QString &label);
    // Connects with a profile; the sandbox is started first when it is not
    // running (asynchronously, like the connection itself).
    void openProfile(const core::Profile &profile);
    core::Workspace *workspace() const { return m_workspace; }
    // The workspace's primary session.
    core::Connection *connection() const;
    core::ProfileRegistry *profileRegistry() const override { return m_profiles; }
    ProfileConnector *profileConnector() const { return m_connector; }
    // Opens each file in the tool that takes its suffix (`tusk FILE…`) and
    // shows the tool of the last one.
    void openFiles(const QStringList &paths);
    // The profile of the current target (a one-off for DB_URL / --db);
    // none after openConnection().
    std::optional<core::Profile> activeProfile() const;

    Tool currentTool() const;
    void showTool(Tool tool);
    QWidget *toolPage(Tool tool) const;
    QList<ToolPage *> pages() const { return m_pages; }
    QString statusText() const;
    // A connection a link asks for: the window says where and as whom, and
    // connects only when the user says so (not modal).
    QMessageBox *offerConnection(const core::Profile &link);
    // File → Preferences (one dialog, not modal) and Help → Keyboard Shortcuts.
    PreferencesDialog *showPreferences();
    ShortcutsDialog *showShortcuts();

signals:
    void toolChanged(tusk::widgets::MainWindow::Tool tool);

private:
    void addPage(ToolPage *page);
    void updateTitle();
    void closeEvent(QCloseEvent *event) override;
    void changeEvent(QEvent *event) override;
    void startSandboxThenOpen(const core::Profile &profile);
    int indexOf(const ToolPage *page) const;

    // ToolHost
    void showMessage(const QString &text) override;
    bool handOff(const ToolHandoff &handoff) override;
    bool canHandOff(const QString &kind) const override;
    void connectProfile(const core::Profile &profile) override { openProfile(profile); }

    core::ProfileRegistry *m_profiles;
    QPointer<PreferencesDialog> m_preferences;
    core::Workspace *m_workspace;
    core::LocalServer *m_sandbox = nullptr;
    QStackedWidget *m_stack;
    QActionGroup *m_toolActions;
    QMenu *m_toolMenu = nullptr;
    ConnectionStatus *m_status;
    ConnectionBar *m_connectionBar;
    ProfileConnector *m_connector;
    QList<ToolPage *> m_pages;
};

} // namespace tusk::widgets
