#include "rolloutpage.h"

#include "planimpactpanel.h"
#include "rolloutconfirmbar.h"
#include "rolloutwizard.h"

#include "core/migrations/frameworkrelease.h"
#include "core/migrations/migrationswriter.h"
#include "core/migrations/pendingsplit.h"
#include "core/profiles/profileregistry.h"
#include "core/support/backgroundpool.h"
#include "core/workspace/workspace.h"

#include <QAction>
#include <QDate>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QFileSystemWatcher>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QSpinBox>
#include <QSplitter>
#include <QTabWidget>
#include <QTextBrowser>
#include <QTimer>
#include <QToolBar>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace tusk::widgets {

namespace {
constexpr int kPathRole = Qt::UserRole + 1;

// Tusk's entry markers are HTML comments: hidden in the rendered file.
QString renderable(const QByteArray &changelog)
{
    static const QRegularExpression marker(QStringLiteral("\\s*<!--\\s*tusk:[^>]*-->"));
    return QString::fromUtf8(changelog).remove(marker);
}
} // namespace

RolloutPage::RolloutPage(QWidget *parent)
    : QWidget(parent)
    , m_where(new QLabel(this))
    , m_notice(new QLabel(this))
    , m_confirm(new RolloutConfirmBar(this))
    , m_maxStatements(new QSpinBox(this))
    , m_files(new QTreeWidget(this))
    , m_changelog(new QTextBrowser(this))
    , m_watcher(new QFileSystemWatcher(this))
    , m_refreshSoon(new QTimer(this))
    , m_tabs(new QTabWidget(this))
    , m_wizard(new RolloutWizard(this))
    , m_impact(new PlanImpactPanel(this))
{
    setObjectName(QStringLiteral("page-rollout"));
    auto *bar = new QToolBar(this);
    bar->addAction(tr("Refresh"), this, &RolloutPage::refresh);
    m_createAction = bar->addAction(tr("Create Folder"), this, &RolloutPage::createFolder);
    m_createAction->setToolTip(tr("The profile's migrations folder does not exist yet: make it, "
                                  "with an empty CHANGELOG.md"));
    m_updateAction = bar->addAction(tr("Update CHANGELOG"), this, &RolloutPage::updateChangelog);
    m_updateAction->setToolTip(tr("Add the CHANGELOG.md entries the pending files lack, under "
                                  "today's date"));
    m_existingAction =
        bar->addAction(tr("Use Existing Folder…"), this, &RolloutPage::askExistingFolder);
    m_existingAction->setToolTip(tr("Pick a folder of the project that looks like a migrations "
                                    "folder; it is saved as the profile's migrations_path"));
    m_splitAction = bar->addAction(tr("Split…"), this, &RolloutPage::askSplit);
    m_splitAction->setToolTip(tr("Split the latest pending file that mixes statements no "
                                 "transaction may wrap with others, or holds too many, into "
                                 "ordered files (a preview first)"));
    m_compactAction = bar->addAction(tr("Compact…"), this, &RolloutPage::askCompact);
    m_compactAction->setToolTip(tr("Merge pending files that change one table on one day (a "
                                   "preview first)"));
    m_releaseAction = bar->addAction(tr("Release…"), this, &RolloutPage::askRelease);
    m_releaseAction->setToolTip(tr("Move the pending files into a new dated released folder and "
                                   "remove their CHANGELOG entries"));
    bar->addSeparator();
    auto *maxLabel = new QLabel(tr("Split above"), bar);
    bar->addWidget(maxLabel);
    m_maxStatements->setObjectName(QStringLiteral("rolloutMaxStatements"));
    m_maxStatements->setRange(1, 10000);
    m_maxStatements->setSuffix(tr(" statements"));
    m_maxStatements->setToolTip(tr("A pending file holding more statements than this is "
                                   "proposed for splitting"));
    m_maxStatements->setValue(QSettings()
                                  .value(QStringLiteral("rollout/maxStatementsPerFile"),
                                      core::PendingSplit::defaultMaxStatements)
                                  .toInt());
    bar->addWidget(m_maxStatements);
    connect(m_maxStatements, &QSpinBox::valueChanged, this, [this](int value) {
        QSettings().setValue(QStringLiteral("rollout/maxStatementsPerFile"), value);
        m_refreshSoon->start();
    });
    QWidget::addActions({m_createAction, m_existingAction, m_updateAction, m_splitAction,
        m_compactAction, m_releaseAction});

    m_where->setObjectName(QStringLiteral("rolloutFolder"));
    m_where->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_notice->setObjectName(QStringLiteral("rolloutNotice"));
    m_notice->setWordWrap(true);
    m_notice->setStyleSheet(
        QStringLiteral("QLabel { background: #fff4d6; border: 1px solid #e0c36b; padding: 6px; }"));
    m_notice->hide();
    connect(m_confirm, &RolloutConfirmBar::confirmed, this, &RolloutPage::confirm);
    connect(m_confirm, &RolloutConfirmBar::cancelled, this, [this] { m_asked = Asked::Nothing; });

    m_files->setObjectName(QStringLiteral("rolloutFiles"));
    m_files->setHeaderLabels({tr("File"), tr("CHANGELOG")});
    m_files->header()->setStretchLastSection(true);
    m_files->setRootIsDecorated(true);
    connect(m_files, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *item) {
        const QString path = item->data(0, kPathRole).toString();
        if (!path.isEmpty())
            emit openFile(path);
    });
    m_changelog->setObjectName(QStringLiteral("rolloutChangelog"));
    m_changelog->setOpenExternalLinks(true);

    auto *split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(m_files);
    split->addWidget(m_changelog);
    split->setStretchFactor(0, 2);
    split->setStretchFactor(1, 3);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(bar);
    layout->addWidget(m_where);
    layout->addWidget(m_notice);
    layout->addWidget(m_confirm);
    // The folder and its CHANGELOG; beside it the wizard that walks its
    // pending files' rollout step by step.
    m_tabs->setObjectName(QStringLiteral("rolloutTabs"));
    m_tabs->addTab(split, tr("Folder"));
    m_tabs->addTab(m_wizard, tr("Rollout Wizard"));
    m_tabs->addTab(m_impact, tr("Plan Impact"));
    layout->addWidget(m_tabs, 1);

    // What changes on disk (an editor saving a pending file, git checking
    // out) shows here without a click.
    m_refreshSoon->setSingleShot(true);
    m_refreshSoon->setInterval(150);
    connect(m_refreshSoon, &QTimer::timeout, this, &RolloutPage::refresh);
    connect(m_watcher, &QFileSystemWatcher::directoryChanged, m_refreshSoon,
        qOverload<>(&QTimer::start));
    connect(
        m_watcher, &QFileSystemWatcher::fileChanged, m_refreshSoon, qOverload<>(&QTimer::start));
    display(core::MigrationsOverview());
}

