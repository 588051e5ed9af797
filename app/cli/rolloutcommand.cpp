#include "rolloutcommand.h"

#include "rolloutbackfillcommand.h"
#include "rolloutdryruncommand.h"
#include "rolloutjson.h"
#include "rolloutsheetcommand.h"
#include "rolloutwritecommand.h"

#include "clicatalog.h"
#include "cliconnection.h"
#include "console.h"

#include "core/lint/schemafacts.h"
#include "core/rollout/rolloutplanner.h"

#include <QCommandLineParser>
#include <QFile>
#include <QJsonDocument>

namespace tusk::app {

using namespace tusk::core;

namespace {
constexpr int exitBreaking = 1;
constexpr int exitUsage = 2;
} // namespace

int RolloutCommand::run(const QStringList &arguments)
{
    // Each action with options of its own parses its own arguments.
    const QString action = arguments.value(0);
    if (action == QLatin1String("backfill"))
        return RolloutBackfillCommand::run(arguments.mid(1));
    if (action == QLatin1String("dry-run"))
        return RolloutDryRunCommand::run(arguments.mid(1));
    if (action == QLatin1String("sheet"))
        return RolloutSheetCommand::run(arguments.mid(1));
    if (action == QLatin1String("write"))
        return RolloutWriteCommand::run(arguments.mid(1));
    return runPlan(arguments);
}

int RolloutCommand::runPlan(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "A rollout of pending SQL (docs/rollout.md).\n"
        "  plan FILE|-      each statement: safe as written, safe in its online form, or\n"
        "                   breaking; its steps with lock, transaction, rollback and gate\n"
        "  dry-run FILE|-   every step run on a scratch database, its rollback proven\n"
        "                   (tusk rollout dry-run --help)\n"
        "  backfill         a resumable batched backfill (tusk rollout backfill --help)\n"
        "  sheet [FOLDER]   the reviewer's sheet, Markdown or PDF, and the sign-off\n"
        "  write [FOLDER]   the steps as one N_prerelease.sql each (--yes writes)\n"
        "Exit status: 0 every statement has a safe plan, 1 one breaks running code, 2 usage."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("action"), QStringLiteral("plan FILE|-"));
    parser.addOptions({
        {QStringLiteral("format"), QStringLiteral("md or json."), QStringLiteral("FORMAT"),
            QStringLiteral("md")},
        {QStringLiteral("db"),
            QStringLiteral("The target database, whose catalog the rollbacks and lints use."),
            QStringLiteral("URL")},
        {QStringLiteral("profile"), QStringLiteral("The target profile (instead of --db)."),
            QStringLiteral("NAME")},
    });
    if (const auto done = Console::parse(parser, QStringLiteral("rollout"), arguments))
        return *done;
    const QStringList actions = parser.positionalArguments();
    if (actions.size() != 2 || actions.first() != QLatin1String("plan")) {
        err() << "tusk rollout: name an action: plan FILE|-, dry-run FILE|- or backfill\n";
        return exitUsage;
    }
    const QString format = parser.value(QStringLiteral("format"));
    if (format != QLatin1String("md") && format != QLatin1String("json")) {
        err() << "tusk rollout: --format takes md or json\n";
        return exitUsage;
    }
    QFile file;
    const QString from = actions.at(1);
    const bool ok = from == QLatin1String("-")
        ? file.open(stdin, QIODevice::ReadOnly)
        : (file.setFileName(from), file.open(QIODevice::ReadOnly));
    if (!ok) {
        err() << "tusk rollout: cannot read " << from << '\n';
        return exitUsage;
    }
    const QByteArray sql = file.readAll();
    CatalogSnapshot before;
    if (parser.isSet(QStringLiteral("db")) || parser.isSet(QStringLiteral("profile"))) {
        QString error;
        const std::optional<ConnInfo> info =
            CliConnection::resolve(parser.value(QStringLiteral("profile")),
                parser.value(QStringLiteral("db")), false, &error);
        CliCatalog catalog;
        const std::optional<CatalogSnapshot> snapshot =
            info ? catalog.load(*info, false, &error) : std::nullopt;
        if (!snapshot) {
            err() << "tusk rollout: the target's catalog could not be read: " << error << '\n';
            return exitBreaking;
        }
        before = *snapshot;
    }
    const RolloutPlan plan = RolloutPlanner::plan(
        sql, before, nullptr, before.isNull() ? 150000 : before.serverVersion());
    if (format == QLatin1String("json"))
        Console::writeOut(QJsonDocument(RolloutJson::plan(plan)).toJson(QJsonDocument::Indented));
    else
        out() << plan.markdown();
    const bool breaking = std::any_of(plan.items.begin(), plan.items.end(),
        [](const RolloutItem &item) { return item.kind == RolloutItem::Kind::Breaking; });
    return breaking ? exitBreaking : 0;
}

} // namespace tusk::app
