#include "guilauncher.h"

#include "instancechannel.h"
#include "translations.h"

#include "app/cli/commandline.h"

#include "app/keychain/keychainsecretstore.h"
#include "core/profiles/connectionlink.h"
#include "core/profiles/passwordkeeper.h"
#include "core/profiles/profileregistry.h"
#include "core/profiles/sandboxprofile.h"
#include "core/sandbox/localserver.h"
#include "widgets/shell/mainwindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QStatusBar>
#include <QTextStream>

namespace tusk::app {

namespace {
bool haveDisplay()
{
    return !qEnvironmentVariableIsEmpty("DISPLAY")
        || !qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY")
        || !qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM");
}
void openUrl(widgets::MainWindow &window, const QString &text, const QString &label)
{
    QString error;
    const core::ConnInfo info = core::ConnInfo::parse(text, &error);
    if (info.isEmpty())
        QTextStream(stderr) << "tusk: cannot read the connection string: " << error << '\n';
    else
        window.openProfile(core::Profile::oneOff(info, label));
}

// Files open in the tool that takes them. A link came from outside (a web
// page, a chat): it may only say where and as whom, and the window asks
// before it connects (the last link wins: the window has one target).
void openRequest(widgets::MainWindow &window, const InstanceChannel::Request &request)
{
    if (!request.files.isEmpty())
        window.openFiles(request.files);
    if (request.urls.isEmpty())
        return;
    QString why;
    const std::optional<core::ConnInfo> link =
        core::ConnectionLink::read(request.urls.last(), &why);
    if (!link) {
        window.statusBar()->showMessage(
            QCoreApplication::translate("GuiLauncher", "The link was not opened: %1").arg(why),
            15000);
        return;
    }
    window.offerConnection(core::Profile::oneOff(*link, QStringLiteral("link")));
}
} // namespace

int GuiLauncher::run(int argc, char *argv[])
{
    if (!haveDisplay()) {
        QTextStream(stderr)
            << "tusk: no display (DISPLAY and WAYLAND_DISPLAY are unset).\n"
               "Commands run without one (`tusk --help` lists them); for the window on a "
               "machine without a screen, run it under Xvfb:\n"
               "  xvfb-run -a tusk --sandbox\n";
        return 1;
    }
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("tusk"));
    QApplication::setApplicationDisplayName(QStringLiteral("Tusk"));
    QApplication::setApplicationVersion(QStringLiteral(TUSK_VERSION));
    QApplication::setOrganizationName(QStringLiteral("tusk"));
    QApplication::setDesktopFileName(QStringLiteral("tusk"));

    // The options are CommandLine's table, the one `tusk --help` and the
    // man page show.
    QCommandLineParser parser;
    for (const CommandLine::WindowOption &o : CommandLine::windowOptions())
        parser.addOption(*o.valueName
                ? QCommandLineOption(
                    QLatin1String(o.name), QLatin1String(o.text), QLatin1String(o.valueName))
                : QCommandLineOption(QLatin1String(o.name), QLatin1String(o.text)));
    parser.addPositionalArgument(QStringLiteral("files"),
        QStringLiteral("SQL and plan files to open, postgresql:// links to connect to."));
    if (!parser.parse(QApplication::arguments())) {
        QTextStream(stderr) << "tusk: " << parser.errorText() << "\n(see tusk --help)\n";
        return 2;
    }
    Translations::install(&app, parser.value(QStringLiteral("lang")));
    const QString sandboxDir = parser.isSet(QStringLiteral("sandbox-dir"))
        ? parser.value(QStringLiteral("sandbox-dir"))
        : core::LocalServer::defaultFolder();
    const InstanceChannel::Request request =
        InstanceChannel::requestOf(parser.positionalArguments(), QDir::currentPath());

    // A file or link opened from the desktop goes to the window that runs,
    // if there is one; this process then has nothing more to do.
    if (!request.isEmpty() && !parser.isSet(QStringLiteral("new-window"))) {
        InstanceChannel client;
        bool handed = false;
        QObject::connect(&client, &InstanceChannel::handedOff, &app, [&handed] {
            handed = true;
            QCoreApplication::quit();
        });
        QObject::connect(&client, &InstanceChannel::noWindow, &app, &QCoreApplication::quit);
        client.handOff(request);
        app.exec();
        if (handed)
            return 0;
    }

    core::ProfileRegistry catalog(
        QDir::currentPath(), sandboxDir, nullptr, parser.value(QStringLiteral("project")));
    KeychainSecretStore keychain;
    catalog.passwords()->setSecretStore(&keychain);
    widgets::MainWindow window(&catalog);
    window.show();
    InstanceChannel channel;
    QObject::connect(&channel, &InstanceChannel::received, &window,
        [&window](const InstanceChannel::Request &handed) {
            openRequest(window, handed);
            window.setWindowState(window.windowState() & ~Qt::WindowMinimized);
            window.raise();
            window.activateWindow();
        });
    channel.listen();
    openRequest(window, request);

    // --db, then a link, then --sandbox, then what DB_URL / DB_PROFILE / the
    // working directory choose (the sandbox when there are no profiles);
    // else the Profiles tool asks.
    if (parser.isSet(QStringLiteral("db"))) {
        openUrl(window, parser.value(QStringLiteral("db")), QStringLiteral("db"));
        return app.exec();
    }
    if (!request.urls.isEmpty())
        return app.exec();
    if (parser.isSet(QStringLiteral("sandbox"))) {
        if (const auto sandbox = core::SandboxProfile::find(sandboxDir))
            window.openProfile(*sandbox);
        else
            QTextStream(stderr) << "tusk: no sandbox in " << sandboxDir
                                << " (create it with `tusk sandbox start`)\n";
        return app.exec();
    }
    const core::ProfileResolution resolution = catalog.resolve();
    if (resolution.profile)
        window.openProfile(*resolution.profile);
    else if (request.files.isEmpty()) // files keep the editor in front
        window.showTool(widgets::MainWindow::Tool::Profiles);
    return app.exec();
}

} // namespace tusk::app