ToolPage::Info RolloutPage::toolInfo() const
{
    return {QStringLiteral("rollout"), tr("Rollout"),
        tr("The migrations folder: pending files in the order they run, released history, the "
           "CHANGELOG, and release.")};
}

void RolloutPage::attach(core::Workspace *workspace, ToolHost *host)
{
    m_workspace = workspace;
    m_host = host;
    m_wizard->setWorkspace(workspace);
    m_impact->setWorkspace(workspace);
    auto follow = [this, workspace] { setFolder(workspace->target().migrationsFolder); };
    connect(workspace, &core::Workspace::targetChanged, this, follow);
    connect(workspace, &core::Workspace::migrationsFolderChanged, this, follow);
    setFolder(workspace->target().migrationsFolder);
    if (!host)
        return;
    connect(this, &RolloutPage::message, this,
        [host](const QString &text) { host->showMessage(text); });
    connect(m_wizard, &RolloutWizard::message, this,
        [host](const QString &text) { host->showMessage(text); });
    connect(this, &RolloutPage::openFile, this, [host](const QString &path) {
        host->handOff(
            {QStringLiteral("sql-file"), path, QFileInfo(path).fileName(), QString(), QString()});
    });
}

void RolloutPage::setFolder(const QString &folder)
{
    if (folder == m_folder)
        return;
    m_folder = folder;
    if (!m_watcher->directories().isEmpty())
        m_watcher->removePaths(m_watcher->directories());
    if (!m_watcher->files().isEmpty())
        m_watcher->removePaths(m_watcher->files());
    m_confirm->hide();
    m_asked = Asked::Nothing;
    refresh();
}

