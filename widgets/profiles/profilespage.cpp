#include "profilespage.h"

#include "core/profiles/passwordkeeper.h"
#include "core/profiles/profileregistry.h"
#include "profiledetails.h"
#include "profiledialog.h"
#include "serviceimportdialog.h"

#include "core/profiles/gitignore.h"
#include "core/workspace/workspace.h"
#include "widgets/shell/connectionsummary.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QProcess>
#include <QPushButton>
#include <QSplitter>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace tusk::widgets {

using namespace core;

namespace {
constexpr int nameRole = Qt::UserRole;
const QColor productionColour(0xc0, 0x39, 0x2b);

QString groupTitle(const ProfileFile &file, const QString &kind)
{
    QString state;
    if (!file.exists())
        state = ProfilesPage::tr(" (no file yet)");
    else if (file.isBroken())
        state = ProfilesPage::tr(" (broken: read-only)");
    else if (file.needsMigration())
        state = ProfilesPage::tr(" (pre-1: needs migration)");
    return kind + QStringLiteral(" — ") + file.path() + state;
}

// Dialogs open window-modal and report by signal (never exec(): the GUI
// thread keeps its one event loop); each deletes itself once closed.
template<typename Dialog>
Dialog *openDialog(Dialog *dialog)
{
    // Its answer comes by signal from the event loop, after the caller has
    // connected to it.
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
    return dialog;
}
} // namespace

