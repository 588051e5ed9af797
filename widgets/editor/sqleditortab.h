#pragma once

#include "lint/rule.h"

#include <QDateTime>
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

    // The file behind the tab; empty for a new one.
    QString filePath() const { return m_path; }
    // Opens `path` (UTF-8, or Latin-1 when asked); false with `error` set,
    // and `notUtf8` true when Latin-1 would open it.
    bool load(const QString &path, bool latin1, QString *error, bool *notUtf8 = nullptr);
    // Writes the text to `path` (empty: the tab's file) in one step.
    bool save(const QString &path, QString *error);
    bool isModified() const;
    // The title for the tab bar: the file name, or "Untitled n", with • when modified.
    QString title() const;
    void setUntitledNumber(int number) { m_untitled = number; }
    // When the file was last read or written, to notice changes made elsewhere.
    QDateTime diskStamp() const { return m_diskStamp; }
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
    void titleChanged();

private:
    void showLinted(quint64 revision, const QList<core::Finding> &findings, qint64 elapsedMs);

    SqlEditor *m_editor;
    LintRunner *m_runner;
    LintFindingsModel *m_findings;
    QTreeView *m_findingsView;
    QLabel *m_status;
    QPushButton *m_fix;
    QString m_path;
    QDateTime m_diskStamp;
    int m_untitled = 1;
};

} // namespace tusk::widgets
