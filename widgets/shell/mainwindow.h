#pragma once

#include "pg/conninfo.h"
#include "profiles/profile.h"

#include <QMainWindow>

class QActionGroup;
class QStackedWidget;

namespace tusk::core {
class Connection;
class LocalServer;
} // namespace tusk::core

namespace tusk::widgets {

class ConnectionBar;
class ConnectionStatus;
class ConnectionSummary;
class ProfileCatalog;
class ProfileConnector;
class ProfileManager;
class SchemaBrowser;
class PlanWorkbench;
class SqlWorkbench;

// The shell: a rail of tools on the left, the current tool's page in the
// middle, the connection in the status bar. It only places tools; each tool
// lives in its own widget. GUI thread.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    enum class Tool { Profiles, Schema, Editor, Plan, Activity, Migrations };
    Q_ENUM(Tool)

    // Without a catalog the window reads the profiles of the current
    // directory and the default sandbox folder.
    explicit MainWindow(ProfileCatalog *catalog = nullptr, QWidget *parent = nullptr);
    ~MainWindow() override;

    // Connects the window (asynchronously) to the given server, with no
    // profile behind it (tests, tools); `label`
    // names the connection for people ("sandbox", a profile name).
    void openConnection(const core::ConnInfo &info, const QString &label);
    // Connects with a profile; the sandbox is started first when it is not
    // running (asynchronously, like the connection itself).
    void openProfile(const core::Profile &profile);
    core::Connection *connection() const { return m_connection; }
    ProfileCatalog *profileCatalog() const { return m_catalog; }
    ProfileManager *profileManager() const { return m_profileManager; }
    ProfileConnector *profileConnector() const { return m_connector; }
    SchemaBrowser *schemaBrowser() const { return m_schemaBrowser; }
    SqlWorkbench *sqlWorkbench() const { return m_sqlWorkbench; }
    PlanWorkbench *planWorkbench() const { return m_planWorkbench; }
    // Opens SQL files in editor tabs and plan files (.json, .txt, .yaml, .xml)
    // in the Plan tool (`tusk FILE…`), and shows the tool of the last kind.
    void openFiles(const QStringList &paths);
    // The profile of the current session (a one-off for DB_URL / --db);
    // none after openConnection().
    const std::optional<core::Profile> &activeProfile() const { return m_activeProfile; }

    Tool currentTool() const;
    void showTool(Tool tool);
    QWidget *toolPage(Tool tool) const;
    QString statusText() const;

signals:
    void toolChanged(tusk::widgets::MainWindow::Tool tool);

private:
    void addTool(Tool tool, const QString &iconName, const QString &title,
        const QString &description, QWidget *page = nullptr);
    void updateTitle();
    void closeEvent(QCloseEvent *event) override;

    void startSandboxThenOpen(const core::Profile &profile);
    // Opens the window's session without touching the profile in flight.
    void openSession(const core::ConnInfo &info, const QString &label);

    ProfileCatalog *m_catalog;
    core::Connection *m_connection = nullptr;
    core::LocalServer *m_sandbox = nullptr;
    QString m_connectionLabel;
    QStackedWidget *m_pages;
    QActionGroup *m_toolActions;
    ConnectionStatus *m_status;
    ConnectionSummary *m_summary;
    ConnectionBar *m_connectionBar;
    ProfileManager *m_profileManager;
    ProfileConnector *m_connector;
    SchemaBrowser *m_schemaBrowser;
    SqlWorkbench *m_sqlWorkbench;
    PlanWorkbench *m_planWorkbench;
    std::optional<core::Profile> m_activeProfile;
};

} // namespace tusk::widgets
