#include "mainwindow.h"

#include "connectionstatus.h"
#include "connectionsummary.h"
#include "toolplaceholder.h"

#include "browser/schemabrowser.h"
#include "browser/schematreemodel.h"
#include "editor/editorautosave.h"
#include "editor/sqlworkbench.h"
#include "plan/planworkbench.h"

#include "pg/connection.h"
#include "profiles/connectionbar.h"
#include "profiles/migrationspath.h"
#include "profiles/passwordkeeper.h"
#include "profiles/passwordprompt.h"
#include "profiles/profilecatalog.h"
#include "profiles/profileconnector.h"
#include "profiles/profilemanager.h"
#include "profiles/sandboxprofile.h"
#include "sandbox/localserver.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QFileInfo>
#include <QMenuBar>
#include <QMessageBox>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QStatusBar>
#include <QToolBar>

namespace tusk::widgets {

using core::Connection;

MainWindow::MainWindow(ProfileCatalog *catalog, QWidget *parent)
    : QMainWindow(parent)
    , m_catalog(catalog
              ? catalog
              : new ProfileCatalog(QDir::currentPath(), core::LocalServer::defaultFolder(), this))
    , m_pages(new QStackedWidget(this))
    , m_toolActions(new QActionGroup(this))
    , m_status(new ConnectionStatus(this))
    , m_summary(new ConnectionSummary(this))
    , m_connectionBar(new ConnectionBar(m_catalog, this))
    , m_profileManager(new ProfileManager(m_catalog, this))
    , m_connector(new ProfileConnector(m_catalog->passwords(), this))
    , m_schemaBrowser(new SchemaBrowser(this))
    , m_sqlWorkbench(new SqlWorkbench(this))
    , m_planWorkbench(new PlanWorkbench(this))
{
    setWindowIcon(QIcon(QStringLiteral(":/icons/tusk.svg")));
    setCentralWidget(m_pages);
    resize(1200, 780);

    auto *rail = new QToolBar(tr("Tools"), this);
    rail->setObjectName(QStringLiteral("toolRail"));
    rail->setMovable(false);
    rail->setFloatable(false);
    rail->setIconSize(QSize(28, 28));
    rail->setToolButtonStyle(Qt::ToolButtonTextUnderIcon);
    addToolBar(Qt::LeftToolBarArea, rail);
    m_toolActions->setExclusive(true);

    addTool(Tool::Profiles, QStringLiteral("profiles"), tr("Profiles"),
        tr("Connection profiles from postgres.toml, chosen by environment and working "
           "directory, with the local sandbox as the default."),
        m_profileManager);
    m_profileManager->setSummary(m_summary);
    connect(m_profileManager, &ProfileManager::connectRequested, this, &MainWindow::openProfile);
    connect(m_connector, &ProfileConnector::ready, this,
        [this](const core::Profile &profile, const core::ConnInfo &info) {
            openSession(info,
                profile.isProduction() ? tr("%1 (production)").arg(profile.name) : profile.name);
        });
    connect(m_connector, &ProfileConnector::message, this,
        [this](const QString &text) { statusBar()->showMessage(text, 10000); });
    connect(m_catalog->passwords(), &PasswordKeeper::notice, this,
        [this](const QString &text) { statusBar()->showMessage(text, 10000); });
    connect(m_connectionBar, &ConnectionBar::connectRequested, this, &MainWindow::openProfile);
    addTool(Tool::Schema, QStringLiteral("schema"), tr("Schema"),
        tr("The whole catalog at once: objects, their DDL, and health checks for missing "
           "foreign-key indexes, unused or invalid indexes, vacuum state and sizes."),
        m_schemaBrowser);
    addTool(Tool::Editor, QStringLiteral("editor"), tr("SQL"),
        tr("An SQL editor that lints migrations while you type: the lock each statement "
           "takes, table rewrites, and the online way to do the same."),
        m_sqlWorkbench);
    connect(m_sqlWorkbench, &SqlWorkbench::message, this,
        [this](const QString &text) { statusBar()->showMessage(text, 10000); });
    // Completion reads the catalog the Schema tool loaded for the database.
    connect(m_schemaBrowser, &SchemaBrowser::loaded, this, [this](const QString &, bool ok) {
        if (ok)
            m_sqlWorkbench->setCatalog(m_schemaBrowser->model()->snapshot(0));
    });
    // Tests run many windows at once; they check autosave on their own folders.
    if (!QStandardPaths::isTestModeEnabled())
        m_sqlWorkbench->enableAutosave(EditorAutosave::defaultRoot());
    addTool(Tool::Plan, QStringLiteral("plan"), tr("Plan"),
        tr("EXPLAIN plans drawn as trees: exclusive times, misestimates, buffers, hints, "
           "and two plans side by side."),
        m_planWorkbench);
    // Explain in the editor opens its plan here.
    connect(m_sqlWorkbench, &SqlWorkbench::explained, this,
        [this](const QString &plan, const QString &title, const QString &note) {
            if (m_planWorkbench->openText(plan, title, note))
                showTool(Tool::Plan);
        });
    connect(m_planWorkbench, &PlanWorkbench::message, this,
        [this](const QString &text) { statusBar()->showMessage(text, 10000); });
    addTool(Tool::Activity, QStringLiteral("activity"), tr("Activity"),
        tr("Sessions, wait events and who blocks whom, with history, and cancel or "
           "terminate after confirmation."));
    addTool(Tool::Migrations, QStringLiteral("migrations"), tr("Rollout"),
        tr("Prerelease migration files and CHANGELOG entries, stepped through expand, "
           "backfill, migrate reads and contract, each with its rollback."));
    rail->addActions(m_toolActions->actions());
    auto *bar = new QToolBar(tr("Connection"), this);
    bar->setObjectName(QStringLiteral("connectionBar"));
    bar->setMovable(false);
    bar->addWidget(m_connectionBar);
    addToolBar(Qt::TopToolBarArea, bar);

    QMenu *fileMenu = menuBar()->addMenu(tr("&File"));
    QAction *quit = fileMenu->addAction(tr("&Quit"), qApp, &QApplication::closeAllWindows);
    quit->setShortcut(QKeySequence::Quit);
    QMenu *viewMenu = menuBar()->addMenu(tr("&View"));
    viewMenu->addActions(m_toolActions->actions());
    QMenu *helpMenu = menuBar()->addMenu(tr("&Help"));
    helpMenu->addAction(tr("&About Tusk"), this, [this] {
        QMessageBox::about(this, tr("About Tusk"),
            tr("<h3>Tusk %1</h3><p>A workbench for PostgreSQL schema, migrations "
               "and performance.</p><p>Licensed under the GNU GPL, version 3 or "
               "later.</p>")
                .arg(QApplication::applicationVersion()));
    });

    statusBar()->addPermanentWidget(m_status);
    showTool(Tool::Profiles);
    updateTitle();
}

MainWindow::~MainWindow() = default;

void MainWindow::addTool(Tool tool, const QString &iconName, const QString &title,
    const QString &description, QWidget *page)
{
    const QIcon icon(QStringLiteral(":/icons/tool-%1.svg").arg(iconName));
    if (!page)
        page = new ToolPlaceholder(icon, title, description, m_pages);
    page->setObjectName(QStringLiteral("page-") + iconName);
    m_pages->addWidget(page);

    auto *action = new QAction(icon, title, m_toolActions);
    action->setCheckable(true);
    action->setToolTip(QStringLiteral("<b>%1</b><br>%2").arg(title, description));
    action->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + int(tool))));
    action->setData(int(tool));
    connect(action, &QAction::triggered, this, [this, tool] { showTool(tool); });
}

