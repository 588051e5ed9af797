#pragma once

#include "core/lint/lintconfig.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QTableWidget;

namespace tusk::widgets {

// The Preferences' lint page: every rule with its default level and the
// user's choice (default, error, warning, info, off), saved at once to the
// user's lint.toml that `tusk lint` reads too. What the project's
// .tusk-lint.toml sets is shown beside it (the team's file wins), and the
// current choices can be written to that file for the team to commit.
class LintRulesPreferences : public QWidget {
    Q_OBJECT
public:
    // `projectRoot`: the folder whose .tusk-lint.toml applies (may be empty).
    explicit LintRulesPreferences(const QString &projectRoot, QWidget *parent = nullptr);

    QTableWidget *table() const { return m_table; }
    // The level chosen for a rule: "default", "error", "warning", "info", "off".
    QString choiceOf(const QString &rule) const;
    void choose(const QString &rule, const QString &level);
    QPushButton *writeProjectButton() const { return m_writeProject; }

signals:
    void message(const QString &text);

private:
    core::LintConfig chosen() const;
    void save();
    void writeProject();
    void showProject();

    QString m_projectRoot;
    QTableWidget *m_table;
    QLabel *m_projectNote;
    QPushButton *m_writeProject;
    bool m_loading = false;
    QString m_userError; // the user's lint.toml does not read
};

} // namespace tusk::widgets
