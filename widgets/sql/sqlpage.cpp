#include "sqlpage.h"

#include "lintsizesmenu.h"

#include "editorautosave.h"
#include "sqleditor.h"
#include "sqleditortab.h"
#include "sqlmigrationactions.h"

#include "widgets/results/resultspane.h"

#include "core/files/releasedmigrations.h"
#include "core/migrations/migrationsfolder.h"
#include "core/migrations/migrationswriter.h"
#include "core/pg/connection.h"
#include "core/sql/migrationframework.h"
#include "core/sql/sqlfile.h"
#include "core/support/backgroundpool.h"
#include "core/workspace/workspace.h"

#include <QAction>
#include <QDate>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFileSystemWatcher>
#include <QMenu>
#include <QPointer>
#include <QSettings>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>

namespace tusk::widgets {

using namespace tusk::core;

namespace {
const QString kRecentKey = QStringLiteral("editor/recentFiles");
constexpr int kRecentCount = 10;
constexpr qint64 kLargeFileBytes = 64'000'000;
const QString kSqlFilter = QStringLiteral("SQL files (*.sql *.psql *.pgsql);;All files (*)");
} // namespace

SqlPage::SqlPage(QWidget *parent)
    : QWidget(parent)
    , m_tabs(new QTabWidget(this))
    , m_recent(new QMenu(tr("Open recent"), this))
    , m_watcher(new QFileSystemWatcher(this))
{
    m_tabs->setObjectName(QStringLiteral("editorTabs"));
    m_tabs->setTabsClosable(true);
    m_tabs->setMovable(true);
    m_tabs->setDocumentMode(true);

    auto *bar = new QToolBar(this);
    bar->setObjectName(QStringLiteral("editorToolBar"));
    bar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    auto addTool = [this, bar](const QString &text, const QKeySequence &keys, auto slot) {
        QAction *action = bar->addAction(text, this, slot);
        action->setShortcut(keys);
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        QWidget::addAction(action);
        return action;
    };
    addTool(tr("New"), QKeySequence::New, [this] { newTab(); });
    QAction *open = addTool(tr("Open…"), QKeySequence::Open, [this] {
        const QStringList paths = QFileDialog::getOpenFileNames(this, tr("Open SQL files"),
            currentTab() && !currentTab()->filePath().isEmpty()
                ? QFileInfo(currentTab()->filePath()).path()
                : QString(),
            kSqlFilter);
        openFiles(paths);
    });
    if (auto *button = qobject_cast<QToolButton *>(bar->widgetForAction(open))) {
        button->setMenu(m_recent);
        button->setPopupMode(QToolButton::MenuButtonPopup);
    }
    addTool(tr("Save"), QKeySequence::Save, [this] { save(currentTab()); });
    addTool(tr("Save as…"), QKeySequence::SaveAs, [this] { saveAs(currentTab()); });

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(bar);
    layout->addWidget(m_tabs, 1);

    connect(m_tabs, &QTabWidget::tabCloseRequested, this, &SqlPage::closeTab);
    connect(m_watcher, &QFileSystemWatcher::fileChanged, this, &SqlPage::fileChangedOnDisk);
    updateRecentMenu();
    newTab();
}

SqlPage::~SqlPage() = default;

QMessageBox::StandardButton SqlPage::ask(
    const QString &title, const QString &text, QMessageBox::StandardButtons buttons)
{
    if (m_ask)
        return m_ask(title, text, buttons);
    return QMessageBox::question(this, title, text, buttons);
}

void SqlPage::forEachTab(const std::function<void(SqlEditorTab *)> &apply) const
{
    for (int i = 0; i < m_tabs->count(); ++i) {
        if (SqlEditorTab *tab = tabAt(i))
            apply(tab);
    }
}

SqlEditorTab *SqlPage::currentTab() const
{
    return qobject_cast<SqlEditorTab *>(m_tabs->currentWidget());
}

SqlEditorTab *SqlPage::tabAt(int index) const
{
    return qobject_cast<SqlEditorTab *>(m_tabs->widget(index));
}

SqlEditorTab *SqlPage::newTab()
{
    auto *tab = new SqlEditorTab(m_tabs);
    tab->setUntitledNumber(++m_untitled);
    const int index = m_tabs->addTab(tab, tab->title());
    m_tabs->setCurrentIndex(index);
    connect(tab, &SqlEditorTab::titleChanged, this, [this, tab] { updateTitle(tab); });
    connect(tab, &SqlEditorTab::explained, this, &SqlPage::explained);
    tab->setConfirm([this](const QString &title, const QString &text) {
        return ask(title, text, QMessageBox::Yes | QMessageBox::No) == QMessageBox::Yes;
    });
    tab->setTarget(m_target, m_targetLabel, m_production);
    tab->resultsPane()->setWriteOptions(m_writeOptions);
    tab->setCatalog(m_catalog);
    if (m_schemaFacts)
        tab->setSchemaFacts(m_schemaFacts);
    if (!m_keywords.isEmpty())
        tab->setKeywords(m_keywords);
    applyLintMode(tab);
    if (m_migrationActions)
        m_migrationActions->track(tab);
    tab->editor()->setFocus();
    return tab;
}

void SqlPage::updateTitle(SqlEditorTab *tab)
{
    const int index = m_tabs->indexOf(tab);
    if (index < 0)
        return;
    m_tabs->setTabText(index, tab->title());
    m_tabs->setTabToolTip(index, tab->filePath());
}

SqlEditorTab *SqlPage::tabForFile(const QString &path) const
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    for (int i = 0; i < m_tabs->count(); ++i) {
        if (SqlEditorTab *tab = tabAt(i); tab && tab->filePath() == absolute)
            return tab;
    }
    return nullptr;
}

