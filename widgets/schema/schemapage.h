#pragma once

#include "widgets/shell/toolpage.h"

#include "core/catalog/catalogobjects.h"
#include "core/pg/conninfo.h"

#include <QHash>
#include <QPointer>
#include <QWidget>

class QLabel;
class QLineEdit;
class QToolButton;
class QTreeView;

namespace tusk::core {
class CatalogSession;
}

namespace tusk::widgets {

class ObjectDetails;
class SchemaTreeModel;

// The Schema tool: the catalog tree of the connected server (the current
// database loaded at once, the server's other databases when expanded),
// an instant fuzzy filter, the details of the selected object, and the
// health findings on the objects they concern and as one list. Reads on
// catalog sessions (core::CatalogSession): the workspace's for the target
// database, its own for the server's other databases, so a refresh or a
// locked table never touches the window's session or blocks the GUI thread.
class SchemaPage : public QWidget, public ToolPage {
    Q_OBJECT
public:
    explicit SchemaPage(QWidget *parent = nullptr);
    ~SchemaPage() override;

    Info toolInfo() const override;
    QWidget *pageWidget() override { return this; }
    void attach(core::Workspace *workspace, ToolHost *host) override;
    void refresh();
    void setFilterText(const QString &text);
    // Selects an object of the database numbered `database` (0: the
    // connected one) and shows its details.
    bool selectObject(int database, const core::CatalogObjectRef &ref);
    void showHealth(int database = 0);

    SchemaTreeModel *model() const { return m_model; }
    QTreeView *tree() const { return m_tree; }
    ObjectDetails *details() const { return m_details; }
    QString statusText() const;
    bool isLoading() const;

signals:
    // A snapshot of `database` arrived (or failed: `ok` false): first the
    // quick one, then the whole one (CatalogSnapshot::hasDefinitions()).
    void loaded(const QString &database, bool ok);
    void openInEditor(const QString &sql);

private:
    // The workspace's target is ready: its server and database, numbered
    // 0, read on the workspace's catalog session; the same server and
    // database again is a no-op.
    void showTarget();
    core::CatalogSession *sessionFor(int database);
    void watch(int database, core::CatalogSession *session);
    void loadDatabase(int database);
    void onLoaded(int database, qint64 elapsedMs);
    void onSelection();
    void rememberTree();
    void restoreTree();
    void showContextMenu(const QPoint &at);
    void updateStatus();

    core::ConnInfo m_info;
    QString m_label;
    SchemaTreeModel *m_model;
    QTreeView *m_tree;
    QLineEdit *m_filter;
    QToolButton *m_refresh;
    QToolButton *m_health;
    QLabel *m_status;
    ObjectDetails *m_details;
    core::Workspace *m_workspace = nullptr;
    // Database 0's is the workspace's; the others are the browser's own.
    QHash<int, QPointer<core::CatalogSession>> m_sessions;
    QHash<int, qint64> m_loadMs;
    QStringList m_expanded;
    QString m_current;
    bool m_restoring = false;
};

} // namespace tusk::widgets
