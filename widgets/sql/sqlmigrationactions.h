#pragma once

#include <QList>
#include <QObject>
#include <QPointer>

class QAction;

namespace tusk::core {
class Workspace;
}

namespace tusk::widgets {

class SqlEditorTab;

// What the SQL tool does around a structure change, for the workspace's
// target (docs/migrations-folder.md): each tab asks approval before one
// (the workspace's ConfirmationPolicy) and, when the target has a
// migrations folder, offers Add to Migration after one succeeds. Add
// Selection to Migration and Add File to Migration put statements there
// without running them. Writes go through core's MigrationsWriter on the
// BackgroundPool; the tab's Messages and the status bar say what happened.
class SqlMigrationActions : public QObject {
    Q_OBJECT
public:
    SqlMigrationActions(core::Workspace *workspace, QObject *parent);

    // Follows the workspace for this tab from now on.
    void track(SqlEditorTab *tab);
    QList<QAction *> actions() const { return {m_addSelection, m_addFile}; }
    // Appends the statements of `sql` that belong in a migration to the
    // latest pending file; `tab` (may be null) hears the outcome.
    void add(const QByteArray &sql, SqlEditorTab *tab);

signals:
    void message(const QString &text);
    // A write came back: `ok` false when nothing was added.
    void added(bool ok, const QString &text);

private:
    void apply(SqlEditorTab *tab) const;
    void applyAll();
    SqlEditorTab *current() const;

    core::Workspace *m_workspace;
    QList<QPointer<SqlEditorTab>> m_tabs;
    QAction *m_addSelection;
    QAction *m_addFile;
};

} // namespace tusk::widgets
