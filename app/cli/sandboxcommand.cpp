#include "sandboxcommand.h"

#include "console.h"

#include "core/sandbox/demodatabase.h"
#include "core/sandbox/demomigrations.h"
#include "core/sandbox/localserver.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTextStream>
#include <QTimer>

#include <cstdio>
#include <unistd.h>

namespace tusk::app {

using core::DemoDatabase;
using core::LocalServer;

namespace {
// Exit codes beyond 0/1/2, as pg_ctl status uses them.
constexpr int exitNotRunning = 3;
constexpr int exitNoSandbox = 4;

QString shellQuote(const QString &value)
{
    QString quoted = value;
    quoted.replace(QLatin1Char('\''), QLatin1String("'\\''"));
    return QLatin1Char('\'') + quoted + QLatin1Char('\'');
}

QString serverVersion(const LocalServer &server)
{
    QFile file(server.dataDir() + QStringLiteral("/PG_VERSION"));
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()).trimmed() : QString();
}

// Starts `action` and runs the event loop until one of the server's end
// signals.
int runUntil(LocalServer &server, void (LocalServer::*action)(), void (LocalServer::*done)())
{
    int code = 1;
    QObject guard; // the connections end with this function
    QObject::connect(&server, &LocalServer::progress, &guard,
        [](const QString &step) { err() << "tusk sandbox: " << step << Qt::endl; });
    QObject::connect(&server, done, &guard, [&code] {
        code = 0;
        QCoreApplication::exit(0);
    });
    QObject::connect(&server, &LocalServer::failed, &guard, [&code](const core::PgError &error) {
        err() << "tusk sandbox: " << error.message << Qt::endl;
        code = 1;
        QCoreApplication::exit(1);
    });
    // Started from inside the loop, so that even an immediate failure finds
    // exec() running to stop.
    QTimer::singleShot(0, &guard, [&server, action] { (server.*action)(); });
    QCoreApplication::exec();
    return code;
}

int buildDemo(const LocalServer &server, bool replace)
{
    DemoDatabase demo(server.connInfo());
    int code = 1;
    QElapsedTimer timer;
    timer.start();
    QObject::connect(&demo, &DemoDatabase::progress, &demo,
        [](const QString &step) { err() << "tusk sandbox: " << step << Qt::endl; });
    QObject::connect(&demo, &DemoDatabase::finished, &demo, [&](bool built) {
        QString error;
        if (!core::DemoMigrations::install(server.folder(), &error))
            err() << "tusk sandbox: the demo migrations were not copied: " << error << Qt::endl;
        if (built)
            err() << "tusk sandbox: demo database " << DemoDatabase::name() << " built in "
                  << QString::number(timer.elapsed() / 1000.0, 'f', 1) << " s" << Qt::endl;
        code = 0;
        QCoreApplication::exit(0);
    });
    QObject::connect(&demo, &DemoDatabase::failed, &demo, [&](const core::PgError &error) {
        err() << "tusk sandbox: the demo database could not be built: " << error.message
              << Qt::endl;
        code = 1;
        QCoreApplication::exit(1);
    });
    QTimer::singleShot(0, &demo, [&demo, replace] { demo.create(replace); });
    QCoreApplication::exec();
    return code;
}

void printEnvironment(const LocalServer &server, const QString &database)
{
    out() << "export PGHOST=" << shellQuote(server.folder()) << '\n'
          << "export PGPORT=" << server.port() << '\n'
          << "export PGUSER=" << shellQuote(QLatin1String(LocalServer::superuser)) << '\n'
          << "export PGDATABASE=" << shellQuote(database) << '\n';
    out().flush();
}

int status(const LocalServer &server)
{
    if (!server.isInitialized()) {
        out() << "no sandbox in " << server.folder() << " (create one with `tusk sandbox start`)\n";
        return exitNoSandbox;
    }
    const bool running = server.isRunning();
    out() << "sandbox:  " << server.folder() << '\n'
          << "server:   PostgreSQL " << serverVersion(server) << ", "
          << (running ? QStringLiteral("running (pid %1)").arg(server.serverPid())
                      : QStringLiteral("stopped"))
          << '\n';
    if (running) {
        out() << "socket:   " << server.folder() << " (port " << server.port() << ")\n"
              << "tcp:      127.0.0.1:" << server.port() << " (user " << LocalServer::superuser
              << ", password in " << server.folder() << "/superuser.password)\n"
              << "connect:  " << server.connInfo(DemoDatabase::name()).toUrl() << '\n';
    }
    out() << "log:      " << server.logFile() << '\n';
    out().flush();
    return running ? 0 : exitNotRunning;
}
} // namespace

