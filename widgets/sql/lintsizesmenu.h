#pragma once

#include <QMenu>
#include <QPointer>

namespace tusk::core {
class ProfileRegistry;
class Workspace;
} // namespace tusk::core

namespace tusk::widgets {

// The editor's "Table Sizes for Lint" setting: which database's table sizes
// may lower a lint finding. A developer lints against the sandbox, the
// migration runs on production: only sizes from the database it targets
// (a profile picked here, like `tusk lint --sizes-from`) say a table is
// small enough not to matter. The choice is kept in QSettings and asked of
// the Workspace, which reads the sizes on a session of its own.
class LintSizesMenu : public QMenu {
    Q_OBJECT
public:
    LintSizesMenu(core::Workspace *workspace, core::ProfileRegistry *profiles, QWidget *parent);

    // The profile whose sizes are used; empty for the connected database.
    QString chosen() const { return m_chosen; }
    void choose(const QString &profileName);

signals:
    void message(const QString &text);

private:
    void rebuild();

    QPointer<core::Workspace> m_workspace;
    core::ProfileRegistry *m_profiles;
    QString m_chosen;
    int m_request = 0; // a later choice wins over a password still being looked up
};

} // namespace tusk::widgets
