#pragma once

#include "widgets/shell/toolpage.h"

#include "core/files/userfilewriter.h"
#include "core/plan/planreader.h"

#include <QWidget>

#include <functional>

class QComboBox;
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
// open tabs as they were. What was skipped to find the plan in a paste is
// said over the plan; a text with several plans opens the first and offers
// the others in a bar above the tabs (never a modal question).
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
    // over the plan. Returns the viewer, or null with errorText() set. When
    // the text holds several plans the first opens and choiceBar() offers
    // the rest.
    // A text or file of readOnWorkerBytes or more is read on a worker (a
    // 33 MB plan takes about 150 ms to read): these return null at once,
    // isReading() is true, and readFinished() brings the viewer later.
    PlanViewer *openText(const QString &text, const QString &title, const QString &note = {});
    PlanViewer *openFile(const QString &path);
    static constexpr qint64 readOnWorkerBytes = 1 << 20;
    bool isReading() const { return m_readsRunning > 0; }
    // What a drop brings: local files by name, or the plan text itself.
    bool openMimeData(const QMimeData *data);
    // Opens a comparison of two open plan tabs.
    PlanComparisonView *compare(int beforeTab, int afterTab);

    QTabWidget *tabs() const { return m_tabs; }
    PlanViewer *viewerAt(int tab) const;
    PlanViewer *currentViewer() const;
    QString errorText() const;
    // The bar that offers the other plans of the last text read ("This text
    // holds 3 plans"), hidden when it held one; openChoice() opens the one
    // its combo box shows.
    QWidget *choiceBar() const { return m_choiceBar; }
    QComboBox *choiceCombo() const { return m_choiceCombo; }
    PlanViewer *openChoice();

public slots:
    void openFileDialog();
    void pasteDialog();
    void compareDialog();

signals:
    void message(const QString &text);
    // A read on a worker ended: the new tab's viewer, or null when nothing
    // opened (errorText() says why; several plans: the choice bar offers them).
    void readFinished(tusk::widgets::PlanViewer *viewer);

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    PlanViewer *openResult(
        core::PlanReader::Result &&result, const QString &title, const QString &note = {});
    // The first plan of `results`; the others go to the choice bar.
    PlanViewer *openResults(
        QList<core::PlanReader::Result> &&results, const QString &title, const QString &note = {});
    void offerChoice(
        const QList<core::PlanReader::Result> &results, const QString &title, const QString &note);
    // Reads on the BackgroundPool and opens on the GUI thread; `then` gets
    // the viewer (or null) either way. `read` must hold no widget.
    struct ReadPlans {
        QList<core::PlanReader::Result> results;
        QString error; // the file could not be read
    };
    void readThenOpen(std::function<ReadPlans()> read, const QString &title, const QString &note,
        const QString &path, std::function<void(PlanViewer *)> then);
    PlanViewer *openRead(
        ReadPlans &&read, const QString &title, const QString &note, const QString &path);
    void showError(const QString &text);
    void addTab(QWidget *page, const QString &title, const QString &tooltip);

    QLabel *m_error;
    QLabel *m_reading; // "Reading plan.json (33 MB)…" while a worker reads
    int m_readsRunning = 0;
    QWidget *m_choiceBar;
    QLabel *m_choiceText;
    QComboBox *m_choiceCombo;
    // The plans of the text the bar offers, with the title and note they
    // open under.
    QList<core::PlanReader::Result> m_choices;
    QString m_choiceTitle;
    QString m_choiceNote;
    QStackedWidget *m_stack;
    QTabWidget *m_tabs;
    core::UserFileWriter::Options m_writeOptions; // the workspace's, for exports
    core::Workspace *m_workspace = nullptr; // its target is where Explain ran
    ToolHost *m_host = nullptr; // takes Try an index's CREATE INDEX to the SQL tool
};

} // namespace tusk::widgets