ProfilesPage::ProfilesPage(core::ProfileRegistry *profiles, QWidget *parent)
    : QWidget(parent)
    , m_profiles(profiles)
    , m_test(new ConnectionTest(this))
    , m_resolution(new QLabel(this))
    , m_fileNotices(new QLabel(this))
    , m_migrate(new QPushButton(tr("&Migrate to schema v1…"), this))
    , m_gitignore(new QPushButton(tr("Add to .&gitignore"), this))
    , m_tree(new QTreeWidget(this))
    , m_details(new ProfileDetails(profiles, this))
    , m_testResult(new QLabel(this))
    , m_saveFallback(new QPushButton(this))
    , m_saveOneOff(new QPushButton(tr("&Save as profile…"), this))
    , m_side(new QWidget(this))
{
    m_resolution->setObjectName(QStringLiteral("resolution"));
    m_resolution->setWordWrap(true);
    m_fileNotices->setObjectName(QStringLiteral("fileNotices"));
    m_fileNotices->setWordWrap(true);
    m_fileNotices->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QPalette warning = m_fileNotices->palette();
    warning.setColor(QPalette::WindowText, productionColour);
    m_fileNotices->setPalette(warning);
    m_migrate->setObjectName(QStringLiteral("migrateButton"));
    m_gitignore->setObjectName(QStringLiteral("gitignoreButton"));
    m_saveOneOff->setObjectName(QStringLiteral("saveOneOffButton"));
    m_saveOneOff->setToolTip(tr("DB_URL and --db are used once and never saved unless you ask; "
                                "this asks."));
    m_saveOneOff->hide();

    m_tree->setObjectName(QStringLiteral("profileTree"));
    m_tree->setHeaderLabels({tr("Profile"), tr("Connection"), tr("Tags")});
    m_tree->setRootIsDecorated(false);
    m_tree->setUniformRowHeights(true);
    m_tree->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_tree->header()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_testResult->setObjectName(QStringLiteral("testResult"));
    m_testResult->setWordWrap(true);
    m_testResult->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_saveFallback->setObjectName(QStringLiteral("saveFallback"));
    m_saveFallback->hide();

    auto button = [this](const QString &text, const QString &name) {
        auto *b = new QPushButton(text, this);
        b->setObjectName(name);
        return b;
    };
    QPushButton *connectButton = button(tr("&Connect"), QStringLiteral("connectButton"));
    connectButton->setDefault(true);
    QPushButton *testButton = button(tr("&Test"), QStringLiteral("testButton"));
    QPushButton *addButton = button(tr("&Add…"), QStringLiteral("addButton"));
    QPushButton *editButton = button(tr("&Edit…"), QStringLiteral("editButton"));
    QPushButton *duplicateButton = button(tr("D&uplicate…"), QStringLiteral("duplicateButton"));
    QPushButton *deleteButton = button(tr("De&lete…"), QStringLiteral("deleteButton"));
    QPushButton *defaultButton = button(tr("Set as de&fault"), QStringLiteral("defaultButton"));
    QPushButton *importButton =
        button(tr("&Import services…"), QStringLiteral("importServicesButton"));
    importButton->setToolTip(tr("libpq's pg_service.conf services as profiles"));
    QPushButton *reloadButton = button(tr("&Reload"), QStringLiteral("reloadButton"));
    m_needSelection = {connectButton, testButton, duplicateButton};
    m_needFile = {editButton, deleteButton, defaultButton};

    // Two rows, so that no label is cut short in a narrow pane: what acts
    // on the selected profile, then what acts on the files.
    auto *buttons = new QHBoxLayout;
    for (QPushButton *b :
        {connectButton, testButton, addButton, editButton, duplicateButton, deleteButton})
        buttons->addWidget(b);
    buttons->addStretch();
    auto *fileButtons = new QHBoxLayout;
    fileButtons->addWidget(defaultButton);
    fileButtons->addStretch();
    fileButtons->addWidget(importButton);
    fileButtons->addWidget(reloadButton);

    auto *sideLayout = new QVBoxLayout(m_side);
    sideLayout->setContentsMargins(0, 0, 0, 0);
    sideLayout->addWidget(m_details);
    sideLayout->addWidget(m_testResult);
    sideLayout->addWidget(m_saveFallback, 0, Qt::AlignLeft);
    sideLayout->addStretch();

    auto *splitter = new QSplitter(this);
    auto *left = new QWidget(splitter);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(m_tree);
    leftLayout->addLayout(buttons);
    leftLayout->addLayout(fileButtons);
    splitter->addWidget(left);
    splitter->addWidget(m_side);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({560, 440});

    auto *notices = new QHBoxLayout;
    notices->addWidget(m_fileNotices, 1);
    notices->addWidget(m_migrate, 0, Qt::AlignTop);
    notices->addWidget(m_gitignore, 0, Qt::AlignTop);
    auto *resolutionRow = new QHBoxLayout;
    resolutionRow->addWidget(m_resolution, 1);
    resolutionRow->addWidget(m_saveOneOff, 0, Qt::AlignTop);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(resolutionRow);
    layout->addLayout(notices);
    layout->addWidget(splitter, 1);

    connect(m_profiles, &core::ProfileRegistry::changed, this, &ProfilesPage::rebuild);
    connect(m_tree, &QTreeWidget::currentItemChanged, this, &ProfilesPage::updateDetails);
    connect(m_profiles->passwords(), &core::PasswordKeeper::secretStoreChanged, this,
        &ProfilesPage::updateDetails);
    connect(m_tree, &QTreeWidget::itemActivated, this, [this] {
        if (const auto p = selectedProfile())
            emit connectRequested(*p);
    });
    connect(connectButton, &QPushButton::clicked, this, [this] {
        if (const auto p = selectedProfile())
            emit connectRequested(*p);
    });
    connect(testButton, &QPushButton::clicked, this, &ProfilesPage::testSelected);
    connect(addButton, &QPushButton::clicked, this, &ProfilesPage::addProfile);
    connect(editButton, &QPushButton::clicked, this, [this] { editProfile(false); });
    connect(duplicateButton, &QPushButton::clicked, this, [this] { editProfile(true); });
    connect(deleteButton, &QPushButton::clicked, this, &ProfilesPage::deleteProfile);
    connect(defaultButton, &QPushButton::clicked, this, &ProfilesPage::setDefault);
    connect(reloadButton, &QPushButton::clicked, m_profiles, &core::ProfileRegistry::reload);
    connect(importButton, &QPushButton::clicked, this, &ProfilesPage::importServices);
    connect(m_saveOneOff, &QPushButton::clicked, this, &ProfilesPage::saveOneOff);
    connect(m_migrate, &QPushButton::clicked, this, &ProfilesPage::migrateFiles);
    connect(m_gitignore, &QPushButton::clicked, this, [this] {
        const ProfileStore &store = m_profiles->store();
        QString error;
        if (!GitIgnore::add(store.projectRoot(), store.projectFile().path(), &error))
            QMessageBox::warning(this, tr(".gitignore not changed"), error);
        m_profiles->reload();
    });
    connect(m_test, &ConnectionTest::finished, this, &ProfilesPage::showTest);
    connect(m_saveFallback, &QPushButton::clicked, this, [this] {
        const auto p = m_profiles->find(m_testedProfile);
        QString error;
        if (p && !m_profiles->setSslMode(*p, m_saveFallback->property("mode").toString(), &error))
            QMessageBox::warning(this, tr("sslmode not saved"), error);
        m_saveFallback->hide();
    });
    rebuild();
}

