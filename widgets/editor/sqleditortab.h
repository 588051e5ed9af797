#pragma once

#include "lint/rule.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QTreeView;

namespace tusk::widgets {

class LintFindingsModel;
class LintRunner;
class SqlEditor;

// One tab of the SQL tool: the editor and, under it, the findings of the
// live lint (click one to go to it; Ctrl+. or the button applies its quick
// fix as one undoable edit).
class SqlEditorTab : public QWidget {
    Q_OBJECT
public:
    explicit SqlEditorTab(QWidget *parent = nullptr);
    ~SqlEditorTab() override;

    SqlEditor *editor() const { return m_editor; }
    LintRunner *lintRunner() const { return m_runner; }
    QTreeView *findingsView() const { return m_findingsView; }
    LintFindingsModel *findingsModel() const { return m_findings; }

    void setLintOptions(const core::LintOptions &options);
    // Applies a quick fix of the findings at the cursor, else of the one
    // selected in the list; when several apply there, a menu at the caret
    // offers each. `rule` picks one without asking. False when none
    // applies.
    bool applyQuickFix(const QString &rule = QString());
    // The findings with a quick fix at the cursor (or the selected one).
    QList<int> quickFixes() const;
    QString lintStatus() const;

signals:
    // A lint came back and its findings are shown.
    void linted();

private:
    void showLinted(quint64 revision, const QList<core::Finding> &findings, qint64 elapsedMs);

    SqlEditor *m_editor;
    LintRunner *m_runner;
    LintFindingsModel *m_findings;
    QTreeView *m_findingsView;
    QLabel *m_status;
    QPushButton *m_fix;
};

} // namespace tusk::widgets
