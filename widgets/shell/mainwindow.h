#pragma once

#include "pg/conninfo.h"

#include <QMainWindow>

class QActionGroup;
class QStackedWidget;

namespace tusk::core {
class Connection;
}

namespace tusk::widgets {

class ConnectionStatus;
class ConnectionSummary;

// The shell: a rail of tools on the left, the current tool's page in the
// middle, the connection in the status bar. It only places tools; each tool
// lives in its own widget. GUI thread.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    enum class Tool { Profiles, Schema, Editor, Plan, Activity, Migrations };
    Q_ENUM(Tool)

    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    // Connects the window (asynchronously) to the given server; `label`
    // names the connection for people ("sandbox", a profile name).
    void openConnection(const core::ConnInfo &info, const QString &label);
    core::Connection *connection() const { return m_connection; }

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

    core::Connection *m_connection = nullptr;
    QString m_connectionLabel;
    QStackedWidget *m_pages;
    QActionGroup *m_toolActions;
    ConnectionStatus *m_status;
    ConnectionSummary *m_summary;
};

} // namespace tusk::widgets
