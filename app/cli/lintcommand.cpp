#include "lintcommand.h"

#include "cliconnection.h"
#include "console.h"
#include "lintfiles.h"
#include "schemafactssource.h"

#include "core/lint/lintconfig.h"
#include "core/lint/report/lintreporter.h"
#include "core/lint/report/rulesdocument.h"
#include "core/lint/schemafacts.h"
#include "core/lint/suppressions.h"
#include "core/profiles/projectlocator.h"
#include "core/workspace/workspace.h"

#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QRegularExpression>

namespace tusk::app {

using namespace tusk::core;

namespace {
constexpr int exitFindings = 1;
constexpr int exitUsage = 2;

// "11" → 110000, "12.4" → 120004, "9.6" → 90600, "150004" as is.
int parseVersion(const QString &text)
{
    static const QRegularExpression shape(QStringLiteral("^(\\d+)(?:\\.(\\d+))?$"));
    const QRegularExpressionMatch m = shape.match(text.trimmed());
    if (!m.hasMatch())
        return 0;
    const int major = m.captured(1).toInt();
    if (major >= 10000)
        return major;
    const int minor = m.captured(2).toInt();
    if (major >= 10)
        return major * 10000 + minor;
    return major * 10000 + minor * 100;
}

void write(const QByteArray &bytes)
{
    Console::writeOut(bytes);
}

// The folders whose released parts --fix never writes
// (docs/migrations-folder.md): the workspace's policy for the profile named
// or resolved here, and, since the command line cannot always tell which
// folder is the migrations folder, the working directory and each folder
// given on the command line as well.
QStringList migrationsFolders(const QString &profileName, const QStringList &paths)
{
    Workspace workspace;
    workspace.setTarget(CliConnection::offlineTarget(profileName));
    QStringList folders = workspace.fileWriteOptions().migrationsFolders;
    folders << QDir::currentPath();
    for (const QString &path : paths) {
        if (QFileInfo(path).isDir())
            folders << QFileInfo(path).absoluteFilePath();
    }
    return folders;
}

void addOptions(QCommandLineParser &parser)
{
    parser.setApplicationDescription(QStringLiteral(
        "Lints SQL migrations for statements that lock or rewrite tables, with the lock each\n"
        "takes, what it blocks, and the online alternative. FILES may be '-' for stdin.\n"
        "Exit status: 0 when nothing reaches --fail-on, 1 when something does, 2 for usage\n"
        "errors and unreadable files."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("files"),
        QStringLiteral("SQL files, or - for stdin"), QStringLiteral("[FILES…|-]"));
    parser.addOptions({
        {QStringLiteral("pg-version"),
            QStringLiteral("Target PostgreSQL version (11, 12.4, 150004); default: the "
                           "connected server's, else 15."),
            QStringLiteral("N")},
        {QStringLiteral("profile"),
            QStringLiteral("Read table sizes, column types, checks and indexes from this "
                           "profile's database."),
            QStringLiteral("NAME")},
        {QStringLiteral("db"), QStringLiteral("The same, from a connection URL."),
            QStringLiteral("URL")},
        {QStringLiteral("sizes-from"),
            QStringLiteral("Table sizes from the database the migration will run on (a profile "
                           "or URL). Only such sizes, or a production profile's, let a small "
                           "table lower a finding."),
            QStringLiteral("PROFILE|URL")},
        {QStringLiteral("exclude"),
            QStringLiteral("Leave these rules out (comma-separated, may be repeated; "
                           "require-timeout-settings stands for both timeout rules)."),
            QStringLiteral("RULES")},
        {QStringLiteral("config"),
            QStringLiteral("Rules off and severities from this TOML file (default: the "
                           "project's .tusk-lint.toml over the user's ~/.config/tusk/lint.toml; "
                           "none to read neither)."),
            QStringLiteral("FILE")},
        {QStringLiteral("assume-in-transaction"),
            QStringLiteral("Each file runs inside one transaction (graphile-migrate, Rails, "
                           "Flyway).")},
        {QStringLiteral("format"),
            QStringLiteral("text, json, gcc, github or sarif (markdown with --list-rules)."),
            QStringLiteral("FORMAT"), QStringLiteral("text")},
        {QStringLiteral("fail-on"),
            QStringLiteral("The lowest severity that fails: error, warning or info."),
            QStringLiteral("LEVEL"), QStringLiteral("warning")},
        {QStringLiteral("locks"), QStringLiteral("Also show every statement's locks.")},
        {QStringLiteral("fix"),
            QStringLiteral("Write the mechanical rewrites into the files (stdin: to stdout).")},
        {QStringLiteral("list-rules"), QStringLiteral("List the rules and exit.")},
    });
}
} // namespace

int LintCommand::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    addOptions(parser);
    if (const auto done = Console::parse(parser, QStringLiteral("lint"), arguments))
        return *done;
    const LintEngine engine;
    const QString format = parser.value(QStringLiteral("format"));
    if (parser.isSet(QStringLiteral("list-rules"))) {
        if (format == QLatin1String("markdown"))
            write(RulesDocument::markdown(engine));
        else if (format == QLatin1String("text"))
            write(RulesDocument::text(engine));
        else {
            err() << "tusk lint: --list-rules prints text or markdown, not " << format << '\n';
            return exitUsage;
        }
        return 0;
    }
    const std::unique_ptr<LintReporter> reporter = LintReporter::create(format);
    if (!reporter) {
        err() << "tusk lint: unknown format '" << format << "' (use "
              << LintReporter::formats().join(QStringLiteral(", ")) << ")\n";
        return exitUsage;
    }
    const std::optional<Severity> failOn =
        severityFromName(parser.value(QStringLiteral("fail-on")));
    if (!failOn) {
        err() << "tusk lint: --fail-on takes error, warning or info\n";
        return exitUsage;
    }
    LintOptions options;
    options.assumeInTransaction = parser.isSet(QStringLiteral("assume-in-transaction"));
    if (parser.isSet(QStringLiteral("pg-version"))) {
        options.serverVersion = parseVersion(parser.value(QStringLiteral("pg-version")));
        if (options.serverVersion < 90000) {
            err() << "tusk lint: --pg-version takes a version like 11, 12.4 or 150004\n";
            return exitUsage;
        }
    }
    // The team's and the user's rule settings first; --exclude adds to them.
    LintConfig config;
    const QString configFile = parser.value(QStringLiteral("config"));
    if (configFile.isEmpty()) {
        // The project the files belong to, as the editor does for a file;
        // stdin is linted as part of the folder it is run from.
        const QStringList files = parser.positionalArguments();
        const QString first = files.value(0);
        const QString from = first.isEmpty() || first == QLatin1String("-")
            ? QDir::currentPath()
            : QFileInfo(first).absolutePath();
        QStringList problems;
        config = LintConfig::effective(ProjectLocator::findProjectRoot(from), &problems);
        for (const QString &problem : problems)
            err() << "tusk lint: " << problem << " (ignored)\n";
    } else if (configFile != QLatin1String("none")) {
        QString error;
        const std::optional<LintConfig> read =
            QFileInfo::exists(configFile) ? LintConfig::read(configFile, &error) : std::nullopt;
        if (!read) {
            err() << "tusk lint: --config: "
                  << (error.isEmpty() ? configFile + QStringLiteral(": no such file") : error)
                  << '\n';
            return exitUsage;
        }
        config = *read;
    }
    const QStringList unknown =
        config.unknownRules(QStringList(engine.knownIds().begin(), engine.knownIds().end()));
    if (!unknown.isEmpty())
        err() << "tusk lint: the lint config names no rule " << unknown.join(QStringLiteral(", "))
              << " (tusk lint --list-rules lists them)\n";
    config.applyTo(options);
    for (const QString &list : parser.values(QStringLiteral("exclude"))) {
        for (const QString &raw : list.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            for (const QString &id : Suppressions::canonicalIds(raw.trimmed())) {
                if (!engine.knownIds().contains(id)) {
                    err() << "tusk lint: --exclude: \"" << raw.trimmed()
                          << "\" names no rule (tusk lint --list-rules lists them)\n";
                    return exitUsage;
                }
                options.excludedRules.insert(id);
            }
        }
    }
    if (parser.isSet(QStringLiteral("profile")) && parser.isSet(QStringLiteral("db"))) {
        err() << "tusk lint: give --profile or --db, not both\n";
        return exitUsage;
    }
    QStringList paths = parser.positionalArguments();
    if (paths.isEmpty()) {
        err() << "tusk lint: no files given (use - to read stdin)\n";
        return exitUsage;
    }

