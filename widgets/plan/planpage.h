#pragma once

#include "widgets/shell/toolpage.h"

#include "core/files/userfilewriter.h"
#include "core/plan/planreader.h"

#include <QWidget>

class QLabel;
class QMimeData;
class QStackedWidget;
class QTabWidget;

namespace tusk::widgets {

class PlanComparisonView;
class PlanViewer;

// The Plan tool: a tab per plan (or comparison), opened from a file, a
// paste, a drop, or the SQL editor's Explain. A plan that cannot be read
// leaves a message with the line and column where reading stopped, and the
// open tabs as they were.
class PlanPage : public QWidget, public ToolPage {
    Q_OBJECT
public:
    explicit PlanPage(QWidget *parent = nullptr);

    // ToolPage: takes "plan" hand-offs (the SQL tool's Explain) and plan
    // files (.json .txt .yaml .yml .xml .plan .explain).
    Info toolInfo() const override;
    QWidget *pageWidget() override { return this; }
    void attach(core::Workspace *workspace, ToolHost *host) override;
    QStringList fileSuffixes() const override;
    bool openFiles(const QStringList &paths) override;
    bool takes(const QString &kind) const override { return kind == QLatin1String("plan"); }
    bool receive(const ToolHandoff &handoff) override;
    QList<QAction *> toolActions() const override { return actions(); }

    // Reads `text` and opens it in a new tab titled `title`; `note` is shown
    // over the plan. Returns the viewer, or null with errorText() set.
    PlanViewer *openText(const QString &text, const QString &title, const QString &note = {});
    PlanViewer *openFile(const QString &path);
    // What a drop brings: local files by name, or the plan text itself.
    bool openMimeData(const QMimeData *data);
    // Opens a comparison of two open plan tabs.
    PlanComparisonView *compare(int beforeTab, int afterTab);

    QTabWidget *tabs() const { return m_tabs; }
    PlanViewer *viewerAt(int tab) const;
    PlanViewer *currentViewer() const;
    QString errorText() const;

public slots:
    void openFileDialog();
    void pasteDialog();
    void compareDialog();

signals:
    void message(const QString &text);

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    PlanViewer *openResult(
        core::PlanReader::Result &&result, const QString &title, const QString &note = {});
    void showError(const QString &text);
    void addTab(QWidget *page, const QString &title, const QString &tooltip);

    QLabel *m_error;
    QStackedWidget *m_stack;
    QTabWidget *m_tabs;
    core::UserFileWriter::Options m_writeOptions; // the workspace's, for exports
};

} // namespace tusk::widgets