void RolloutPage::refresh()
{
    if (m_folder.isEmpty()) {
        display(core::MigrationsOverview());
        return;
    }
    const int read = ++m_reads;
    const QString folder = m_folder;
    const int max = maxStatements();
    core::BackgroundPool::run<core::MigrationsOverview>(
        this, [folder, max] { return core::MigrationsOverview::read(folder, true, max); },
        [this, read](core::MigrationsOverview &&overview) {
            if (read == m_reads)
                display(overview);
        });
}

QTreeWidgetItem *RolloutPage::addGroup(const QString &title, const QString &tip)
{
    auto *group = new QTreeWidgetItem(m_files, {title});
    group->setToolTip(0, tip);
    QFont bold = group->font(0);
    bold.setBold(true);
    group->setFont(0, bold);
    group->setFlags(Qt::ItemIsEnabled);
    group->setExpanded(true);
    return group;
}

void RolloutPage::display(const core::MigrationsOverview &overview)
{
    m_overview = overview;
    m_wizard->setFolder(m_folder); // a pending file changed: plan again
    m_impact->setFolder(m_folder);
    m_files->clear();
    const core::MigrationsFolder &folder = overview.folder;
    if (m_folder.isEmpty()) {
        m_where->setText(tr("No migrations folder: choose a profile (its migrations_path, or "
                            "db/migrations in its project)."));
    } else {
        m_where->setText(folder.exists()
                ? tr("Migrations folder: %1").arg(QDir::toNativeSeparators(folder.path()))
                : tr("The migrations folder %1 does not exist yet.")
                      .arg(QDir::toNativeSeparators(m_folder)));
    }
    const QIcon pendingIcon(QStringLiteral(":/icons/kinds/pending.svg"));
    const QIcon releasedIcon(QStringLiteral(":/icons/kinds/released.svg"));
    QTreeWidgetItem *pending =
        addGroup(tr("Pending, in the order they run"), tr("Editable; new changes go to the last"));
    for (const core::MigrationsFolder::PendingFile &p : folder.pending()) {
        const int entries = overview.entriesPerFile.value(p.name);
        auto *item = new QTreeWidgetItem(
            pending, {p.name, entries ? tr("%n entries", nullptr, entries) : tr("no entry yet")});
        item->setIcon(0, pendingIcon);
        item->setData(0, kPathRole, p.path);
        item->setToolTip(0, tr("Opens in the SQL tool"));
    }
    if (folder.pending().isEmpty() && folder.exists())
        new QTreeWidgetItem(pending, {tr("(none: new changes go to prerelease.sql)")});
    QTreeWidgetItem *released = addGroup(tr("Released (never written)"),
        tr("History: Tusk never writes, renames or deletes anything here"));
    const QColor grey = palette().color(QPalette::Disabled, QPalette::Text);
    for (const QString &relative : overview.releasedFiles) {
        auto *item = new QTreeWidgetItem(released, {relative});
        item->setIcon(0, releasedIcon);
        item->setForeground(0, grey);
        item->setData(0, kPathRole, QDir(folder.path()).filePath(relative));
        item->setToolTip(0, tr("Released: opens read-only"));
    }
    if (!overview.toolFiles.isEmpty()) {
        QTreeWidgetItem *tool = addGroup(tr("%1's migrations").arg(overview.framework),
            tr("The tool's own history: its runner applies these; Release… adds the pending "
               "files here"));
        for (const QString &relative : overview.toolFiles) {
            auto *item = new QTreeWidgetItem(tool, {relative});
            item->setForeground(0, grey);
            item->setData(0, kPathRole, QDir(folder.path()).filePath(relative));
        }
    }
    m_files->resizeColumnToContents(0);
    m_changelog->setMarkdown(overview.hasChangelog
            ? renderable(overview.changelog)
            : tr("*No CHANGELOG.md yet: Update CHANGELOG creates it.*"));
    const QStringList problems = overview.problems();
    QStringList notice;
    if (!problems.isEmpty())
        notice << tr("This folder breaks a rule:\n• %1").arg(problems.join(QStringLiteral("\n• ")));
    if (!overview.suggestions.isEmpty())
        notice << tr("Suggested (Split… or Compact… shows the plan first):\n• %1")
                      .arg(overview.suggestions.join(QStringLiteral("\n• ")));
    m_notice->setText(notice.join(QStringLiteral("\n")));
    m_notice->setVisible(!notice.isEmpty());
    updateActions();
    watch(overview);
    emit refreshed();
}