MainWindow::Tool MainWindow::currentTool() const
{
    return Tool(m_pages->currentIndex());
}

void MainWindow::showTool(Tool tool)
{
    m_pages->setCurrentIndex(int(tool));
    m_toolActions->actions().at(int(tool))->setChecked(true);
    emit toolChanged(tool);
}

QWidget *MainWindow::toolPage(Tool tool) const
{
    return m_pages->widget(int(tool));
}

QString MainWindow::statusText() const
{
    return m_status->text();
}

void MainWindow::openConnection(const core::ConnInfo &info, const QString &label)
{
    m_connector->clear();
    m_activeProfile.reset();
    openSession(info, label);
}

void MainWindow::openSession(const core::ConnInfo &info, const QString &label)
{
    if (!m_connection) {
        m_connection = new Connection(this);
        connect(m_connection, &Connection::stateChanged, this, &MainWindow::updateTitle);
        // A server that wants a password gets one from the user; one that
        // worked is kept for the run (and in the keychain when asked).
        connect(m_connection, &Connection::openFailed, m_connector, &ProfileConnector::retry);
        connect(m_connection, &Connection::opened, m_connector, &ProfileConnector::opened);
        // The browser reads on sessions of its own, to the same server.
        connect(m_connection, &Connection::opened, this, [this] {
            m_schemaBrowser->setConnection(m_connection->connInfo(), m_connectionLabel);
            // Each editor tab runs on a session of its own to the same place.
            m_sqlWorkbench->setTarget(m_connection->connInfo(), m_connectionLabel,
                m_activeProfile && m_activeProfile->isProduction());
        });
    }
    m_connectionLabel = label;
    m_status->setConnection(m_connection, label);
    m_summary->setConnection(m_connection, label);
    m_connection->open(info);
    updateTitle();
}

