#include "commandline.h"

#include "activitycommand.h"
#include "console.h"
#include "explaincli.h"
#include "healthcommand.h"
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
struct Subcommand {
    const char *name;
    const char *summary;
    int (*run)(const QStringList &arguments);
};

const Subcommand subcommands[] = {
    {"activity", "the server's sessions now, or who blocks whom (--tree), hard and soft",
        &ActivityCommand::run},
    {"explain", "EXPLAIN one statement on the server (writes under --analyze are rolled back)",
        &ExplainCli::run},
    {"health",
        "check a schema for missing FK indexes, unused or invalid indexes, vacuum "
        "state and more, with the fix",
        &HealthCommand::run},
    {"lint", "lint SQL migrations: locks, rewrites and the online alternative", &LintCommand::run},
    {"migrate", "the migrations folder: pending files, released history, CHANGELOG.md",
        &MigrateCommand::run},
    {"plan", "read an EXPLAIN plan (JSON, text, YAML, XML): own times, insights, comparison",
        &PlanCommand::run},
    {"profiles", "list, resolve, test and migrate connection profiles (postgres.toml)",
        &ProfilesCommand::run},
    {"rollout", "plan a rollout of pending SQL: safe, online or breaking, step by step",
        &RolloutCommand::run},
    {"sandbox", "create, start, stop and inspect the local PostgreSQL sandbox",
        &SandboxCommand::run},
    {"schema", "print a database's catalog, or the DDL of one object", &SchemaCommand::run},
};

const Subcommand *findSubcommand(const QString &name)
{
    for (const Subcommand &s : subcommands) {
        if (name == QLatin1String(s.name))
            return &s;
    }
    return nullptr;
}

QString usage()
{
    QString text = QStringLiteral(
        "Usage: tusk [--db CONNINFO | --sandbox [--sandbox-dir DIR]] [FILE…]\n"
        "       tusk <command> [options]\n"
        "\n"
        "Tusk is a workbench for PostgreSQL schema, migrations and performance.\n"
        "Without a command it opens the main window: SQL FILEs in editor tabs,\n"
        "EXPLAIN output (.json .txt .yaml .xml .plan .explain) in the Plan tool.\n"
        "With one it runs headless.\n"
        "\n"
        "Window options:\n"
        "  --db CONNINFO       connect to a URL or keyword/value connection string\n"
        "  --sandbox           connect to the sandbox's demo database\n"
        "  --sandbox-dir DIR   the sandbox folder (default: see `tusk sandbox --help`)\n"
        "\n"
        "Commands:\n");
    for (const Subcommand &s : subcommands)
        text += QStringLiteral("  %1  %2\n")
                    .arg(QLatin1String(s.name), -18)
                    .arg(QLatin1String(s.summary));
    text += QStringLiteral("\n  --version           print the version\n"
                           "  --help              print this help\n"
                           "\n`tusk <command> --help` describes a command.\n");
    return text;
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

} // namespace tusk::app