ProfilesPage::~ProfilesPage()
{
    // A git check still running finishes inside QProcess's destructor, after
    // this object's widgets are gone: it must not reach them.
    if (m_gitCheck)
        m_gitCheck->disconnect(this);
}

ToolPage::Info ProfilesPage::toolInfo() const
{
    return {QStringLiteral("profiles"), tr("Profiles"),
        tr("Connection profiles from postgres.toml, chosen by environment and working "
           "directory, with the local sandbox as the default.")};
}

void ProfilesPage::attach(core::Workspace *workspace, ToolHost *host)
{
    m_summary = new ConnectionSummary(m_side);
    static_cast<QVBoxLayout *>(m_side->layout())->addWidget(m_summary, 1);
    m_summary->setConnection(workspace->session(), QString());
    if (host)
        connect(this, &ProfilesPage::connectRequested, this,
            [host](const Profile &profile) { host->connectProfile(profile); });
    connect(workspace, &core::Workspace::targetChanged, this, [this, workspace] {
        m_summary->setConnection(workspace->session(), workspace->target().label);
        if (workspace->target().profile)
            setActiveProfile(*workspace->target().profile);
    });
}

std::optional<Profile> ProfilesPage::selectedProfile() const
{
    const QTreeWidgetItem *item = m_tree->currentItem();
    if (!item || item->data(0, nameRole).toString().isEmpty())
        return std::nullopt;
    return m_profiles->find(item->data(0, nameRole).toString());
}

bool ProfilesPage::selectProfile(const QString &name)
{
    if (name.isEmpty())
        return false; // group rows carry no name
    for (QTreeWidgetItemIterator it(m_tree); *it; ++it) {
        if ((*it)->data(0, nameRole).toString() == name) {
            m_tree->setCurrentItem(*it);
            return true;
        }
    }
    return false;
}

