#include "migratecommand.h"

#include "clicatalog.h"
#include "cliconnection.h"
#include "console.h"
#include "lintfiles.h"

#include "core/lint/lintengine.h"
#include "core/lint/report/lintedfile.h"
#include "core/migrations/frameworkrelease.h"
#include "core/migrations/migrationsfolder.h"
#include "core/migrations/migrationsoverview.h"
#include "core/migrations/migrationswriter.h"
#include "core/migrations/pendingsplit.h"
#include "core/sql/migrationframework.h"
#include "core/support/severity.h"
#include "core/workspace/workspacetarget.h"

#include <QCommandLineParser>
#include <QDate>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace tusk::app {

using namespace tusk::core;

namespace {
constexpr int exitProblems = 1;
constexpr int exitUsage = 2;

QByteArray readFile(const QString &path, bool *ok)
{
    QFile file(path);
    *ok = file.open(QIODevice::ReadOnly);
    return *ok ? file.readAll() : QByteArray();
}

void writeJson(const QJsonObject &doc)
{
    Console::writeOut(QJsonDocument(doc).toJson(QJsonDocument::Indented));
}

int status(const MigrationsOverview &overview, const QString &shownPath, const QString &format)
{
    const MigrationsFolder &folder = overview.folder;
    QStringList problems;
    for (const MigrationsFolder::Problem &p : folder.problems())
        problems << p.message;
    problems << overview.staleEntries;
    if (format == QLatin1String("json")) {
        QJsonArray pending;
        for (const MigrationsFolder::PendingFile &p : folder.pending())
            pending.append(
                QJsonObject {{QStringLiteral("file"), p.name}, {QStringLiteral("number"), p.number},
                    {QStringLiteral("changelog_entries"), overview.entriesPerFile.value(p.name)}});
        const QJsonObject doc {{QStringLiteral("folder"), shownPath},
            {QStringLiteral("exists"), folder.exists()}, {QStringLiteral("pending"), pending},
            {QStringLiteral("released"), QJsonArray::fromStringList(folder.released())},
            {QStringLiteral("changelog"), overview.hasChangelog},
            {QStringLiteral("missing_changelog_entries"),
                QJsonArray::fromStringList(overview.missingEntries)},
            {QStringLiteral("problems"), QJsonArray::fromStringList(problems)},
            {QStringLiteral("framework"), overview.framework},
            {QStringLiteral("tool_migrations"), QJsonArray::fromStringList(overview.toolFiles)},
            {QStringLiteral("suggestions"), QJsonArray::fromStringList(overview.suggestions)}};
        writeJson(doc);
        return problems.isEmpty() ? 0 : exitProblems;
    }
    out() << "migrations folder: " << shownPath << '\n';
    if (folder.exists()) {
        out() << "pending, in the order they run:\n";
        if (folder.pending().isEmpty())
            out() << "  (none; new changes go to prerelease.sql)\n";
        for (const MigrationsFolder::PendingFile &p : folder.pending()) {
            const int entries = overview.entriesPerFile.value(p.name);
            out() << "  " << p.name << "  ("
                  << (entries ? QStringLiteral("%1 CHANGELOG entr%2")
                                    .arg(entries)
                                    .arg(entries == 1 ? QStringLiteral("y") : QStringLiteral("ies"))
                              : QStringLiteral(
                                  "no CHANGELOG entry: tusk migrate changelog adds them"))
                  << ")\n";
        }
        if (overview.framework != QLatin1String("plain SQL"))
            out() << overview.framework << "'s migrations: " << overview.toolFiles.size()
                  << " (release writes the pending files as the next one)\n";
        out() << "released (never written):\n";
        if (folder.released().isEmpty())
            out() << "  (none)\n";
        for (const QString &name : folder.released())
            out() << "  " << name << '\n';
        out() << "CHANGELOG.md: "
              << (overview.hasChangelog
                         ? QStringLiteral("present")
                         : QStringLiteral("missing (tusk migrate changelog creates it)"))
              << '\n';
        if (!folder.latestPendingPath().isEmpty())
            out() << "new changes go to: " << QFileInfo(folder.latestPendingPath()).fileName()
                  << '\n';
    }
    for (const QString &p : problems)
        out() << "problem: " << p << '\n';
    for (const QString &s : overview.suggestions)
        out() << "suggestion: " << s << " (tusk migrate split|compact shows the plan)\n";
    return problems.isEmpty() ? 0 : exitProblems;
}

// `tusk migrate check`, for CI: every rule of the folder at once.
int check(const MigrationsOverview &overview, Severity failOn, bool json)
{
    const MigrationsFolder &folder = overview.folder;
    QStringList problems = overview.problems();
    const QString &note = overview.gitNote;
    // The pending files lint clean at --fail-on, linted as the folder's
    // tool runs them.
    QStringList paths;
    for (const MigrationsFolder::PendingFile &p : folder.pending())
        paths << p.path;
    if (!paths.isEmpty()) {
        bool ok = false;
        const QByteArray head = readFile(paths.first(), &ok).left(4096);
        LintOptions options;
        options.assumeInTransaction =
            MigrationFramework::detect(paths.first(), QString::fromUtf8(head)).inTransaction;
        const LintEngine engine;
        LintFiles files(engine, options, nullptr);
        files.lintAll(paths);
        for (const LintedFile &file : files.files()) {
            int reaching = 0;
            for (const Finding &f : file.result.findings)
                reaching += f.severity >= failOn ? 1 : 0;
            if (reaching)
                problems << QStringLiteral("%1: %2 lint finding%3 at %4 or above (tusk lint %1 "
                                           "shows them)")
                                .arg(QFileInfo(file.path).fileName())
                                .arg(reaching)
                                .arg(reaching == 1 ? QString() : QStringLiteral("s"))
                                .arg(severityName(failOn));
        }
    }
    if (json) {
        writeJson({{QStringLiteral("ok"), problems.isEmpty()},
            {QStringLiteral("problems"), QJsonArray::fromStringList(problems)},
            {QStringLiteral("note"), note}});
        return problems.isEmpty() ? 0 : exitProblems;
    }
    for (const QString &p : problems)
        out() << "problem: " << p << '\n';
    if (!note.isEmpty())
        out() << "note: " << note << '\n';
    out() << (problems.isEmpty() ? QStringLiteral("the migrations folder keeps every rule")
                                 : QStringLiteral("%1 problem%2")
                                       .arg(problems.size())
                                       .arg(problems.size() == 1 ? QString() : QStringLiteral("s")))
          << '\n';
    return problems.isEmpty() ? 0 : exitProblems;
}

QJsonObject outcomeJson(const MigrationsWriter::Outcome &outcome)
{
    return {{QStringLiteral("ok"), outcome.ok}, {QStringLiteral("message"), outcome.message},
        {QStringLiteral("changelog_entries"), QJsonArray::fromStringList(outcome.changelogEntries)},
        {QStringLiteral("file"),
            outcome.file.isEmpty() ? QString() : QFileInfo(outcome.file).fileName()}};
}

int report(const MigrationsWriter::Outcome &outcome, bool json)
{
    if (json) {
        writeJson(outcomeJson(outcome));
        return outcome.ok ? 0 : exitProblems;
    }
    for (const QString &entry : outcome.changelogEntries)
        out() << "CHANGELOG: " << entry << '\n';
    if (!outcome.ok) {
        err() << "tusk migrate: " << outcome.message << '\n';
        return exitProblems;
    }
    out() << outcome.message << '\n';
    return 0;
}

int add(const MigrationsWriter &writer, const QString &from, const QDate &date, bool json)
{
    QFile file;
    const bool ok = from == QLatin1String("-")
        ? file.open(stdin, QIODevice::ReadOnly)
        : (file.setFileName(from), file.open(QIODevice::ReadOnly));
    if (!ok) {
        err() << "tusk migrate: cannot read " << from << '\n';
        return exitUsage;
    }
    return report(writer.add(file.readAll(), date), json);
}

int release(const MigrationsWriter &writer, const QDate &date, bool confirmed, bool json)
{
    const MigrationsWriter::Outcome plan = writer.planRelease(date);
    if (!plan.ok || confirmed)
        return report(confirmed ? writer.release(date) : plan, json);
    if (json) {
        writeJson({{QStringLiteral("applied"), false}, {QStringLiteral("plan"), plan.message}});
        return 0;
    }
    out() << "would " << plan.message << "\nrun again with --yes to release\n";
    return 0;
}
// A folder of a migration tool: the pending files become the tool's next
// migrations, with down scripts written from `before` (null: flagged).
int frameworkRelease(const QString &dir, const CatalogSnapshot &before, const QString &name,
    bool confirmed, bool json)
{
    const FrameworkRelease::Plan plan = FrameworkRelease::plan(
        MigrationsFolder::read(dir), before, QDateTime::currentDateTimeUtc(), name);
    QJsonObject doc {{QStringLiteral("framework"), plan.framework},
        {QStringLiteral("migrations"), QJsonArray::fromStringList(plan.migrations)},
        {QStringLiteral("flagged"), QJsonArray::fromStringList(plan.flagged)},
        {QStringLiteral("notes"), QJsonArray::fromStringList(plan.notes)},
        {QStringLiteral("applied"), false}, {QStringLiteral("message"), plan.message}};
    if (!plan.ok) {
        if (json)
            writeJson(doc);
        else
            err() << "tusk migrate: " << plan.message << '\n';
        return exitProblems;
    }
    if (!json)
        out() << plan.preview(dir);
    if (!confirmed) {
        if (json)
            writeJson(doc);
        else
            out() << "run again with --yes to release\n";
        return 0;
    }
    const FrameworkRelease::Outcome done = FrameworkRelease::apply(plan, dir);
    if (json) {
        doc.insert(QStringLiteral("applied"), done.ok);
        doc.insert(QStringLiteral("message"), done.message);
        writeJson(doc);
    } else {
        (done.ok ? out() : err()) << (done.ok ? "" : "tusk migrate: ") << done.message << '\n';
    }
    return done.ok ? 0 : exitProblems;
}

// The catalog the down scripts start from, when asked for (--db, or
// --catalog for the profile's database); nullopt with `error` when it
// could not be read.
std::optional<CatalogSnapshot> catalogBefore(const QCommandLineParser &parser, QString *error)
{
    if (!parser.isSet(QStringLiteral("db")) && !parser.isSet(QStringLiteral("catalog")))
        return CatalogSnapshot();
    const std::optional<ConnInfo> info = CliConnection::resolve(
        parser.value(QStringLiteral("profile")), parser.value(QStringLiteral("db")), true, error);
    if (!info)
        return std::nullopt;
    CliCatalog catalog;
    return catalog.load(*info, false, error);
}

// split and compact: the preview, then the change when confirmed.
QJsonObject rewriteJson(const PendingRewrite &plan)
{
    QJsonArray files;
    for (const PendingRewrite::File &f : plan.files)
        files.append(QJsonObject {{QStringLiteral("name"), f.name},
            {QStringLiteral("statements"), QJsonArray::fromStringList(f.statements)},
            {QStringLiteral("outside_transaction"), f.outsideTransaction},
            {QStringLiteral("replaces"), plan.originals.contains(f.name)}});
    return {{QStringLiteral("title"), plan.title}, {QStringLiteral("reason"), plan.reason},
        {QStringLiteral("files"), files},
        {QStringLiteral("removed"), QJsonArray::fromStringList(plan.removed)}};
}

int rewrite(const MigrationsWriter &writer, const PendingRewrite &plan, const QString &why,
    const QString &verb, bool confirmed, bool json)
{
    if (json) {
        QJsonObject doc {{QStringLiteral("applied"), false}};
        if (plan.isNull()) {
            doc.insert(QStringLiteral("message"), why);
            writeJson(doc);
            return 0;
        }
        doc.insert(QStringLiteral("plan"), rewriteJson(plan));
        if (!confirmed) {
            writeJson(doc);
            return 0;
        }
        const MigrationsWriter::Outcome done = writer.apply(plan);
        doc.insert(QStringLiteral("applied"), done.ok);
        doc.insert(QStringLiteral("message"), done.message);
        writeJson(doc);
        return done.ok ? 0 : exitProblems;
    }
    if (plan.isNull()) {
        out() << why << '\n';
        return 0;
    }
    out() << plan.preview();
    if (!confirmed) {
        out() << "run again with --yes to " << verb << '\n';
        return 0;
    }
    return report(writer.apply(plan), false);
}
} // namespace

