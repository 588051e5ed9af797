#include "mainwindow.h"

#include "connectionstatus.h"
#include "preferencesdialog.h"
#include "shortcutsdialog.h"
#include "themeapplier.h"

#include "toolset.h"
#include "widgets/common/toolicon.h"

#include "core/pg/connection.h"
#include "core/profiles/migrationspath.h"
#include "core/profiles/passwordkeeper.h"
#include "core/profiles/profileregistry.h"
#include "core/profiles/sandboxprofile.h"
#include "core/sandbox/localserver.h"
#include "core/workspace/workspace.h"
#include "widgets/profiles/connectionbar.h"
#include "widgets/profiles/profileconnector.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QStackedWidget>
#include <QStatusBar>
#include <QToolBar>

namespace tusk::widgets {

using core::Connection;

MainWindow::MainWindow(core::ProfileRegistry *profiles, QWidget *parent)
    : QMainWindow(parent)
    , m_profiles(profiles ? profiles
                          : new core::ProfileRegistry(
                              QDir::currentPath(), core::LocalServer::defaultFolder(), this))
    , m_workspace(new core::Workspace(this))
    , m_stack(new QStackedWidget(this))
    , m_toolActions(new QActionGroup(this))
    , m_status(new ConnectionStatus(this))
    , m_connectionBar(new ConnectionBar(m_profiles, this))
    , m_connector(new ProfileConnector(m_profiles->passwords(), this))
{
    setWindowIcon(QIcon(QStringLiteral(":/icons/tusk.svg")));
    // A file the Profiles tool writes never waits for pg_config.
    m_profiles->detectBinPathInBackground();
    setCentralWidget(m_stack);
    resize(1200, 780);

    // The window's part of connecting: the password (typed when the server
    // wants one, kept once it worked), then the workspace opens.
    Connection *session = m_workspace->session();
    connect(m_connector, &ProfileConnector::ready, this,
        [this](const core::Profile &, const core::ConnInfo &info) { m_workspace->open(info); });
    connect(m_connector, &ProfileConnector::message, this, &MainWindow::showMessage);
    connect(m_profiles->passwords(), &core::PasswordKeeper::notice, this, &MainWindow::showMessage);
    connect(session, &Connection::openFailed, m_connector, &ProfileConnector::retry);
    connect(session, &Connection::opened, m_connector, &ProfileConnector::opened);
    connect(session, &Connection::stateChanged, this, &MainWindow::updateTitle);
    connect(m_workspace, &core::Workspace::targetChanged, this, [this] {
        m_status->setConnection(m_workspace->session(), m_workspace->target().label);
        updateTitle();
    });
    connect(m_connectionBar, &ConnectionBar::connectRequested, this, &MainWindow::openProfile);

    auto *rail = new QToolBar(tr("Tools"), this);
    rail->setObjectName(QStringLiteral("toolRail"));
    rail->setMovable(false);
    rail->setFloatable(false);
    rail->setIconSize(QSize(28, 28));
    rail->setToolButtonStyle(Qt::ToolButtonTextUnderIcon);
    addToolBar(Qt::LeftToolBarArea, rail);
    m_toolActions->setExclusive(true);
    for (ToolPage *page : ToolSet::create(m_profiles, m_stack))
        addPage(page);
    // Attached once all are there: a page may ask what the others take.
    for (ToolPage *page : std::as_const(m_pages))
        page->attach(m_workspace, this);
    rail->addActions(m_toolActions->actions());

    auto *bar = new QToolBar(tr("Connection"), this);
    bar->setObjectName(QStringLiteral("connectionBar"));
    bar->setMovable(false);
    bar->addWidget(m_connectionBar);
    addToolBar(Qt::TopToolBarArea, bar);

    QMenu *fileMenu = menuBar()->addMenu(tr("&File"));
    QAction *preferences =
        fileMenu->addAction(tr("&Preferences…"), this, &MainWindow::showPreferences);
    preferences->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Comma));
    preferences->setObjectName(QStringLiteral("preferencesAction"));
    fileMenu->addSeparator();
    QAction *quit = fileMenu->addAction(tr("&Quit"), qApp, &QApplication::closeAllWindows);
    quit->setShortcut(QKeySequence::Quit);
    // The shown tool's own actions (New, Open…, Paste…), named after it.
    m_toolMenu = menuBar()->addMenu(QString());
    m_toolMenu->setObjectName(QStringLiteral("toolMenu"));
    QMenu *viewMenu = menuBar()->addMenu(tr("&View"));
    viewMenu->addActions(m_toolActions->actions());
    QMenu *helpMenu = menuBar()->addMenu(tr("&Help"));
    QAction *shortcuts =
        helpMenu->addAction(tr("&Keyboard Shortcuts"), this, &MainWindow::showShortcuts);
    shortcuts->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_F1));
    helpMenu->addAction(tr("&About Tusk"), this, [this] {
        // Window-modal, answered by its buttons: no second event loop.
        auto *about = new QMessageBox(QMessageBox::Information, tr("About Tusk"),
            tr("<h3>Tusk %1</h3><p>A workbench for PostgreSQL schema, migrations "
               "and performance.</p><p>Licensed under the GNU GPL, version 3 or "
               "later.</p>")
                .arg(QApplication::applicationVersion()),
            QMessageBox::Close, this);
        about->setAttribute(Qt::WA_DeleteOnClose);
        about->open();
    });
    ThemeApplier::follow();

    statusBar()->addPermanentWidget(m_status);
    m_status->setConnection(session, QString());
    showTool(Tool::Profiles);
    updateTitle();
}