void ProfilesPage::rebuild()
{
    const QString selected = selectedProfile() ? selectedProfile()->name : QString();
    const ProfileResolution resolution = m_profiles->resolve();
    const QString chosen = resolution.profile ? resolution.profile->name : QString();
    m_resolution->setText(resolution.isResolved()
            ? tr("This folder uses <b>%1</b>: %2.").arg(chosen, resolution.reason.toHtmlEscaped())
            : tr("<b>Choose a profile.</b> %1").arg(resolution.reason.toHtmlEscaped()));
    if (m_activeProfile && m_activeProfile->scope == ProfileScope::OneOff)
        setActiveProfile(*m_activeProfile);

    const ProfileStore &store = m_profiles->store();
    m_fileProblems.clear();
    for (const QString &error : store.loadErrors())
        m_fileProblems << tr("%1 — Tusk will not write this file until it is fixed.")
                              .arg(error.toHtmlEscaped());
    bool migration = false;
    for (const ProfileFile *file : {&store.projectFile(), &store.userFile()}) {
        if (file->needsMigration()) {
            migration = true;
            m_fileProblems
                << tr("%1 has no schema_version (pre-1).").arg(file->path().toHtmlEscaped());
        }
    }
    showNotices();
    checkGitignore();
    m_migrate->setVisible(migration);

    m_tree->clear();
    const QFont bold = [this] {
        QFont f = m_tree->font();
        f.setBold(true);
        return f;
    }();
    auto group = [&](const QString &title) {
        auto *item = new QTreeWidgetItem(m_tree, {title});
        item->setFirstColumnSpanned(true);
        item->setFont(0, bold);
        item->setFlags(Qt::ItemIsEnabled);
        return item;
    };
    QTreeWidgetItem *project = store.projectRoot().isEmpty()
        ? nullptr
        : group(groupTitle(store.projectFile(), tr("Project")));
    QTreeWidgetItem *user = group(groupTitle(store.userFile(), tr("User")));
    QTreeWidgetItem *sandbox = nullptr;
    const QStringList hidden = store.hiddenUserProfiles();
    for (const Profile &p : m_profiles->profiles()) {
        QTreeWidgetItem *parent = p.scope == ProfileScope::Project ? project
            : p.scope == ProfileScope::User                        ? user
                                                                   : nullptr;
        if (p.scope == ProfileScope::Sandbox)
            parent = sandbox = sandbox ? sandbox : group(tr("Sandbox — %1").arg(p.filePath));
        if (p.scope == ProfileScope::OneOff)
            parent = group(tr("One-off — used once, not saved"));
        if (!parent)
            continue;
        QStringList tags;
        if (p.name == chosen)
            tags << tr("used here");
        if (!p.safety.isEmpty())
            tags << p.safety;
        if (!p.project.isEmpty())
            tags << tr("project %1").arg(p.project);
        if (!p.password.isEmpty())
            tags << tr("plain-text password");
        auto *item = new QTreeWidgetItem(
            parent, {p.name, p.connInfo().toDisplayString(), tags.join(QStringLiteral(", "))});
        item->setData(0, nameRole, p.name);
        item->setToolTip(0, p.description);
        if (p.name == chosen)
            item->setFont(0, bold);
        if (p.isProduction()) {
            item->setForeground(2, productionColour);
            item->setFont(2, bold);
        }
    }
    for (const QString &name : hidden) {
        auto *item = new QTreeWidgetItem(user, {name, tr("hidden by the project's %1").arg(name)});
        item->setFlags(Qt::NoItemFlags);
    }
    m_tree->expandAll();
    if (!selectProfile(selected) && !chosen.isEmpty())
        selectProfile(chosen);
    updateDetails();
}

void ProfilesPage::showNotices()
{
    QStringList notices = m_fileProblems;
    if (!m_gitNotice.isEmpty())
        notices << m_gitNotice;
    m_fileNotices->setText(notices.join(QStringLiteral("<br>")));
    m_fileNotices->setVisible(!notices.isEmpty());
}

void ProfilesPage::checkGitignore()
{
    // docs/profiles.md: the project's profile file stays out of git. `git` runs as
    // a child process the window never waits for; a newer check replaces
    // an older one still running.
    if (m_gitCheck) {
        m_gitCheck->disconnect(this);
        m_gitCheck->kill();
        m_gitCheck->deleteLater();
        m_gitCheck = nullptr;
    }
    m_gitNotice.clear();
    m_gitignore->hide();
    const ProfileFile &file = m_profiles->store().projectFile();
    if (!file.exists())
        return;
    m_gitCheck = GitIgnore::checkProcess(m_profiles->store().projectRoot(), file.path(), this);
    if (!m_gitCheck)
        return;
    const QString path = file.path();
    QProcess *process = m_gitCheck;
    connect(process, &QProcess::finished, this, [this, process, path] {
        const bool tracked = GitIgnore::stateOf(*process) == GitIgnore::State::NotIgnored;
        process->deleteLater();
        m_gitCheck = nullptr;
        if (tracked)
            m_gitNotice = tr("git does not ignore %1; it may hold connection details.")
                              .arg(path.toHtmlEscaped());
        m_gitignore->setVisible(tracked);
        showNotices();
    });
    m_gitCheck->start();
}