void MainWindow::openFiles(const QStringList &paths)
{
    // Plans (EXPLAIN output saved as .json, .txt, .yaml, .xml) open in the
    // Plan tool; everything else is SQL for the editor.
    QStringList sqlFiles;
    bool plans = false;
    for (const QString &path : paths) {
        const QString suffix = QFileInfo(path).suffix().toLower();
        static const QStringList planSuffixes = {QStringLiteral("json"), QStringLiteral("txt"),
            QStringLiteral("yaml"), QStringLiteral("yml"), QStringLiteral("xml"),
            QStringLiteral("plan"), QStringLiteral("explain")};
        if (planSuffixes.contains(suffix)) {
            m_planWorkbench->openFile(path);
            plans = true;
        } else {
            sqlFiles << path;
        }
    }
    if (!sqlFiles.isEmpty() || !plans) {
        showTool(Tool::Editor);
        m_sqlWorkbench->openFiles(sqlFiles);
    } else {
        showTool(Tool::Plan);
    }
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    // Unsaved editor text is asked about before anything closes.
    if (!m_sqlWorkbench->closeAll()) {
        event->ignore();
        return;
    }
    QMainWindow::closeEvent(event);
}

void MainWindow::openProfile(const core::Profile &profile)
{
    m_activeProfile = profile;
    m_sqlWorkbench->setMigrationsFolder(
        core::MigrationsPath::resolve(m_catalog->store(), &profile).path);
    if (profile.scope == core::ProfileScope::OneOff)
        m_catalog->setOneOff(profile);
    m_connectionBar->setActiveProfile(profile.name);
    m_profileManager->setActiveProfile(profile);
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
        openSession((started ? *started : profile).connInfo(), profile.name);
    });
    connect(m_sandbox, &core::LocalServer::failed, this, [this](const QString &message) {
        statusBar()->showMessage(tr("The sandbox did not start: %1").arg(message));
    });
    m_sandbox->start();
}

void MainWindow::updateTitle()
{
    if (m_connection && m_connection->isOpen()) {
        setWindowTitle(
            tr("%1 on %2 — Tusk").arg(m_connection->server().database, m_connectionLabel));
    } else {
        setWindowTitle(tr("Tusk"));
    }
}

} // namespace tusk::widgets
