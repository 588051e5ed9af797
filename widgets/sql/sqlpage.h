#pragma once

#include "widgets/shell/toolpage.h"

#include "core/catalog/catalogsnapshot.h"
#include "core/files/userfilewriter.h"
#include "core/lint/schemafacts.h"
#include "core/pg/conninfo.h"

#include <QMessageBox>
#include <QPointer>
#include <QSet>
#include <QWidget>

#include <functional>
#include <memory>

class QFileSystemWatcher;
class QTimer;
class QMenu;
class QTabWidget;

namespace tusk::widgets {

class EditorAutosave;
class SqlEditorTab;
class SqlMigrationActions;

// The SQL tool: editor tabs over files (new, open, save in one step, save
// as, recent files), each linted as you type. Unsaved changes are asked
// about before a tab or the window closes; a file changed by another
// program is read again when the tab has no edits of its own, and asked
// about when it has. Released migrations (docs/profiles.md) are never written.
class SqlPage : public QWidget, public ToolPage {
    Q_OBJECT
public:
    explicit SqlPage(QWidget *parent = nullptr);
    ~SqlPage() override;

    // ToolPage: the tabs follow the workspace's target (its migrations
    // folder at once, its sessions once it is ready), lint with its lint
    // catalog, complete from its catalog and highlight its keywords; Explain
    // hands the plan to the tool that takes "plan"; SQL files (and any file
    // no other tool claims) open here.
    Info toolInfo() const override;
    QWidget *pageWidget() override { return this; }
    void attach(core::Workspace *workspace, ToolHost *host) override;
    QStringList fileSuffixes() const override;
    bool openFiles(const QStringList &paths) override;
    bool takes(const QString &kind) const override;
    bool receive(const ToolHandoff &handoff) override;
    bool prepareToClose() override { return closeAll(); }
    QList<QAction *> toolActions() const override { return actions(); }

    // Asks the user; tests answer instead. Returns the button chosen.
    using Asker = std::function<QMessageBox::StandardButton(
        const QString &title, const QString &text, QMessageBox::StandardButtons buttons)>;
    void setAsker(Asker asker) { m_ask = std::move(asker); }

    SqlEditorTab *newTab();
    // Opens each file in a tab (or shows the tab that has it); false when
    // any could not be opened (the reason was said).
    bool save(SqlEditorTab *tab);
    bool saveAs(SqlEditorTab *tab, const QString &path = QString());
    // Closes a tab, asking first when it has unsaved changes; false when
    // the user kept it.
    bool closeTab(int index);
    // Before the window closes: false when the user wants to stay.
    bool closeAll();

    // The migrations folder of the active profile: its released files are
    // read-only here.
    // Files inside it are linted as migrations of the tool found there.
    void setMigrationsFolder(const QString &folder);
    QString migrationsFolder() const { return m_migrations; }
    // The target's pg_get_keywords(), once read; empty before.
    QStringList serverKeywords() const { return m_keywords; }

    // Keeps unsaved text under `root` every few seconds and brings back
    // what a Tusk that ended without saving left there. Returns how many
    // buffers came back; -1 when the folder cannot be used (said by message()).
    int enableAutosave(const QString &root);
    // Writes the unsaved tabs now (the timer does it every few seconds).
    void autosaveNow();

    QTabWidget *tabs() const { return m_tabs; }
    SqlEditorTab *currentTab() const;
    SqlEditorTab *tabAt(int index) const;
    QStringList recentFiles() const;

signals:
    void message(const QString &text);
    // A tab's Explain came back (SqlEditorTab::explained).
    void explained(const QString &planJson, const QString &title, const QString &note,
        const QString &statement);
    // A pending migration was saved and its CHANGELOG entries followed.
    void changelogFollowed(bool ok);

private:
    void followChangelog(const QString &path);
    void addRecent(const QString &path);
    // Plain SQL, or a migration (with its tool's transaction habit).
    void applyLintMode(SqlEditorTab *tab);
    bool isInMigrations(const QString &path) const;
    // Where the tabs run SQL: each tab opens a session of its own there.
    void setTarget(const core::ConnInfo &info, const QString &label, bool production);
    // The target database's catalog, for completion in every tab.
    void setCatalog(const core::CatalogSnapshot &catalog);
    void setSchemaFacts(std::shared_ptr<const core::SchemaFacts> catalog);
    void setKeywords(const QStringList &words);
    void updateRecentMenu();
    void updateTitle(SqlEditorTab *tab);
    void fileChangedOnDisk(const QString &path);
    SqlEditorTab *tabForFile(const QString &path) const;
    void forEachTab(const std::function<void(SqlEditorTab *)> &apply) const;
    QMessageBox::StandardButton ask(
        const QString &title, const QString &text, QMessageBox::StandardButtons buttons);

    QTabWidget *m_tabs;
    QMenu *m_recent;
    QFileSystemWatcher *m_watcher;
    Asker m_ask;
    QString m_migrations;
    std::unique_ptr<EditorAutosave> m_autosave;
    QTimer *m_autosaveTimer = nullptr;
    QSet<QString> m_autosaving; // tabs whose text a worker is writing
    core::ConnInfo m_target;
    core::CatalogSnapshot m_catalog;
    std::shared_ptr<const core::SchemaFacts> m_schemaFacts;
    QStringList m_keywords; // the server's, lower case; empty: the grammar's
    core::UserFileWriter::Options m_writeOptions; // the workspace's, for CSV exports
    QString m_targetLabel;
    bool m_production = false;
    int m_untitled = 0;
    SqlMigrationActions *m_migrationActions = nullptr; // once attached
};

} // namespace tusk::widgets