// The folder, CHANGELOG.md and the pending files: a directory watch sees
// files come and go, not an editor saving in place. A file replaced by an
// atomic save drops out of the watch and is added again here.
void RolloutPage::watch(const core::MigrationsOverview &overview)
{
    if (!overview.folder.exists())
        return;
    QStringList paths {overview.folder.path()};
    if (overview.hasChangelog)
        paths << overview.folder.changelogPath();
    for (const core::MigrationsFolder::PendingFile &p : overview.folder.pending())
        paths << p.path;
    const QStringList watched = m_watcher->directories() + m_watcher->files();
    for (const QString &path : paths) {
        if (!watched.contains(path))
            m_watcher->addPath(path);
    }
}

QDate RolloutPage::today() const
{
    return m_fixedToday.isValid() ? m_fixedToday : QDate::currentDate();
}

void RolloutPage::updateActions()
{
    const core::MigrationsFolder &folder = m_overview.folder;
    const bool missing = !m_folder.isEmpty() && !folder.exists();
    const bool pending = folder.exists() && !folder.pending().isEmpty();
    m_createAction->setVisible(missing);
    m_createAction->setEnabled(!m_writing && missing);
    m_existingAction->setVisible(missing);
    m_existingAction->setEnabled(!m_writing && missing);
    m_updateAction->setEnabled(!m_writing && folder.exists());
    m_splitAction->setEnabled(!m_writing && pending);
    m_compactAction->setEnabled(!m_writing && folder.pending().size() > 1);
    m_releaseAction->setEnabled(!m_writing && pending);
}

void RolloutPage::setMaxStatements(int count)
{
    m_maxStatements->setValue(count);
}

int RolloutPage::maxStatements() const
{
    return m_maxStatements->value();
}

void RolloutPage::runWrite(std::function<QString()> write)
{
    m_writing = true;
    updateActions();
    core::BackgroundPool::run<QString>(this, std::move(write), [this](QString &&text) {
        m_writing = false;
        emit message(text);
        refresh();
    });
}

void RolloutPage::createFolder()
{
    if (m_writing)
        return;
    const QString folder = m_folder;
    runWrite([folder] { return core::MigrationsWriter(folder).create().message; });
}

void RolloutPage::updateChangelog()
{
    if (m_writing)
        return;
    const QString folder = m_folder;
    const QDate today = this->today();
    runWrite(
        [folder, today] { return core::MigrationsWriter(folder).updateChangelog(today).message; });
}

