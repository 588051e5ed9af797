#include "guilauncher.h"

#include "sandbox/demodatabase.h"
#include "sandbox/localserver.h"
#include "shell/mainwindow.h"

#include <QApplication>
#include <QCommandLineParser>
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
    parser.addOptions({dbOption, sandboxOption, sandboxDirOption});
    if (!parser.parse(QApplication::arguments())) {
        QTextStream(stderr) << "tusk: " << parser.errorText() << "\n(see tusk --help)\n";
        return 2;
    }

    widgets::MainWindow window;
    window.show();

    // Connection choice, until the profile manager takes it over: --db, then
    // DB_URL, then the sandbox when asked for or already running.
    QString error;
    const QString url =
        parser.isSet(dbOption) ? parser.value(dbOption) : qEnvironmentVariable("DB_URL");
    if (!url.isEmpty()) {
        const core::ConnInfo info = core::ConnInfo::parse(url, &error);
        if (info.isEmpty())
            QTextStream(stderr) << "tusk: cannot read the connection string: " << error << '\n';
        else
            window.openConnection(
                info, parser.isSet(dbOption) ? QStringLiteral("--db") : QStringLiteral("DB_URL"));
    } else {
        const core::LocalServer sandbox(parser.value(sandboxDirOption));
        if (parser.isSet(sandboxOption) || sandbox.isRunning())
            window.openConnection(
                sandbox.connInfo(core::DemoDatabase::name()), QStringLiteral("sandbox"));
    }
    return app.exec();
}

} // namespace tusk::app