    std::optional<SchemaFacts> catalog;
    if (parser.isSet(QStringLiteral("profile")) || parser.isSet(QStringLiteral("db"))) {
        QString error;
        catalog = SchemaFactsSource::load(
            parser.value(QStringLiteral("profile")), parser.value(QStringLiteral("db")), &error);
        if (!catalog) {
            err() << "tusk lint: " << error << '\n';
            return exitFindings;
        }
        if (!parser.isSet(QStringLiteral("pg-version")) && catalog->serverVersion > 0)
            options.serverVersion = catalog->serverVersion;
        // A production profile's sizes are the target's own.
        if (parser.isSet(QStringLiteral("profile"))
            && CliConnection::offlineTarget(parser.value(QStringLiteral("profile"))).production)
            catalog->sizesFromTarget = true;
    }
    if (parser.isSet(QStringLiteral("sizes-from"))) {
        const QString from = parser.value(QStringLiteral("sizes-from"));
        const bool url = from.contains(QLatin1String("://")) || from.contains(QLatin1Char('='));
        QString error;
        const std::optional<SchemaFacts> target =
            SchemaFactsSource::load(url ? QString() : from, url ? from : QString(), &error);
        if (!target) {
            err() << "tusk lint: --sizes-from: " << error << '\n';
            return exitFindings;
        }
        if (catalog) {
            catalog->takeSizesFrom(*target);
        } else {
            catalog = target;
            catalog->sizesFromTarget = true;
            if (!parser.isSet(QStringLiteral("pg-version")) && catalog->serverVersion > 0)
                options.serverVersion = catalog->serverVersion;
        }
    }