void RolloutPage::askRelease()
{
    // The plan reads the folder: off the GUI thread like every other read.
    const QString folder = m_folder;
    const QDate day = today();
    // Which tool the folder belongs to reads its files: off the GUI thread.
    if (m_overview.folder.path() != QFileInfo(folder).absoluteFilePath()
        || m_overview.framework.isEmpty()) {
        core::BackgroundPool::run<QString>(
            this, [folder] { return core::FrameworkRelease::frameworkOf(folder); },
            [this, folder](QString &&framework) {
                if (folder != m_folder)
                    return;
                m_overview.framework = framework;
                askRelease();
            });
        return;
    }
    if (m_overview.framework != QLatin1String("plain SQL")) {
        askFrameworkRelease();
        return;
    }
    core::BackgroundPool::run<core::MigrationsWriter::Outcome>(
        this, [folder, day] { return core::MigrationsWriter(folder).planRelease(day); },
        [this, folder](core::MigrationsWriter::Outcome &&plan) {
            if (folder != m_folder)
                return; // another folder was chosen meanwhile
            if (!plan.ok) {
                emit message(plan.message);
                return;
            }
            m_planFolder = folder;
            m_asked = Asked::Release;
            m_confirm->ask(tr("Release? This will %1. Released files are never written again.")
                               .arg(plan.message),
                tr("Release"));
            emit confirmationAsked();
        });
}

// A folder of a migration tool: the pending files become its next
// migrations, down scripts written from the workspace's catalog (when it is
// this folder's database; FrameworkRelease sets it aside when it already
// holds the changes).
void RolloutPage::askFrameworkRelease()
{
    const QString folder = m_folder;
    const core::CatalogSnapshot before =
        m_workspace && m_workspace->target().migrationsFolder == folder ? m_workspace->catalog()
                                                                        : core::CatalogSnapshot();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    core::BackgroundPool::run<core::FrameworkRelease::Plan>(
        this,
        [folder, before, now] {
            return core::FrameworkRelease::plan(core::MigrationsFolder::read(folder), before, now);
        },
        [this, folder](core::FrameworkRelease::Plan &&plan) {
            if (folder != m_folder)
                return;
            if (!plan.ok) {
                emit message(plan.message);
                return;
            }
            m_planFolder = folder;
            m_frameworkPlan = plan;
            m_asked = Asked::FrameworkRelease;
            m_confirm->ask(tr("Release as %1 migrations? The pending files go once they are "
                              "written; statements without a safe inverse are flagged below.")
                               .arg(plan.framework),
                tr("Release"), plan.preview(folder));
            emit confirmationAsked();
        });
}

void RolloutPage::askSplit()
{
    askRewrite(true);
}

void RolloutPage::askCompact()
{
    askRewrite(false);
}

void RolloutPage::askRewrite(bool split)
{
    const QString folder = m_folder;
    const int max = maxStatements();
    using Planned = QPair<core::PendingRewrite, QString>;
    core::BackgroundPool::run<Planned>(
        this,
        [folder, max, split] {
            QString why;
            const core::MigrationsWriter writer(folder);
            core::PendingRewrite plan =
                split ? writer.planSplit(QString(), max, &why) : writer.planCompaction(&why);
            return Planned(plan, why);
        },
        [this, folder, split](Planned &&planned) {
            if (folder != m_folder)
                return;
            if (planned.first.isNull()) {
                emit message(planned.second);
                return;
            }
            m_planFolder = folder;
            m_rewrite = planned.first;
            m_asked = Asked::Rewrite;
            m_confirm->ask(tr("%1? Nothing is written until you confirm; a file saved "
                              "meanwhile stops it.")
                               .arg(m_rewrite.title),
                split ? tr("Split") : tr("Compact"), m_rewrite.preview());
            emit confirmationAsked();
        });
}