bool SqlPage::openFiles(const QStringList &paths)
{
    bool all = true;
    for (const QString &path : paths) {
        if (SqlEditorTab *open = tabForFile(path)) {
            m_tabs->setCurrentWidget(open);
            continue;
        }
        // A file of hundreds of megabytes is a data dump more often than a
        // script: opening it takes its size in memory twice (text, styles).
        const qint64 bytes = QFileInfo(path).size();
        if (bytes > kLargeFileBytes
            && ask(tr("Large file"),
                   tr("%1 is %2 MB. Opening it takes about twice that in memory and "
                      "linting it a while. Open it?")
                       .arg(QFileInfo(path).fileName())
                       .arg(bytes / 1'000'000),
                   QMessageBox::Open | QMessageBox::Cancel)
                != QMessageBox::Open) {
            all = false;
            continue;
        }
        // A single untouched empty tab is reused, as editors do.
        SqlEditorTab *tab = currentTab();
        const bool reuse = m_tabs->count() == 1 && tab && tab->filePath().isEmpty()
            && !tab->isModified() && tab->editor()->length() == 0;
        if (!reuse)
            tab = newTab();
        QString error;
        bool notUtf8 = false;
        bool loaded = tab->load(path, false, &error, &notUtf8);
        if (!loaded && notUtf8
            && ask(tr("Not UTF-8"),
                   tr("%1\n\nOpen it as Latin-1? Saving then writes it as UTF-8.").arg(error),
                   QMessageBox::Open | QMessageBox::Cancel)
                == QMessageBox::Open)
            loaded = tab->load(path, true, &error);
        if (!loaded) {
            if (!notUtf8)
                ask(tr("Cannot open"), error, QMessageBox::Ok);
            emit message(error);
            if (!reuse) {
                m_tabs->removeTab(m_tabs->indexOf(tab));
                tab->deleteLater();
            }
            all = false;
            continue;
        }
        m_watcher->addPath(tab->filePath());
        addRecent(tab->filePath());
        updateTitle(tab);
        applyLintMode(tab);
    }
    return all;
}

bool SqlPage::save(SqlEditorTab *tab)
{
    if (!tab)
        return false;
    if (tab->filePath().isEmpty() || ReleasedMigrations::contains(tab->filePath(), m_migrations))
        return saveAs(tab);
    QString error;
    // Our own write is not a change made elsewhere.
    m_watcher->removePath(tab->filePath());
    const bool saved = tab->save(QString(), {m_migrations}, &error);
    m_watcher->addPath(tab->filePath());
    if (!saved) {
        ask(tr("Cannot save"),
            tr("%1\n\nYour text is still here; save it elsewhere with Save as.").arg(error),
            QMessageBox::Ok);
        emit message(error);
    }
    if (saved)
        followChangelog(tab->filePath());
    return saved;
}

// docs/migrations-folder.md: every change of a pending file gets its
// CHANGELOG entry. Saved here, so the entries follow (off the GUI thread).
void SqlPage::followChangelog(const QString &path)
{
    if (m_migrations.isEmpty() || MigrationsFolder::pendingNumber(QFileInfo(path).fileName()) < 0
        || QFileInfo(QFileInfo(path).absolutePath()).canonicalFilePath()
            != QFileInfo(m_migrations).canonicalFilePath())
        return;
    const QString folder = m_migrations;
    BackgroundPool::run<MigrationsWriter::Outcome>(
        this, [folder] { return MigrationsWriter(folder).updateChangelog(QDate::currentDate()); },
        [this](MigrationsWriter::Outcome &&outcome) {
            if (!outcome.changelogEntries.isEmpty() || !outcome.ok)
                emit message(outcome.message);
            emit changelogFollowed(outcome.ok);
        });
}

