#include "rolloutdryruncommand.h"

#include "clicatalog.h"
#include "cliconnection.h"
#include "console.h"
#include "rolloutjson.h"

#include "core/profiles/sandboxprofile.h"
#include "core/rollout/rolloutdryrun.h"
#include "core/rollout/rolloutplanner.h"
#include "core/rollout/rolloutscratch.h"
#include "core/sandbox/demodatabase.h"

#include <QCommandLineParser>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>

namespace tusk::app {

using namespace tusk::core;

namespace {
constexpr int exitFailed = 1;
constexpr int exitUsage = 2;

std::optional<QByteArray> readInput(const QString &from)
{
    QFile file;
    const bool ok = from == QLatin1String("-")
        ? file.open(stdin, QIODevice::ReadOnly)
        : (file.setFileName(from), file.open(QIODevice::ReadOnly));
    return ok ? std::optional<QByteArray>(file.readAll()) : std::nullopt;
}

// golang-migrate's and dbmate-style pairs: x.up.sql beside x.down.sql.
QString downBeside(const QString &up)
{
    if (!up.endsWith(QLatin1String(".up.sql")))
        return {};
    const QString down = up.chopped(int(qstrlen(".up.sql"))) + QStringLiteral(".down.sql");
    return QFileInfo::exists(down) ? down : QString();
}

// Creates the scratch database, runs the dry run, drops the scratch
// (unless kept): the report, or one with its error set.
DryRunReport runOnScratch(const ConnInfo &server, const ConnInfo &source, bool withRows, bool keep,
    const RolloutPlan &plan, const CatalogSnapshot &target)
{
    RolloutScratch scratch;
    RolloutDryRun dryRun;
    DryRunReport report;
    QEventLoop loop;
    QObject::connect(&scratch, &RolloutScratch::progress,
        [](const QString &step) { err() << "tusk rollout: " << step << Qt::endl; });
    bool dropping = false;
    QObject::connect(&scratch, &RolloutScratch::failed, [&](const QString &error) {
        if (report.error.isEmpty())
            report.error = error;
        if (std::exchange(dropping, true))
            return loop.quit();
        scratch.drop(); // a half-made scratch database goes too
    });
    QObject::connect(&scratch, &RolloutScratch::ready, [&] {
        err() << "tusk rollout: running " << plan.stepCount() << " steps on " << scratch.name()
              << Qt::endl;
        dryRun.start(scratch.connInfo(), plan, target, scratch.description());
    });
    QObject::connect(&dryRun, &RolloutDryRun::stepFinished, [](const DryRunStep &step) {
        err() << "tusk rollout: " << step.mark() << " step " << step.number << Qt::endl;
    });
    QObject::connect(&dryRun, &RolloutDryRun::finished, [&](const DryRunReport &r) {
        report = r;
        if (keep) {
            err() << "tusk rollout: kept " << scratch.name() << Qt::endl;
            return loop.quit();
        }
        dropping = true;
        scratch.drop();
    });
    QObject::connect(&scratch, &RolloutScratch::dropped, &loop, &QEventLoop::quit);
    scratch.create(server, source, withRows);
    loop.exec();
    return report;
}
} // namespace

void RolloutDryRunCommand::addOptions(QCommandLineParser &parser)
{
    parser.addOptions({
        {QStringLiteral("db"), QStringLiteral("The target database, whose schema is copied."),
            QStringLiteral("URL")},
        {QStringLiteral("profile"), QStringLiteral("The target profile (instead of --db)."),
            QStringLiteral("NAME")},
        {QStringLiteral("scratch"),
            QStringLiteral("The server the scratch database is made on (default: the sandbox)."),
            QStringLiteral("URL")},
        {QStringLiteral("data"),
            QStringLiteral("Copy the target's rows too (the demo's always are), so the times "
                           "scale from real work.")},
        {QStringLiteral("keep"), QStringLiteral("Keep the scratch database afterwards.")},
    });
}

bool RolloutDryRunCommand::targetNamed(const QCommandLineParser &parser)
{
    return parser.isSet(QStringLiteral("db")) || parser.isSet(QStringLiteral("profile"));
}

std::optional<ConnInfo> RolloutDryRunCommand::scratchServer(
    const QCommandLineParser &parser, QString *error)
{
    return parser.isSet(QStringLiteral("scratch"))
        ? CliConnection::resolve({}, parser.value(QStringLiteral("scratch")), false, error)
        : CliConnection::resolve(SandboxProfile::name(), {}, false, error);
}

std::optional<ConnInfo> RolloutDryRunCommand::sourceDatabase(
    const QCommandLineParser &parser, QString *error)
{
    if (targetNamed(parser))
        return CliConnection::resolve(parser.value(QStringLiteral("profile")),
            parser.value(QStringLiteral("db")), false, error);
    std::optional<ConnInfo> source = scratchServer(parser, error);
    if (source)
        source->setValue(QStringLiteral("dbname"), DemoDatabase::name());
    return source;
}

std::optional<CatalogSnapshot> RolloutDryRunCommand::targetCatalog(
    const QCommandLineParser &parser, QString *error)
{
    const std::optional<ConnInfo> source = sourceDatabase(parser, error);
    // The catalog's sessions end here, before a scratch is made: a session
    // on the source keeps it from serving as a template.
    std::optional<CatalogSnapshot> before =
        source ? CliCatalog().load(*source, false, error) : std::nullopt;
    if (!before && !targetNamed(parser))
        *error += QStringLiteral(" (the demo database: `tusk sandbox start` builds it)");
    return before;
}

DryRunReport RolloutDryRunCommand::dryRun(
    const QCommandLineParser &parser, const RolloutPlan &plan, const CatalogSnapshot &before)
{
    QString error;
    const std::optional<ConnInfo> server = scratchServer(parser, &error);
    const std::optional<ConnInfo> source = sourceDatabase(parser, &error);
    if (!server || !source) {
        DryRunReport report;
        report.error = QStringLiteral("no server for the scratch database: %1 (start the sandbox "
                                      "with `tusk sandbox start`, or give --scratch)")
                           .arg(error);
        return report;
    }
    const bool withRows = !targetNamed(parser) || parser.isSet(QStringLiteral("data"));
    return runOnScratch(
        *server, *source, withRows, parser.isSet(QStringLiteral("keep")), plan, before);
}

int RolloutDryRunCommand::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Runs the rollout of FILE on a scratch database with the target's schema and proves\n"
        "every step's rollback: up, rollback, the schema as before, up again, the schema as\n"
        "after (docs/rollout.md). Without --db or --profile the demo database is the target.\n"
        "Exit status: 0 every step holds, 1 a step failed or the dry run could not run, 2 usage."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("file"), QStringLiteral("The pending SQL, or -."));
    parser.addOptions({
        {QStringLiteral("down"),
            QStringLiteral("A hand-written down script: FILE is one step and this its rollback "
                           "(found beside x.up.sql as x.down.sql)."),
            QStringLiteral("FILE")},
        {QStringLiteral("format"), QStringLiteral("text or json."), QStringLiteral("FORMAT"),
            QStringLiteral("text")},
    });
    addOptions(parser);
    if (const auto done = Console::parse(parser, QStringLiteral("rollout dry-run"), arguments))
        return *done;
    const QString format = parser.value(QStringLiteral("format"));
    if (parser.positionalArguments().size() != 1
        || (format != QLatin1String("text") && format != QLatin1String("json"))) {
        err() << "tusk rollout dry-run: name one FILE (or -); --format takes text or json\n";
        return exitUsage;
    }
    const QString from = parser.positionalArguments().first();
    const std::optional<QByteArray> sql = readInput(from);
    if (!sql) {
        err() << "tusk rollout dry-run: cannot read " << from << '\n';
        return exitUsage;
    }
    const QString downFile = parser.isSet(QStringLiteral("down"))
        ? parser.value(QStringLiteral("down"))
        : downBeside(from);
    std::optional<QByteArray> down;
    if (!downFile.isEmpty() && !(down = readInput(downFile))) {
        err() << "tusk rollout dry-run: cannot read " << downFile << '\n';
        return exitUsage;
    }
    QString error;
    const std::optional<CatalogSnapshot> before = targetCatalog(parser, &error);
    if (!before) {
        err() << "tusk rollout dry-run: the target's catalog could not be read: " << error << '\n';
        return exitFailed;
    }
    const RolloutPlan plan = down
        ? RolloutPlanner::handWritten(*sql, *down)
        : RolloutPlanner::plan(*sql, *before, nullptr, before->serverVersion());
    const DryRunReport report = dryRun(parser, plan, *before);
    if (format == QLatin1String("json"))
        Console::writeOut(
            QJsonDocument(RolloutJson::dryRun(report)).toJson(QJsonDocument::Indented));
    else
        out() << report.text();
    return report.passed() ? 0 : exitFailed;
}

} // namespace tusk::app
