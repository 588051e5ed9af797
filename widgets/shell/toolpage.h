#pragma once

#include <QList>
#include <QString>
#include <QStringList>

class QAction;
class QWidget;

namespace tusk::core {
struct Profile;
class ProfileRegistry;
class Workspace;
} // namespace tusk::core

namespace tusk::widgets {

// Something one tool hands to another: a plan from the SQL tool's Explain
// (kind "plan"), SQL to edit (kind "sql"), a SQL file to open (kind
// "sql-file", the path in text). The window gives it to the first
// page that takes its kind and shows that page.
struct ToolHandoff {
    QString kind;
    QString text;
    QString title;
    QString note;
    // "plan": the statement explained, for the Plan tool's Try an index.
    QString statement;
};

// What a page may ask of the window it sits in. GUI thread.
class ToolHost {
public:
    virtual ~ToolHost() = default;
    // One sentence in the status bar for a while.
    virtual void showMessage(const QString &text) = 0;
    // False when no page takes `handoff.kind`.
    virtual bool handOff(const ToolHandoff &handoff) = 0;
    virtual bool canHandOff(const QString &kind) const = 0;
    // Makes `profile` the workspace's target (the Profiles tool's Connect).
    virtual void connectProfile(const core::Profile &profile) = 0;
    // The profiles a page may offer (the editor's "Table sizes from"), with
    // their password lookup.
    virtual core::ProfileRegistry *profileRegistry() const = 0;
};

// The contract every tool implements (KTextEditor's plugin view is the
// model): the window registers pages, gives each the one Workspace and
// itself as host, and otherwise knows none of them by type. A new tool is
// a core folder plus one of these, registered in ToolSet. GUI thread.
class ToolPage {
public:
    // `id` names the tool everywhere: its icon (:/icons/tool-<id>.svg), its
    // page's object name (page-<id>) and its saved state.
    struct Info {
        QString id;
        QString title;
        QString description;
    };

    virtual ~ToolPage() = default;
    virtual Info toolInfo() const = 0;
    virtual QWidget *pageWidget() = 0;
    // Called once, before the window shows; the page follows the
    // workspace's signals from then on. `host` may be null (a page tested
    // on its own): the page then asks nothing of a window.
    virtual void attach(core::Workspace *workspace, ToolHost *host) = 0;

    // Files this tool opens (`tusk FILE…`, a drop): suffixes without the
    // dot; "*" takes whatever no other tool claims.
    virtual QStringList fileSuffixes() const { return {}; }
    virtual bool openFiles(const QStringList &paths)
    {
        Q_UNUSED(paths);
        return false;
    }
    virtual bool takes(const QString &kind) const
    {
        Q_UNUSED(kind);
        return false;
    }
    virtual bool receive(const ToolHandoff &handoff)
    {
        Q_UNUSED(handoff);
        return false;
    }
    // Before the window closes: false keeps it open (unsaved work the
    // user wants to keep).
    virtual bool prepareToClose() { return true; }
    // The tool's actions for the window's menus, in order.
    virtual QList<QAction *> toolActions() const { return {}; }
    // What a tool keeps across runs (recent files, the row cap) it writes
    // to QSettings the moment it changes, under its id, so a crash keeps
    // it too; the window has no save-at-close step to forget.
};

} // namespace tusk::widgets