bool SqlPage::saveAs(SqlEditorTab *tab, const QString &chosen)
{
    if (!tab)
        return false;
    QString path = chosen;
    if (path.isEmpty()) {
        if (ReleasedMigrations::contains(tab->filePath(), m_migrations))
            emit message(tr("%1 is a released migration: it is never changed. Save your text "
                            "as a new file.")
                             .arg(tab->filePath()));
        path = QFileDialog::getSaveFileName(this, tr("Save SQL file"),
            tab->filePath().isEmpty() ? tab->title() + QStringLiteral(".sql") : tab->filePath(),
            kSqlFilter);
        if (path.isEmpty())
            return false;
    }
    if (ReleasedMigrations::contains(path, m_migrations)) {
        ask(tr("Released migration"),
            tr("%1 is inside a released part of the migrations folder: released migrations "
               "are never changed. Choose another name.")
                .arg(path),
            QMessageBox::Ok);
        return false;
    }
    const QString old = tab->filePath();
    QString error;
    if (!old.isEmpty())
        m_watcher->removePath(old);
    if (!tab->save(path, {m_migrations}, &error)) {
        if (!old.isEmpty())
            m_watcher->addPath(old);
        ask(tr("Cannot save"), error, QMessageBox::Ok);
        emit message(error);
        return false;
    }
    m_watcher->addPath(tab->filePath());
    addRecent(tab->filePath());
    if (tab->filePath() != old)
        applyLintMode(tab);
    followChangelog(tab->filePath());
    return true;
}

bool SqlPage::closeTab(int index)
{
    SqlEditorTab *tab = tabAt(index);
    if (!tab)
        return false;
    if (tab->isModified()) {
        const auto answer = ask(tr("Unsaved changes"),
            tr("%1 has changes that are not saved. Save them?").arg(tab->title()),
            QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel);
        if (answer == QMessageBox::Cancel || (answer == QMessageBox::Save && !save(tab)))
            return false;
    }
    if (tab->hasOpenTransaction()) {
        const auto answer = ask(tr("Open transaction"),
            tr("%1 has a transaction that is not committed. Closing the tab rolls it back. "
               "Roll back and close?")
                .arg(tab->title()),
            QMessageBox::Yes | QMessageBox::Cancel);
        if (answer != QMessageBox::Yes)
            return false;
    }
    if (!tab->filePath().isEmpty())
        m_watcher->removePath(tab->filePath());
    if (m_autosave)
        m_autosave->remove(tab->autosaveId()); // saved, or let go on purpose
    m_tabs->removeTab(index);
    tab->deleteLater();
    if (m_tabs->count() == 0)
        newTab();
    return true;
}

int SqlPage::enableAutosave(const QString &root)
{
    auto autosave = std::make_unique<EditorAutosave>(root);
    QString error;
    if (!autosave->start(&error)) {
        emit message(tr("Unsaved text cannot be kept safe: %1").arg(error));
        return -1;
    }
    m_autosave = std::move(autosave);
    const QList<EditorAutosave::Entry> orphans = m_autosave->adoptOrphans(&error);
    if (!error.isEmpty())
        emit message(tr("Unsaved text cannot be kept safe: %1").arg(error));
    // The empty tab a fresh window starts with gives way to what comes back.
    SqlEditorTab *blank = m_tabs->count() == 1 && !tabAt(0)->isModified()
            && tabAt(0)->filePath().isEmpty() && tabAt(0)->editor()->length() == 0
        ? tabAt(0)
        : nullptr;
    for (const EditorAutosave::Entry &entry : orphans) {
        SqlEditorTab *tab = newTab();
        tab->setAutosaveId(entry.id);
        tab->restoreUnsaved(entry.text, entry.path);
        applyLintMode(tab);
        if (!tab->filePath().isEmpty() && QFileInfo::exists(tab->filePath()))
            m_watcher->addPath(tab->filePath());
    }
    if (blank && !orphans.isEmpty()) {
        m_tabs->removeTab(m_tabs->indexOf(blank));
        blank->deleteLater();
    }
    if (!orphans.isEmpty())
        emit message(tr("%n unsaved editor tab(s) from the last session came back.", nullptr,
            int(orphans.size())));
    m_autosaveTimer = new QTimer(this);
    m_autosaveTimer->setInterval(3000);
    connect(m_autosaveTimer, &QTimer::timeout, this, &SqlPage::autosaveNow);
    m_autosaveTimer->start();
    return int(orphans.size());
}