void ProfilesPage::updateDetails()
{
    const std::optional<Profile> p = selectedProfile();
    const bool inFile = p && (p->scope == ProfileScope::Project || p->scope == ProfileScope::User);
    for (QPushButton *b : m_needSelection)
        b->setEnabled(p.has_value());
    for (QPushButton *b : m_needFile)
        b->setEnabled(inFile);
    m_details->showProfile(p);
}

void ProfilesPage::setActiveProfile(const Profile &profile)
{
    m_activeProfile = profile;
    const bool oneOff = profile.scope == ProfileScope::OneOff;
    m_saveOneOff->setVisible(oneOff);
    if (oneOff)
        m_resolution->setText(tr("Connected once to <b>%1</b> (%2), not saved.")
                                  .arg(profile.connInfo().toDisplayString().toHtmlEscaped(),
                                      profile.name.toHtmlEscaped()));
}

void ProfilesPage::saveOneOff()
{
    if (!m_activeProfile || m_activeProfile->scope != ProfileScope::OneOff)
        return;
    Profile start = *m_activeProfile;
    start.name.clear();
    auto *dialog = openDialog(new ProfileDialog(m_profiles, ProfileDialog::Mode::Add, start, this));
    dialog->setWindowTitle(tr("Save %1 as a profile").arg(start.connInfo().toDisplayString()));
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        m_activeProfile = dialog->profile();
        m_saveOneOff->hide();
        m_profiles->setOneOff(std::nullopt);
        selectProfile(dialog->profile().name);
    });
}

void ProfilesPage::importServices()
{
    auto *dialog = openDialog(new ServiceImportDialog(m_profiles, this));
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        if (!dialog->importedNames().isEmpty())
            selectProfile(dialog->importedNames().constFirst());
    });
}

void ProfilesPage::testSelected()
{
    const std::optional<Profile> p = selectedProfile();
    if (!p)
        return;
    m_testedProfile = p->name;
    m_saveFallback->hide();
    m_testResult->setText(tr("Testing %1…").arg(p->connInfo().toDisplayString()));
    // The same password the window would use: this run's, or the keychain's.
    m_profiles->passwords()->withPassword(
        *p, this, [this](const ConnInfo &info, core::PasswordKeeper::From, const QString &) {
            m_test->start(info);
        });
}

void ProfilesPage::showTest(const ConnectionTestOutcome &outcome)
{
    if (!outcome.ok) {
        m_testResult->setText(tr("<b>%1 failed.</b> %2")
                                  .arg(m_testedProfile, outcome.error.toString().toHtmlEscaped()));
    } else {
        QString text = tr("<b>%1 works:</b> PostgreSQL %2, database %3 as %4; connected in %5 "
                          "ms, round trip %6 ms, TLS %7.")
                           .arg(m_testedProfile, outcome.serverVersion.toHtmlEscaped(),
                               outcome.database.toHtmlEscaped(), outcome.user.toHtmlEscaped())
                           .arg(outcome.connectMs)
                           .arg(outcome.roundTripMs, 0, 'f', 2)
                           .arg(outcome.sslInUse ? outcome.sslVersion : tr("off"));
        const auto p = m_profiles->find(m_testedProfile);
        if (!outcome.fallbackSslMode.isEmpty()) {
            text += tr("<br>Only with sslmode %1 (the profile's failed: %2).")
                        .arg(outcome.fallbackSslMode, outcome.error.message.toHtmlEscaped());
            if (p && m_profiles->store().fileOf(*p)) {
                m_saveFallback->setText(
                    tr("Save sslmode %1 in the %2 file")
                        .arg(outcome.fallbackSslMode,
                            p->scope == ProfileScope::Project ? tr("project") : tr("user")));
                m_saveFallback->setToolTip(m_profiles->store().fileOf(*p)->path());
                m_saveFallback->setProperty("mode", outcome.fallbackSslMode);
                m_saveFallback->show();
            }
        }
        m_testResult->setText(text);
    }
    emit testFinished(outcome);
}

