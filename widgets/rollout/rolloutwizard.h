#pragma once

#include "core/pg/conninfo.h"
#include "core/rollout/rolloutsession.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QListWidget;
class QProcess;
class QProgressBar;
class QPushButton;
class QTextBrowser;

namespace tusk::core {
class Workspace;
}

namespace tusk::widgets {

// The rollout wizard (issue 23, point 10): the pending files' rollout as a
// vertical timeline of steps with their state, and for the selected step
// its SQL, lock, gate, dry-run result and rollback, with the actions: Dry
// Run (a scratch database on the sandbox), Run on <target> (a production
// target asks inline first), Check Gate, Roll Back, Mark Done for the
// application's step, and Next, which stays disabled until the step's gate
// holds, with the reason beside it. A backfill step shows its live
// progress, with Pause and Resume. The sheet is exported as Markdown or
// PDF and signed off into CHANGELOG.md. The SQL runs in core's
// RolloutSession; this widget only shows it and presses its buttons.
class RolloutWizard : public QWidget {
    Q_OBJECT
public:
    explicit RolloutWizard(QWidget *parent = nullptr);
    ~RolloutWizard() override;

    void setWorkspace(core::Workspace *workspace);
    // Reads the pending files of `folder` (off the GUI thread) and plans
    // their rollout against the workspace's catalog.
    void setFolder(const QString &folder);
    // Where the dry run makes its scratch database (default: the sandbox,
    // or the target when it is the sandbox).
    void setScratchServer(const core::ConnInfo &server) { m_scratchServer = server; }

    core::RolloutSession *session() const { return m_session; }
    int selectedStep() const;
    void selectStep(int index);
    QString sheetMarkdown() const;

    // The buttons, for tests and shortcuts.
    void dryRun();
    void runSelected();
    // Runs the step the inline question was about (else the selected one).
    void confirmRun();
    void checkGate();
    void rollBack();
    void next();
    void signOff();
    void exportSheet(const QString &path);

signals:
    void planned();
    void message(const QString &text);

private:
    void showPlan(const core::RolloutPlan &plan);
    void dropQuestion();
    void refreshStep(int index);
    void showSelected();
    void updateButtons();
    core::ConnInfo scratchServer() const;
    QString stepHtml(int index) const;

    core::Workspace *m_workspace = nullptr;
    QProcess *m_git = nullptr; // asks git for the reviewer's name, once
    core::RolloutSession *m_session;
    core::ConnInfo m_scratchServer;
    QString m_folder;
    QList<QPair<QString, QByteArray>> m_pending;
    int m_reads = 0;
    int m_askedStep = -1; // the step the inline question is about; -1: none
    QLabel *m_summary;
    QListWidget *m_timeline;
    QTextBrowser *m_details;
    QLabel *m_confirm;
    QPushButton *m_confirmRun;
    QLabel *m_blocked;
    QProgressBar *m_progress;
    QPushButton *m_dryRun;
    QPushButton *m_run;
    QPushButton *m_gate;
    QPushButton *m_rollBack;
    QPushButton *m_pause;
    QPushButton *m_next;
    QLineEdit *m_reviewer;
    QPushButton *m_signOff;
    QPushButton *m_export;
};

} // namespace tusk::widgets