void SqlPage::autosaveNow()
{
    if (!m_autosave)
        return;
    for (int i = 0; i < m_tabs->count(); ++i) {
        SqlEditorTab *tab = tabAt(i);
        // One write per tab at a time, so an older text never lands last.
        if (!tab || m_autosaving.contains(tab->autosaveId()))
            continue;
        if (!tab->isModified()) {
            if (tab->autosavedRevision() != 0) {
                m_autosave->remove(tab->autosaveId());
                tab->setAutosavedRevision(0);
            }
            continue;
        }
        const quint64 revision = tab->editor()->revision();
        if (revision == tab->autosavedRevision())
            continue;
        // Written on a worker: each file is synced before it replaces the
        // last one, which a busy disk can hold up for a while.
        const EditorAutosave::Entry entry {
            tab->autosaveId(), tab->filePath(), tab->editor()->text()};
        m_autosaving.insert(entry.id);
        const QPointer<SqlEditorTab> written(tab);
        m_autosave->writeLater(
            this, entry, [this, written, id = entry.id, revision](bool ok, const QString &error) {
                m_autosaving.remove(id);
                if (!written) {
                    // Closed meanwhile: the files closing removed are back.
                    if (m_autosave)
                        m_autosave->remove(id);
                    return;
                }
                if (ok)
                    written->setAutosavedRevision(revision);
                else
                    emit message(tr("Unsaved text of %1 could not be kept safe: %2")
                                     .arg(written->title(), error));
            });
    }
}

void SqlPage::setMigrationsFolder(const QString &folder)
{
    m_migrations = folder;
    forEachTab([&](SqlEditorTab *tab) { applyLintMode(tab); });
}

bool SqlPage::isInMigrations(const QString &path) const
{
    if (m_migrations.isEmpty() || path.isEmpty())
        return false;
    const QString folder = QDir::cleanPath(QFileInfo(m_migrations).absoluteFilePath());
    return QDir::cleanPath(QFileInfo(path).absoluteFilePath())
        .startsWith(folder + QLatin1Char('/'));
}

void SqlPage::applyLintMode(SqlEditorTab *tab)
{
    if (!isInMigrations(tab->filePath())) {
        tab->setLintMode(tr("plain SQL"), false,
            tr("Not in the profile's migrations folder: each statement on its own."));
        return;
    }
    const MigrationFramework tool =
        MigrationFramework::detect(tab->filePath(), tab->editor()->text().left(4096));
    tab->setLintMode(tool.inTransaction ? tr("a %1 migration in one transaction").arg(tool.name)
                                        : tr("a %1 migration").arg(tool.name),
        tool.inTransaction, tool.reason);
}

void SqlPage::setKeywords(const QStringList &words)
{
    m_keywords = words;
    forEachTab([&](SqlEditorTab *tab) { tab->setKeywords(words); });
}

void SqlPage::setSchemaFacts(std::shared_ptr<const SchemaFacts> catalog)
{
    m_schemaFacts = std::move(catalog);
    forEachTab([&](SqlEditorTab *tab) { tab->setSchemaFacts(m_schemaFacts); });
}

void SqlPage::setCatalog(const core::CatalogSnapshot &catalog)
{
    m_catalog = catalog;
    forEachTab([&](SqlEditorTab *tab) { tab->setCatalog(catalog); });
}

void SqlPage::setTarget(const core::ConnInfo &info, const QString &label, bool production)
{
    m_target = info;
    m_targetLabel = label;
    m_production = production;
    forEachTab([&](SqlEditorTab *tab) { tab->setTarget(info, label, production); });
}

ToolPage::Info SqlPage::toolInfo() const
{
    return {QStringLiteral("sql"), tr("SQL"),
        tr("An SQL editor that lints migrations while you type: the lock each statement "
           "takes, table rewrites, and the online way to do the same.")};
}