int MigrateCommand::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "The migrations folder: pending prerelease files, released history, CHANGELOG.md\n"
        "(docs/migrations-folder.md).\n"
        "  status     pending files in the order they run, released ones, problems\n"
        "  init       make a missing migrations folder (with an empty CHANGELOG.md)\n"
        "  changelog  add the CHANGELOG.md entries the pending files lack\n"
        "  add FILE|-  append statements to the latest pending file (CHANGELOG follows)\n"
        "  split [FILE]  split a pending file that mixes statements no transaction may wrap\n"
        "             with others, or holds more than --max-statements (default: the latest\n"
        "             such file); shows the plan, --yes writes it\n"
        "  compact    merge pending files that change one table on one day; shows the plan,\n"
        "             --yes writes it\n"
        "  release    move the pending files into a new <date>_released/ folder; in a folder\n"
        "             of Flyway, golang-migrate, dbmate, sqitch, graphile-migrate or Prisma,\n"
        "             write them as that tool's next migration with down scripts (--db or\n"
        "             --catalog: the catalog from before them; without, what needs it is\n"
        "             flagged)\n"
        "  check      for CI: order, CHANGELOG, released files as in git's HEAD, lint\n"
        "Exit status: 0 ok, 1 the folder breaks a rule or could not be written, 2 usage."));
    parser.addHelpOption();
    parser.addPositionalArgument(
        QStringLiteral("action"), QStringLiteral("status, changelog, add FILE|- or release"));
    parser.addOptions({
        {QStringLiteral("dir"), QStringLiteral("The migrations folder (default: the profile's)."),
            QStringLiteral("DIR")},
        {QStringLiteral("profile"),
            QStringLiteral("Whose migrations folder (default: the one Tusk picks here)."),
            QStringLiteral("NAME")},
        {QStringLiteral("format"), QStringLiteral("text or json."), QStringLiteral("FORMAT"),
            QStringLiteral("text")},
        {QStringLiteral("date"),
            QStringLiteral("The date of new CHANGELOG entries or of the release (default: today)."),
            QStringLiteral("YYYY-MM-DD")},
        {QStringLiteral("yes"),
            QStringLiteral(
                "Release, split or compact without asking (the plan is shown otherwise).")},
        {QStringLiteral("db"),
            QStringLiteral("release into a migration tool: read the catalog the down scripts "
                           "start from at this URL (a database the pending changes have not "
                           "run on)."),
            QStringLiteral("URL")},
        {QStringLiteral("catalog"),
            QStringLiteral("release into a migration tool: read that catalog from the "
                           "profile's database.")},
        {QStringLiteral("name"),
            QStringLiteral("release into a migration tool: the migration's name (default: its "
                           "first change)."),
            QStringLiteral("NAME")},
        {QStringLiteral("max-statements"),
            QStringLiteral("split, status: the most statements one pending file should hold."),
            QStringLiteral("N"), QString::number(PendingSplit::defaultMaxStatements)},
        {QStringLiteral("fail-on"),
            QStringLiteral("check: the lowest lint severity that fails: error, warning or info."),
            QStringLiteral("LEVEL"), QStringLiteral("warning")},
    });
    if (const auto done = Console::parse(parser, QStringLiteral("migrate"), arguments))
        return *done;
    const QStringList actions = parser.positionalArguments();
    const bool adding = actions.value(0) == QLatin1String("add");
    const bool splitting = actions.value(0) == QLatin1String("split");
    if (actions.size() != (adding ? 2 : 1) && !(splitting && actions.size() == 2)) {
        err() << "tusk migrate: name one action: status, init, changelog, add FILE|-, split "
                 "[FILE], compact, release or check\n";
        return exitUsage;
    }
    const QString format = parser.value(QStringLiteral("format"));
    if (format != QLatin1String("text") && format != QLatin1String("json")) {
        err() << "tusk migrate: --format takes text or json\n";
        return exitUsage;
    }
    QDate date = QDate::currentDate();
    if (parser.isSet(QStringLiteral("date"))) {
        date = QDate::fromString(parser.value(QStringLiteral("date")), Qt::ISODate);
        if (!date.isValid()) {
            err() << "tusk migrate: --date takes a date like 2026-12-05\n";
            return exitUsage;
        }
    }
    bool numeric = false;
    const int max = parser.value(QStringLiteral("max-statements")).toInt(&numeric);
    if (!numeric || max < 1) {
        err() << "tusk migrate: --max-statements takes a number above 0\n";
        return exitUsage;
    }
    const QString dir = parser.isSet(QStringLiteral("dir"))
        ? parser.value(QStringLiteral("dir"))
        : CliConnection::offlineTarget(parser.value(QStringLiteral("profile"))).migrationsFolder;
    // Only check asks git (a process per run); status stays quick.
    const MigrationsOverview overview =
        MigrationsOverview::read(dir, actions.first() == QLatin1String("check"), max);
    const MigrationsFolder &folder = overview.folder;
    // The folder as given on the command line, else where the profile puts it.
    const QString shown =
        parser.isSet(QStringLiteral("dir")) ? QDir::cleanPath(dir) : folder.path();
    if (actions.first() == QLatin1String("status"))
        return status(overview, shown, format);
    const MigrationsWriter writer(dir);
    const bool json = format == QLatin1String("json");
    const bool yes = parser.isSet(QStringLiteral("yes"));
    if (actions.first() == QLatin1String("init"))
        return report(writer.create(), json);
    if (actions.first() == QLatin1String("changelog"))
        return report(writer.updateChangelog(date), json);
    if (adding)
        return add(writer, actions.at(1), date, json);
    if (actions.first() == QLatin1String("release")) {
        if (FrameworkRelease::frameworkOf(folder.path()) == QLatin1String("plain SQL"))
            return release(writer, date, yes, json);
        QString error;
        const std::optional<CatalogSnapshot> before = catalogBefore(parser, &error);
        if (!before) {
            err() << "tusk migrate: the catalog for the down scripts could not be read: " << error
                  << '\n';
            return exitProblems;
        }
        return frameworkRelease(
            folder.path(), *before, parser.value(QStringLiteral("name")), yes, json);
    }
    if (splitting) {
        QString why;
        const PendingRewrite plan = writer.planSplit(actions.value(1), max, &why);
        return rewrite(writer, plan, why, QStringLiteral("split"), yes, json);
    }
    if (actions.first() == QLatin1String("compact")) {
        QString why;
        const PendingRewrite plan = writer.planCompaction(&why);
        return rewrite(writer, plan, why, QStringLiteral("compact"), yes, json);
    }
    if (actions.first() == QLatin1String("check")) {
        const std::optional<Severity> failOn =
            severityFromName(parser.value(QStringLiteral("fail-on")));
        if (!failOn) {
            err() << "tusk migrate: --fail-on takes error, warning or info\n";
            return exitUsage;
        }
        return check(overview, *failOn, json);
    }
    err() << "tusk migrate: unknown action '" << actions.first()
          << "' (status, init, changelog, add, split, compact, release or check)\n";
    return exitUsage;
}

} // namespace tusk::app