void ProfilesPage::addProfile()
{
    Profile blank;
    blank.scope =
        m_profiles->store().projectRoot().isEmpty() ? ProfileScope::User : ProfileScope::Project;
    blank.host = QStringLiteral("localhost");
    blank.port = 5432;
    auto *dialog = openDialog(new ProfileDialog(m_profiles, ProfileDialog::Mode::Add, blank, this));
    connect(dialog, &QDialog::accepted, this,
        [this, dialog] { selectProfile(dialog->profile().name); });
}

void ProfilesPage::editProfile(bool duplicate)
{
    const std::optional<Profile> p = selectedProfile();
    if (!p)
        return;
    Profile start = *p;
    if (duplicate && start.scope != ProfileScope::Project && start.scope != ProfileScope::User)
        start.scope = ProfileScope::User; // the sandbox copied into a file
    auto *dialog = openDialog(new ProfileDialog(m_profiles,
        duplicate ? ProfileDialog::Mode::Duplicate : ProfileDialog::Mode::Edit, start, this));
    connect(dialog, &QDialog::accepted, this,
        [this, dialog] { selectProfile(dialog->profile().name); });
}

void ProfilesPage::deleteProfile()
{
    const std::optional<Profile> p = selectedProfile();
    if (!p)
        return;
    const ProfileFile *file = m_profiles->store().fileOf(*p);
    if (QMessageBox::question(this, tr("Delete profile %1?").arg(p->name),
            tr("Remove [database.%1] and its comment from %2? The previous file is kept as "
               "%2.bak.")
                .arg(p->name, file ? file->path() : QString()))
        != QMessageBox::Yes)
        return;
    QString error;
    if (!m_profiles->removeProfile(*p, &error))
        QMessageBox::warning(this, tr("Profile not deleted"), error);
}

void ProfilesPage::setDefault()
{
    const std::optional<Profile> p = selectedProfile();
    QString error;
    if (p && !m_profiles->setDefault(*p, &error))
        QMessageBox::warning(this, tr("Default not set"), error);
}

void ProfilesPage::migrateFiles()
{
    ProfileStore &store = m_profiles->store();
    for (ProfileFile *file : {&store.projectFile(), &store.userFile()}) {
        if (!file->needsMigration())
            continue;
        ProfileFile preview = *file;
        QStringList changes;
        QString error;
        if (!preview.migrateSchema(&changes, &error)) {
            QMessageBox::warning(this, tr("Cannot migrate %1").arg(file->path()), error);
            continue;
        }
        // docs/profiles.md: upgrade only with consent; show exactly what changes.
        if (QMessageBox::question(this, tr("Migrate %1?").arg(file->path()),
                tr("These lines change; comments and everything else stay as they are, and "
                   "the previous file is kept as .bak:\n\n%1")
                    .arg(changes.join(QLatin1Char('\n'))))
            != QMessageBox::Yes)
            continue;
        if (!file->migrateSchema(&changes, &error) || !file->save(&error))
            QMessageBox::warning(this, tr("Cannot migrate %1").arg(file->path()), error);
    }
    m_profiles->reload();
}

} // namespace tusk::widgets