void SqlPage::attach(Workspace *workspace, ToolHost *host)
{
    // Released migrations and the tool of the folder apply as soon as a
    // profile is chosen, before its server answers.
    connect(workspace, &Workspace::targetChanged, this, [this, workspace] {
        setMigrationsFolder(workspace->target().migrationsFolder);
        m_writeOptions = workspace->fileWriteOptions();
        forEachTab([&](SqlEditorTab *tab) { tab->resultsPane()->setWriteOptions(m_writeOptions); });
    });
    connect(workspace, &Workspace::ready, this, [this, workspace] {
        const WorkspaceTarget &target = workspace->target();
        setTarget(target.connInfo, target.label, target.production);
    });
    connect(workspace, &Workspace::catalogChanged, this,
        [this, workspace] { setCatalog(workspace->catalog()); });
    connect(workspace, &Workspace::schemaFactsChanged, this,
        [this, workspace] { setSchemaFacts(workspace->schemaFacts()); });
    connect(workspace, &Workspace::schemaFactsFailed, this, [this](const PgError &error) {
        emit message(tr("Lint without the server's catalog: %1").arg(error.message));
    });
    connect(workspace, &Workspace::serverKeywordsChanged, this,
        [this, workspace] { setKeywords(workspace->serverKeywords()); });
    m_migrationActions = new SqlMigrationActions(workspace, this);
    QWidget::addActions(m_migrationActions->actions());
    connect(m_migrationActions, &SqlMigrationActions::message, this, &SqlPage::message);
    forEachTab([this](SqlEditorTab *tab) { m_migrationActions->track(tab); });
    if (host) {
        connect(this, &SqlPage::message, this,
            [host](const QString &text) { host->showMessage(text); });
        if (host->profileRegistry()) {
            auto *sizes = new LintSizesMenu(workspace, host->profileRegistry(), this);
            QWidget::addAction(sizes->menuAction());
            connect(sizes, &LintSizesMenu::message, this, &SqlPage::message);
        }
        connect(this, &SqlPage::explained, this,
            [host](const QString &plan, const QString &title, const QString &note,
                const QString &statement) {
                host->handOff({QStringLiteral("plan"), plan, title, note, statement});
            });
    }
    // Tests run many windows at once; they check autosave on their own folders.
    if (!QStandardPaths::isTestModeEnabled())
        enableAutosave(EditorAutosave::defaultRoot());
}

QStringList SqlPage::fileSuffixes() const
{
    return {QStringLiteral("sql"), QStringLiteral("psql"), QStringLiteral("pgsql"),
        QStringLiteral("*")};
}

bool SqlPage::takes(const QString &kind) const
{
    return kind == QLatin1String("sql") || kind == QLatin1String("sql-file");
}

bool SqlPage::receive(const ToolHandoff &handoff)
{
    // A file to open (the Rollout tool's list): released ones open read-only.
    if (handoff.kind == QLatin1String("sql-file"))
        return openFiles({handoff.text});
    SqlEditorTab *tab = newTab();
    tab->editor()->setText(handoff.text);
    return true;
}

bool SqlPage::closeAll()
{
    for (int i = m_tabs->count() - 1; i >= 0; --i) {
        SqlEditorTab *tab = tabAt(i);
        if (tab && (tab->isModified() || tab->hasOpenTransaction())) {
            m_tabs->setCurrentIndex(i);
            if (!closeTab(i))
                return false;
        }
    }
    return true;
}

void SqlPage::fileChangedOnDisk(const QString &path)
{
    SqlEditorTab *tab = tabForFile(path);
    if (!tab)
        return;
    // Editors that save by renaming drop the watch: watch the new file.
    if (QFileInfo::exists(path) && !m_watcher->files().contains(path))
        m_watcher->addPath(path);
    if (!QFileInfo::exists(path)) {
        emit message(tr("%1 was deleted or moved; the text stays in its tab.").arg(path));
        return;
    }
    if (QFileInfo(path).lastModified() == tab->diskStamp())
        return;
    QString error;
    if (!tab->isModified()) {
        if (tab->load(path, false, &error))
            emit message(tr("%1 changed on disk and was read again.").arg(path));
        return;
    }
    if (ask(tr("Changed on disk"),
            tr("%1 was changed by another program, and this tab has changes of its own. Read "
               "the file again and drop your changes?")
                .arg(path),
            QMessageBox::Yes | QMessageBox::No)
        == QMessageBox::Yes)
        tab->load(path, false, &error);
}

QStringList SqlPage::recentFiles() const
{
    return QSettings().value(kRecentKey).toStringList();
}

void SqlPage::addRecent(const QString &path)
{
    QStringList recent = recentFiles();
    recent.removeAll(path);
    recent.prepend(path);
    while (recent.size() > kRecentCount)
        recent.removeLast();
    QSettings().setValue(kRecentKey, recent);
    updateRecentMenu();
}

void SqlPage::updateRecentMenu()
{
    m_recent->clear();
    const QStringList recent = recentFiles();
    for (const QString &path : recent)
        m_recent->addAction(path, this, [this, path] { openFiles({path}); });
    m_recent->setEnabled(!recent.isEmpty());
}

} // namespace tusk::widgets
