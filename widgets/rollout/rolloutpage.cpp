#include "rolloutpage.h"

#include "core/migrations/migrationswriter.h"
#include "core/support/backgroundpool.h"
#include "core/workspace/workspace.h"

#include <QAction>
#include <QDate>
#include <QDir>
#include <QFileInfo>
#include <QFileSystemWatcher>
#include <QFrame>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QRegularExpression>
#include <QSplitter>
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
    , m_confirm(new QFrame(this))
    , m_confirmText(new QLabel(m_confirm))
    , m_files(new QTreeWidget(this))
    , m_changelog(new QTextBrowser(this))
    , m_watcher(new QFileSystemWatcher(this))
    , m_refreshSoon(new QTimer(this))
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
    m_releaseAction = bar->addAction(tr("Release…"), this, &RolloutPage::askRelease);
    m_releaseAction->setToolTip(tr("Move the pending files into a new dated released folder and "
                                   "remove their CHANGELOG entries"));
    QWidget::addActions({m_createAction, m_updateAction, m_releaseAction});

    m_where->setObjectName(QStringLiteral("rolloutFolder"));
    m_where->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_notice->setObjectName(QStringLiteral("rolloutNotice"));
    m_notice->setWordWrap(true);
    m_notice->setStyleSheet(
        QStringLiteral("QLabel { background: #fff4d6; border: 1px solid #e0c36b; padding: 6px; }"));
    m_notice->hide();

    m_confirm->setObjectName(QStringLiteral("rolloutConfirm"));
    m_confirm->setFrameShape(QFrame::StyledPanel);
    auto *confirmLayout = new QHBoxLayout(m_confirm);
    m_confirmText->setWordWrap(true);
    auto *go = new QPushButton(tr("Release"), m_confirm);
    go->setObjectName(QStringLiteral("confirmRelease"));
    auto *cancel = new QPushButton(tr("Cancel"), m_confirm);
    confirmLayout->addWidget(m_confirmText, 1);
    confirmLayout->addWidget(go);
    confirmLayout->addWidget(cancel);
    connect(go, &QPushButton::clicked, this, &RolloutPage::release);
    connect(cancel, &QPushButton::clicked, m_confirm, &QWidget::hide);
    m_confirm->hide();

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
    layout->addWidget(split, 1);

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
    connect(workspace, &core::Workspace::targetChanged, this,
        [this, workspace] { setFolder(workspace->target().migrationsFolder); });
    setFolder(workspace->target().migrationsFolder);
    if (!host)
        return;
    connect(this, &RolloutPage::message, this,
        [host](const QString &text) { host->showMessage(text); });
    connect(this, &RolloutPage::openFile, this, [host](const QString &path) {
        host->handOff({QStringLiteral("sql-file"), path, QFileInfo(path).fileName(), QString()});
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
    core::BackgroundPool::run<core::MigrationsOverview>(
        this, [folder] { return core::MigrationsOverview::read(folder, true); },
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
    m_files->resizeColumnToContents(0);
    m_changelog->setMarkdown(overview.hasChangelog
            ? renderable(overview.changelog)
            : tr("*No CHANGELOG.md yet: Update CHANGELOG creates it.*"));
    const QStringList problems = overview.problems();
    m_notice->setText(problems.isEmpty()
            ? QString()
            : tr("This folder breaks a rule:\n• %1").arg(problems.join(QStringLiteral("\n• "))));
    m_notice->setVisible(!problems.isEmpty());
    m_createAction->setVisible(!m_folder.isEmpty() && !folder.exists());
    m_createAction->setEnabled(!m_writing && !m_folder.isEmpty() && !folder.exists());
    m_updateAction->setEnabled(!m_writing && folder.exists());
    m_releaseAction->setEnabled(!m_writing && folder.exists() && !folder.pending().isEmpty());
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

void RolloutPage::runWrite(std::function<QString()> write)
{
    m_writing = true;
    m_createAction->setEnabled(false);
    m_updateAction->setEnabled(false);
    m_releaseAction->setEnabled(false);
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
            m_confirmText->setText(
                tr("Release? This will %1. Released files are never written again.")
                    .arg(plan.message));
            m_confirm->show();
            emit releaseAsked();
        });
}

void RolloutPage::release()
{
    m_confirm->hide();
    // The folder the user confirmed, and nothing if that is not the one shown.
    if (m_writing || m_planFolder.isEmpty() || m_planFolder != m_folder)
        return;
    const QString folder = m_planFolder;
    const QDate day = today();
    m_planFolder.clear();
    runWrite([folder, day] { return core::MigrationsWriter(folder).release(day).message; });
}

} // namespace tusk::widgets