int SandboxCommand::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "The sandbox: a local PostgreSQL cluster that Tusk creates and runs in one folder,\n"
        "on a free loopback port with its Unix socket in that folder, with a demo\n"
        "database (tusk_demo) to try every tool on.\n"
        "\n"
        "Actions:\n"
        "  start      create the cluster when missing, start it, build the demo database\n"
        "  stop       stop the server (fast shutdown)\n"
        "  restart    stop, then start\n"
        "  status     say whether it runs (exit 0), is stopped (3) or missing (4)\n"
        "  psql-env   print PGHOST/PGPORT/PGUSER/PGDATABASE for eval in a shell\n"
        "  remove     stop the server and delete the folder"));
    parser.addHelpOption();
    parser.addPositionalArgument(
        QStringLiteral("action"), QStringLiteral("start, stop, restart, status, psql-env, remove"));
    const QCommandLineOption dirOption(QStringLiteral("dir"),
        QStringLiteral("The sandbox folder (default %1; $TUSK_SANDBOX_DIR overrides).")
            .arg(LocalServer::defaultFolder()),
        QStringLiteral("folder"), LocalServer::defaultFolder());
    const QCommandLineOption portOption(
        QStringLiteral("port"), QStringLiteral("A port to try first."), QStringLiteral("port"));
    const QCommandLineOption binOption(QStringLiteral("pg-bin"),
        QStringLiteral("Folder of the PostgreSQL server programs."), QStringLiteral("folder"));
    const QCommandLineOption noDemoOption(
        QStringLiteral("no-demo"), QStringLiteral("start: do not build the demo database."));
    const QCommandLineOption resetDemoOption(QStringLiteral("reset-demo"),
        QStringLiteral("start: rebuild the demo database from scratch."));
    const QCommandLineOption databaseOption(QStringLiteral("database"),
        QStringLiteral("psql-env: the database (default tusk_demo)."), QStringLiteral("name"),
        DemoDatabase::name());
    const QCommandLineOption yesOption(
        QStringLiteral("yes"), QStringLiteral("remove: do not ask for confirmation."));
    const QCommandLineOption setOption(QStringLiteral("set"),
        QStringLiteral("start: a server setting on top of the sandbox's own, such as "
                       "max_connections=600 (repeatable)."),
        QStringLiteral("name=value"));
    parser.addOptions({dirOption, portOption, binOption, noDemoOption, resetDemoOption,
        databaseOption, yesOption, setOption});

    if (const std::optional<int> done =
            Console::parse(parser, QStringLiteral("sandbox"), arguments))
        return *done;
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1) {
        err() << "tusk sandbox: name one action: start, stop, restart, status, psql-env, remove"
              << Qt::endl;
        return 2;
    }
    const QString action = positional.first();

    LocalServer server(parser.value(dirOption));
    if (parser.isSet(binOption))
        server.setBinDir(parser.value(binOption));
    if (parser.isSet(portOption))
        server.setPreferredPort(parser.value(portOption).toInt());
    for (const QString &setting : parser.values(setOption)) {
        const qsizetype equals = setting.indexOf(QLatin1Char('='));
        if (equals <= 0) {
            err() << "tusk sandbox: --set takes name=value, not '" << setting << "'" << Qt::endl;
            return 2;
        }
        server.setSetting(setting.left(equals).trimmed(), setting.mid(equals + 1).trimmed());
    }

    if (action == QLatin1String("status"))
        return status(server);
    if (action == QLatin1String("psql-env")) {
        if (!server.isRunning()) {
            err() << "tusk sandbox: not running; start it with `tusk sandbox start`" << Qt::endl;
            return exitNotRunning;
        }
        printEnvironment(server, parser.value(databaseOption));
        return 0;
    }
    if (action == QLatin1String("start") || action == QLatin1String("restart")) {
        QElapsedTimer timer;
        timer.start();
        const bool wasRunning = server.isRunning();
        const bool restart = action == QLatin1String("restart");
        if (const int code = runUntil(server, restart ? &LocalServer::restart : &LocalServer::start,
                &LocalServer::started);
            code != 0)
            return code;
        if (!wasRunning || restart)
            err() << "tusk sandbox: server ready in " << timer.elapsed() << " ms" << Qt::endl;
        if (!parser.isSet(noDemoOption)) {
            if (const int code = buildDemo(server, parser.isSet(resetDemoOption)); code != 0)
                return code;
        }
        return status(server);
    }
    if (action == QLatin1String("stop")) {
        return runUntil(server, &LocalServer::stop, &LocalServer::stopped);
    }
    if (action == QLatin1String("remove")) {
        if (!QDir(server.folder()).exists()) {
            out() << "no sandbox in " << server.folder() << '\n';
            return 0;
        }
        if (!parser.isSet(yesOption)) {
            if (!isatty(STDIN_FILENO)) {
                err() << "tusk sandbox: remove deletes " << server.folder()
                      << " and all its databases; pass --yes to confirm" << Qt::endl;
                return 2;
            }
            err() << "Delete " << server.folder() << " and all its databases? [y/N] " << Qt::flush;
            char answer[16] = {};
            if (!std::fgets(answer, sizeof answer, stdin) || (answer[0] != 'y' && answer[0] != 'Y'))
                return 1;
        }
        return runUntil(server, &LocalServer::remove, &LocalServer::removed);
    }
    err() << "tusk sandbox: unknown action '" << action << "'" << Qt::endl;
    return 2;
}

} // namespace tusk::app