    // Left to the OS at exit on purpose: freeing a 5 MB script's hundred
    // thousand parse trees and findings one by one costs more than linting
    // them (compilers do the same). A static pointer, not a destructor:
    // LeakSanitizer sees it as kept, and a second run in one process (the
    // golden tests) frees the first.
    static LintFiles *keptUntilExit = nullptr;
    delete keptUntilExit;
    keptUntilExit = new LintFiles(engine, options, catalog ? &*catalog : nullptr);
    LintFiles &files = *keptUntilExit;
    files.lintAll(paths);
    ReportOptions reportOptions;
    reportOptions.showLocks = parser.isSet(QStringLiteral("locks"));
    reportOptions.toolVersion = QStringLiteral(TUSK_VERSION);
    if (parser.isSet(QStringLiteral("fix"))) {
        files.setMigrationsFolders(
            migrationsFolders(parser.value(QStringLiteral("profile")), paths));
        // The report then describes what is left after the rewrite.
        if (!files.applyFixes())
            return exitUsage;
    }
    QElapsedTimer timer;
    timer.start();
    qint64 reported = 0;
    if (files.fixedStdin()) {
        // stdout carries the rewritten script; the report goes beside it.
        write(*files.fixedStdin());
        const QByteArray report = reporter->report(files.files(), reportOptions, engine);
        reported = report.size();
        err() << QString::fromUtf8(report);
    } else {
        reporter->write(files.files(), reportOptions, engine, [&reported](const QByteArray &piece) {
            reported += piece.size();
            write(piece);
        });
    }
    if (qEnvironmentVariableIsSet("TUSK_LINT_TIMING"))
        err() << "report " << timer.elapsed() << " ms, " << reported / 1024 << " kB\n";
    if (files.anyUnreadable())
        return exitUsage;
    return files.worstSeverity().has_value() && *files.worstSeverity() >= *failOn ? exitFindings
                                                                                  : 0;
}

} // namespace tusk::app
