#pragma once

#include <QDialog>

#include <functional>

class QComboBox;
class QTabWidget;

namespace tusk::widgets {

class LintRulesPreferences;

// Edit → Preferences (Ctrl+,): the look, the SQL editor, the lint rules, the
// activity monitor and where files are kept. Each change is saved and
// applied at once (core::Preferences tells every view), so there is no OK
// or Cancel; the same keys are in ~/.config/tusk/tusk.conf. Not modal.
class PreferencesDialog : public QDialog {
    Q_OBJECT
public:
    // `projectRoot`: the project whose .tusk-lint.toml the lint page shows.
    explicit PreferencesDialog(const QString &projectRoot, QWidget *parent = nullptr);

    QTabWidget *pages() const { return m_pages; }
    LintRulesPreferences *lintRules() const { return m_lint; }

signals:
    void message(const QString &text);

private:
    QWidget *appearancePage();
    QWidget *editorPage();
    QWidget *activityPage();
    QWidget *folderRow(const QString &objectName, const QString &current,
        const std::function<void(const QString &)> &set);

    QTabWidget *m_pages;
    LintRulesPreferences *m_lint;
};

} // namespace tusk::widgets
