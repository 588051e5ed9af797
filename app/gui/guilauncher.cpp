#include "guilauncher.h"

#include "app/keychain/keychainsecretstore.h"
#include "core/profiles/passwordkeeper.h"
#include "core/profiles/profileregistry.h"
#include "core/profiles/sandboxprofile.h"
#include "core/sandbox/localserver.h"
#include "widgets/shell/mainwindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QLocale>
#include <QTextStream>
#include <QTranslator>

namespace tusk::app {

namespace {
bool haveDisplay()
{
    return !qEnvironmentVariableIsEmpty("DISPLAY")
        || !qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY")
        || !qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM");
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
    QTranslator translator;
    if (translator.load(
            QLocale(), QStringLiteral("tusk"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QApplication::installTranslator(&translator);

    QCommandLineParser parser;
    const QCommandLineOption dbOption(QStringLiteral("db"),
        QStringLiteral("Connect to a URL or keyword string."), QStringLiteral("conninfo"));
    const QCommandLineOption sandboxOption(
        QStringLiteral("sandbox"), QStringLiteral("Connect to the sandbox demo database."));
    const QCommandLineOption sandboxDirOption(QStringLiteral("sandbox-dir"),
        QStringLiteral("The sandbox folder."), QStringLiteral("folder"),
        core::LocalServer::defaultFolder());
    const QCommandLineOption projectOption(QStringLiteral("project"),
        QStringLiteral("The project root (default: the nearest folder with .git)."),
        QStringLiteral("folder"));
    parser.addOptions({dbOption, sandboxOption, sandboxDirOption, projectOption});
    parser.addPositionalArgument(
        QStringLiteral("files"), QStringLiteral("SQL files to open in editor tabs."));
    if (!parser.parse(QApplication::arguments())) {
        QTextStream(stderr) << "tusk: " << parser.errorText() << "\n(see tusk --help)\n";
        return 2;
    }

    core::ProfileRegistry catalog(
        QDir::currentPath(), parser.value(sandboxDirOption), nullptr, parser.value(projectOption));
    KeychainSecretStore keychain;
    catalog.passwords()->setSecretStore(&keychain);
    widgets::MainWindow window(&catalog);
    window.show();
    if (!parser.positionalArguments().isEmpty())
        window.openFiles(parser.positionalArguments());

    // --db, then --sandbox, then what DB_URL / DB_PROFILE / the working
    // directory choose (the sandbox when there are no profiles); else the
    // Profiles tool asks.
    if (parser.isSet(dbOption)) {
        QString error;
        const core::ConnInfo info = core::ConnInfo::parse(parser.value(dbOption), &error);
        if (info.isEmpty())
            QTextStream(stderr) << "tusk: cannot read the connection string: " << error << '\n';
        else
            window.openProfile(core::Profile::oneOff(info, QStringLiteral("db")));
        return app.exec();
    }
    if (parser.isSet(sandboxOption)) {
        if (const auto sandbox = core::SandboxProfile::find(parser.value(sandboxDirOption)))
            window.openProfile(*sandbox);
        else
            QTextStream(stderr) << "tusk: no sandbox in " << parser.value(sandboxDirOption)
                                << " (create it with `tusk sandbox start`)\n";
        return app.exec();
    }
    const core::ProfileResolution resolution = catalog.resolve();
    if (resolution.profile)
        window.openProfile(*resolution.profile);
    else if (parser.positionalArguments().isEmpty()) // files keep the editor in front
        window.showTool(widgets::MainWindow::Tool::Profiles);
    return app.exec();
}

} // namespace tusk::app