MainWindow::~MainWindow() = default;

void MainWindow::changeEvent(QEvent *event)
{
    QMainWindow::changeEvent(event);
    // The rail's line icons follow a theme switched while Tusk runs.
    if (event->type() == QEvent::PaletteChange)
        for (QAction *action : m_toolActions->actions())
            action->setIcon(
                ToolIcon::make(QStringLiteral(":/icons/tool-%1.svg").arg(action->data().toString()),
                    ToolIcon::strokeFor(palette())));
}

QMessageBox *MainWindow::offerConnection(const core::Profile &link)
{
    const core::ConnInfo info = link.connInfo();
    auto *box = new QMessageBox(QMessageBox::Question, tr("Connect to a Link?"),
        tr("A link asks Tusk to connect to <b>%1</b> as <b>%2</b>, database <b>%3</b>. "
           "Connect only to servers you trust: the server you connect to sees who you are.")
            .arg(info.host().toHtmlEscaped(), info.user().toHtmlEscaped(),
                info.database().toHtmlEscaped()),
        QMessageBox::NoButton, this);
    box->setObjectName(QStringLiteral("linkOffer"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    QPushButton *connectButton = box->addButton(tr("Connect"), QMessageBox::AcceptRole);
    box->addButton(QMessageBox::Cancel);
    connect(
        box, &QMessageBox::buttonClicked, this, [this, link, connectButton](QAbstractButton *b) {
            if (b == connectButton)
                openProfile(link);
        });
    box->open();
    return box;
}

PreferencesDialog *MainWindow::showPreferences()
{
    if (!m_preferences) {
        const QString root = m_profiles ? m_profiles->projectRoot() : QString();
        m_preferences = new PreferencesDialog(root, this);
        connect(m_preferences, &PreferencesDialog::message, statusBar(),
            [this](const QString &text) { statusBar()->showMessage(text, 10000); });
    }
    m_preferences->show();
    m_preferences->raise();
    m_preferences->activateWindow();
    return m_preferences;
}

ShortcutsDialog *MainWindow::showShortcuts()
{
    QMap<QString, QString> titles;
    for (ToolPage *page : std::as_const(m_pages))
        titles.insert(page->toolInfo().id, page->toolInfo().title);
    auto *dialog = new ShortcutsDialog(this, titles, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
    return dialog;
}

void MainWindow::addPage(ToolPage *page)
{
    const ToolPage::Info info = page->toolInfo();
    const int index = int(m_pages.size());
    m_pages << page;
    QWidget *widget = page->pageWidget();
    widget->setObjectName(QStringLiteral("page-") + info.id);
    m_stack->addWidget(widget);

    const QIcon icon = ToolIcon::make(
        QStringLiteral(":/icons/tool-%1.svg").arg(info.id), ToolIcon::strokeFor(palette()));
    auto *action = new QAction(icon, info.title, m_toolActions);
    action->setData(info.id);
    action->setCheckable(true);
    action->setToolTip(QStringLiteral("<b>%1</b><br>%2").arg(info.title, info.description));
    action->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + index)));
    connect(action, &QAction::triggered, this, [this, index] { showTool(Tool(index)); });
}

int MainWindow::indexOf(const ToolPage *page) const
{
    return int(m_pages.indexOf(const_cast<ToolPage *>(page)));
}

Connection *MainWindow::connection() const
{
    return m_workspace->session();
}

std::optional<core::Profile> MainWindow::activeProfile() const
{
    return m_workspace->target().profile;
}

MainWindow::Tool MainWindow::currentTool() const
{
    return Tool(m_stack->currentIndex());
}

void MainWindow::showTool(Tool tool)
{
    m_stack->setCurrentIndex(int(tool));
    m_toolActions->actions().at(int(tool))->setChecked(true);
    ToolPage *page = m_pages.at(int(tool));
    m_toolMenu->clear();
    m_toolMenu->setTitle(page->toolInfo().title);
    m_toolMenu->addActions(page->toolActions());
    m_toolMenu->menuAction()->setVisible(!m_toolMenu->isEmpty());
    emit toolChanged(tool);
}