void RolloutPage::askExistingFolder()
{
    const QString root =
        m_host && m_host->profileRegistry() ? m_host->profileRegistry()->projectRoot() : QString();
    if (root.isEmpty()) {
        emit message(tr("Not inside a project (no .git above the working folder): there is "
                        "nothing to pick from; Create Folder makes %1")
                         .arg(m_folder));
        return;
    }
    using Found = QList<core::MigrationsFolderCandidates::Candidate>;
    const QString folder = m_folder;
    core::BackgroundPool::run<Found>(
        this, [root] { return core::MigrationsFolderCandidates::find(root); },
        [this, folder, root](Found &&found) {
            if (folder != m_folder)
                return;
            if (found.isEmpty()) {
                emit message(tr("No folder under %1 looks like a migrations folder; Create "
                                "Folder makes %2")
                                 .arg(root, m_folder));
                return;
            }
            m_candidates = found;
            QStringList names;
            QStringList tips;
            for (const core::MigrationsFolderCandidates::Candidate &c : found) {
                names << c.relative;
                tips << c.why;
            }
            m_planFolder = folder;
            m_asked = Asked::Folder;
            m_confirm->ask(tr("Use one of the project's folders as this profile's migrations "
                              "folder?"),
                tr("Use Folder"), QString(), names, tips);
            emit confirmationAsked();
        });
}

void RolloutPage::confirm()
{
    const Asked asked = std::exchange(m_asked, Asked::Nothing);
    // The folder the user confirmed, and nothing if that is not the one shown.
    if (m_writing || m_planFolder.isEmpty() || m_planFolder != m_folder)
        return;
    const QString folder = std::exchange(m_planFolder, QString());
    switch (asked) {
    case Asked::Release: {
        const QDate day = today();
        runWrite([folder, day] { return core::MigrationsWriter(folder).release(day).message; });
        break;
    }
    case Asked::Rewrite: {
        const core::PendingRewrite plan = std::exchange(m_rewrite, core::PendingRewrite());
        runWrite([folder, plan] { return core::MigrationsWriter(folder).apply(plan).message; });
        break;
    }
    case Asked::FrameworkRelease: {
        const core::FrameworkRelease::Plan plan =
            std::exchange(m_frameworkPlan, core::FrameworkRelease::Plan());
        runWrite([folder, plan] { return core::FrameworkRelease::apply(plan, folder).message; });
        break;
    }
    case Asked::Folder:
        if (m_confirm->choice() >= 0 && m_confirm->choice() < m_candidates.size())
            useFolder(m_candidates.at(m_confirm->choice()));
        break;
    case Asked::Nothing:
        break;
    }
}

// The chosen folder becomes the target's; a profile from a file keeps it
// as migrations_path (relative to the project, as docs/profiles.md writes
// it), the sandbox and a one-off connection for this session only.
void RolloutPage::useFolder(const core::MigrationsFolderCandidates::Candidate &candidate)
{
    QString said = tr("Using %1 as the migrations folder").arg(candidate.relative);
    const core::WorkspaceTarget &target =
        m_workspace ? m_workspace->target() : core::WorkspaceTarget();
    const bool saved = target.profile
        && (target.profile->scope == core::ProfileScope::Project
            || target.profile->scope == core::ProfileScope::User);
    if (saved && m_host && m_host->profileRegistry()) {
        core::Profile profile = *target.profile;
        profile.migrationsPath =
            profile.scope == core::ProfileScope::Project ? candidate.relative : candidate.path;
        QString error;
        core::ProfileRegistry *registry = m_host->profileRegistry();
        core::ProfileFile *file = registry->fileNamed(profile.scope == core::ProfileScope::Project
                ? QStringLiteral("project")
                : QStringLiteral("user"),
            &error);
        said = file && registry->saveProfile(profile, profile.name, file, &error)
            ? tr("%1, saved as migrations_path of profile %2").arg(said, profile.name)
            : tr("%1 for this session; the profile could not be saved: %2").arg(said, error);
    } else {
        said =
            tr("%1 for this session (this connection has no profile file to keep it in)").arg(said);
    }
    if (m_workspace)
        m_workspace->setMigrationsFolder(candidate.path);
    else
        setFolder(candidate.path);
    emit message(said);
}

} // namespace tusk::widgets
