#include "commandline.h"

#include "activitycommand.h"
#include "console.h"
#include "explaincli.h"
#include "healthcommand.h"
#include "helpcommand.h"
#include "lintcommand.h"
#include "migratecommand.h"
#include "plancommand.h"
#include "profilescommand.h"
#include "rolloutcommand.h"
#include "rolloutsheetcommand.h"
#include "sandboxcommand.h"
#include "schemacommand.h"

#include <QApplication>
#include <QCoreApplication>
#include <QFileInfo>
#include <QStringList>

#include <cstring>
#include <memory>

namespace tusk::app {

namespace {
// The one table of commands: the usage text, dispatch, `tusk help`, the man
// page and the shell completions are all made from it (with each command's
// own --help for its options).
struct Subcommand {
    const char *name;
    const char *summary;
    int (*run)(const QStringList &arguments);
    const char *actions; // the words that may follow the command, space-separated
    const char *nested; // actions with a --help of their own
};

const Subcommand subcommands[] = {
    {"activity", "the server's sessions now, or who blocks whom (--tree), hard and soft",
        &ActivityCommand::run, "cancel terminate replay", "replay"},
    {"explain", "EXPLAIN one statement on the server (writes under --analyze are rolled back)",
        &ExplainCli::run, "", "--impact"},
    {"health",
        "check a schema for missing FK indexes, unused or invalid indexes, vacuum "
        "state and more, with the fix",
        &HealthCommand::run, "", ""},
    {"help", "describe a command (`tusk help plan`), or write the man page or completions",
        &HelpCommand::run, "", ""},
    {"lint", "lint SQL migrations: locks, rewrites and the online alternative", &LintCommand::run,
        "", ""},
    {"migrate", "the migrations folder: pending files, released history, CHANGELOG.md",
        &MigrateCommand::run, "status init changelog add split compact release check", ""},
    {"plan", "read an EXPLAIN plan (JSON, text, YAML, XML): own times, insights, comparison",
        &PlanCommand::run, "", ""},
    {"profiles", "list, resolve, test and migrate connection profiles (postgres.toml)",
        &ProfilesCommand::run,
        "list show test resolve migrate check import-services gitignore password save", ""},
    {"rollout", "plan a rollout of pending SQL: safe, online or breaking, step by step",
        &RolloutCommand::run, "plan dry-run backfill sheet write", "dry-run backfill sheet write"},
    {"sandbox", "create, start, stop and inspect the local PostgreSQL sandbox",
        &SandboxCommand::run, "start stop restart status psql-env remove", ""},
    {"schema", "print a database's catalog, or the DDL of one object", &SchemaCommand::run, "", ""},
};

// The window's options; GuiLauncher parses exactly these.
const CommandLine::WindowOption windowOptionTable[] = {
    {"db", "CONNINFO", "connect to a URL or keyword/value connection string"},
    {"sandbox", "", "connect to the sandbox's demo database"},
    {"sandbox-dir", "DIR", "the sandbox folder (default: see `tusk sandbox --help`)"},
    {"project", "DIR", "the project root (default: the nearest folder holding .git)"},
    {"lang", "LANG", "the language of the window, such as de or en (default: the system's)"},
    {"new-window", "", "open a window of its own instead of handing FILEs to a running one"},
};

const Subcommand *findSubcommand(const QString &name)
{
    for (const Subcommand &s : subcommands) {
        if (name == QLatin1String(s.name))
            return &s;
    }
    return nullptr;
}

QStringList words(const char *text)
{
    return QString::fromLatin1(text).split(QLatin1Char(' '), Qt::SkipEmptyParts);
}
} // namespace

bool CommandLine::wantsCommandLine(int argc, char *argv[])
{
    if (argc < 2)
        return false;
    const char *first = argv[1];
    if (!std::strcmp(first, "--version") || !std::strcmp(first, "-v")
        || !std::strcmp(first, "--help") || !std::strcmp(first, "-h"))
        return true;
    if (first[0] == '-')
        return false;
    // A command, known or not; but a file to open (`tusk migration.sql`)
    // goes to the window.
    const QString word = QString::fromLocal8Bit(first);
    if (findSubcommand(word))
        return true;
    return !(word.endsWith(QLatin1String(".sql"), Qt::CaseInsensitive)
        || word.contains(QLatin1Char('/')) || QFileInfo(word).isFile());
}

int CommandLine::run(int argc, char *argv[])
{
    // Drawing a plan to svg or png needs fonts and QPainter: a QApplication
    // on the offscreen platform, still without a display.
    std::unique_ptr<QCoreApplication> application;
    QStringList raw;
    for (int i = 1; i < argc; ++i)
        raw << QString::fromLocal8Bit(argv[i]);
    if ((raw.value(0) == QLatin1String("plan") && PlanCommand::needsGui(raw))
        || (raw.value(0) == QLatin1String("explain") && ExplainCli::needsGui(raw))
        || (raw.value(0) == QLatin1String("rollout") && raw.value(1) == QLatin1String("sheet")
            && RolloutSheetCommand::needsGui(raw))) {
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        application = std::make_unique<QApplication>(argc, argv);
    } else {
        application = std::make_unique<QCoreApplication>(argc, argv);
    }
    QCoreApplication::setApplicationName(QStringLiteral("tusk"));
    QCoreApplication::setApplicationVersion(QStringLiteral(TUSK_VERSION));
    QStringList arguments = QCoreApplication::arguments();
    arguments.removeFirst();
    const int code = dispatch(arguments);
    Console::out().flush();
    Console::err().flush();
    return code;
}

int CommandLine::dispatch(QStringList arguments)
{
    const QString first = arguments.value(0);
    if (first == QLatin1String("--version") || first == QLatin1String("-v")) {
        out() << "tusk " << TUSK_VERSION << '\n';
        return 0;
    }
    if (first == QLatin1String("--help") || first == QLatin1String("-h")) {
        out() << usage();
        return 0;
    }
    const Subcommand *command = findSubcommand(first);
    if (!command) {
        err() << "tusk: unknown command '" << first << "'\n\n" << usage();
        return 2;
    }
    arguments.removeFirst();
    return command->run(arguments);
}

QString CommandLine::usage()
{
    QString text =
        QStringLiteral("Usage: tusk [--db CONNINFO | --sandbox [--sandbox-dir DIR]] [FILE|URL…]\n"
                       "       tusk <command> [options]\n"
                       "\n"
                       "Tusk is a workbench for PostgreSQL schema, migrations and performance.\n"
                       "Without a command it opens the main window: SQL FILEs in editor tabs,\n"
                       "EXPLAIN output (.json .txt .yaml .xml .plan .explain) in the Plan tool,\n"
                       "a postgresql:// URL as a connection; a window open already takes them.\n"
                       "With a command it runs headless.\n"
                       "\n"
                       "Window options:\n");
    for (const WindowOption &o : windowOptionTable) {
        const QString head = QStringLiteral("--") + QLatin1String(o.name)
            + (*o.valueName ? QStringLiteral(" ") + QLatin1String(o.valueName) : QString());
        text += QStringLiteral("  %1  %2\n").arg(head, -18).arg(QLatin1String(o.text));
    }
    text += QStringLiteral("\nCommands:\n");
    for (const Subcommand &s : subcommands)
        text += QStringLiteral("  %1  %2\n")
                    .arg(QLatin1String(s.name), -18)
                    .arg(QLatin1String(s.summary));
    text += QStringLiteral("\n  --version           print the version\n"
                           "  --help              print this help\n"
                           "\n`tusk <command> --help` describes a command.\n");
    return text;
}
QList<CommandLine::Command> CommandLine::commands()
{
    QList<Command> out;
    for (const Subcommand &s : subcommands)
        out << Command {
            QLatin1String(s.name), QLatin1String(s.summary), words(s.actions), words(s.nested)};
    return out;
}

QList<CommandLine::WindowOption> CommandLine::windowOptions()
{
    return {std::begin(windowOptionTable), std::end(windowOptionTable)};
}

} // namespace tusk::app