QWidget *MainWindow::toolPage(Tool tool) const
{
    return m_stack->widget(int(tool));
}

QString MainWindow::statusText() const
{
    return m_status->text();
}

void MainWindow::showMessage(const QString &text)
{
    statusBar()->showMessage(text, 10000);
}

bool MainWindow::canHandOff(const QString &kind) const
{
    return std::any_of(
        m_pages.begin(), m_pages.end(), [&kind](const ToolPage *p) { return p->takes(kind); });
}

bool MainWindow::handOff(const ToolHandoff &handoff)
{
    for (ToolPage *page : std::as_const(m_pages)) {
        if (page->takes(handoff.kind) && page->receive(handoff)) {
            showTool(Tool(indexOf(page)));
            return true;
        }
    }
    return false;
}

void MainWindow::openConnection(const core::ConnInfo &info, const QString &label)
{
    m_connector->clear();
    m_workspace->setTarget(core::WorkspaceTarget::forConnection(info, label));
}

void MainWindow::openFiles(const QStringList &paths)
{
    // Each file to the tool that claims its suffix; the rest to the one
    // that takes anything ("*"). With no file, that one is shown.
    QHash<ToolPage *, QStringList> byPage;
    ToolPage *fallback = nullptr;
    for (ToolPage *page : std::as_const(m_pages)) {
        if (!fallback && page->fileSuffixes().contains(QStringLiteral("*")))
            fallback = page;
    }
    ToolPage *last = nullptr;
    for (const QString &path : paths) {
        const QString suffix = QFileInfo(path).suffix().toLower();
        ToolPage *target = fallback;
        for (ToolPage *page : std::as_const(m_pages)) {
            if (page->fileSuffixes().contains(suffix)) {
                target = page;
                break;
            }
        }
        if (target) {
            byPage[target] << path;
            last = target;
        }
    }
    // Without files, or with any file for it, the catch-all tool (the SQL
    // editor) opens them and is shown; otherwise the tool of the last file.
    if (fallback && (paths.isEmpty() || byPage.contains(fallback))) {
        last = fallback;
        byPage[fallback];
    }
    for (ToolPage *page : std::as_const(m_pages)) {
        if (byPage.contains(page))
            page->openFiles(byPage.value(page));
    }
    if (last)
        showTool(Tool(indexOf(last)));
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    // Unsaved work is asked about before anything closes.
    for (ToolPage *page : std::as_const(m_pages)) {
        if (!page->prepareToClose()) {
            event->ignore();
            return;
        }
    }
    QMainWindow::closeEvent(event);
}

void MainWindow::openProfile(const core::Profile &profile)
{
    if (profile.scope == core::ProfileScope::OneOff)
        m_profiles->setOneOff(profile);
    m_connectionBar->setActiveProfile(profile.name);
    // Chosen now (labels, flags, the migrations folder); opened once the
    // password is looked up or the sandbox has started.
    m_workspace->setTarget(core::WorkspaceTarget::forProfile(
        profile, {}, core::MigrationsPath::resolve(m_profiles->store(), &profile).path));
    if (profile.scope == core::ProfileScope::Sandbox
        && !core::LocalServer(profile.filePath).isRunning()) {
        m_connector->clear();
        startSandboxThenOpen(profile);
        return;
    }
    m_connector->start(profile);
}

void MainWindow::startSandboxThenOpen(const core::Profile &profile)
{
    if (m_sandbox && m_sandbox->isBusy())
        return;
    delete m_sandbox;
    m_sandbox = new core::LocalServer(profile.filePath, this);
    statusBar()->showMessage(tr("Starting the sandbox in %1…").arg(profile.filePath));
    connect(m_sandbox, &core::LocalServer::started, this, [this, profile] {
        statusBar()->clearMessage();
        // The port is known only now (a busy one is skipped at start).
        const auto started = core::SandboxProfile::find(profile.filePath);
        m_workspace->open((started ? *started : profile).connInfo());
    });
    connect(m_sandbox, &core::LocalServer::failed, this, [this](const core::PgError &error) {
        statusBar()->showMessage(tr("The sandbox did not start: %1").arg(error.message));
    });
    m_sandbox->start();
}

void MainWindow::updateTitle()
{
    const Connection *session = m_workspace->session();
    if (session->isOpen()) {
        setWindowTitle(
            tr("%1 on %2 — Tusk").arg(session->server().database, m_workspace->target().label));
    } else {
        setWindowTitle(tr("Tusk"));
    }
}

} // namespace tusk::widgets
