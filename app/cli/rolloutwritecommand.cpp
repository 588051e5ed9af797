#include "rolloutwritecommand.h"

#include "cliconnection.h"
#include "console.h"
#include "rolloutdryruncommand.h"

#include "core/migrations/migrationswriter.h"
#include "core/rollout/rolloutfiles.h"
#include "core/rollout/rolloutplanner.h"

#include <QCommandLineParser>
#include <QDate>

namespace tusk::app {

using namespace tusk::core;

int RolloutWriteCommand::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Writes the rollout of the pending files as one N_prerelease.sql per step, each with\n"
        "its lock, gate and rollback (docs/rollout.md). Shows the plan; --yes writes it.\n"
        "Exit status: 0 shown or written, 1 refused, 2 usage."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("folder"),
        QStringLiteral("The migrations folder (default: the profile's)."));
    parser.addOption({QStringLiteral("yes"), QStringLiteral("Write the files.")});
    parser.addOptions({
        {QStringLiteral("db"), QStringLiteral("The target, whose catalog the plan uses."),
            QStringLiteral("URL")},
        {QStringLiteral("profile"), QStringLiteral("The target profile (instead of --db)."),
            QStringLiteral("NAME")},
    });
    if (const auto done = Console::parse(parser, QStringLiteral("rollout write"), arguments))
        return *done;
    QString folder = parser.positionalArguments().value(0);
    if (folder.isEmpty())
        folder =
            CliConnection::offlineTarget(parser.value(QStringLiteral("profile"))).migrationsFolder;
    if (folder.isEmpty()) {
        err() << "tusk rollout write: name the migrations folder (no profile names one)\n";
        return 2;
    }
    QString error;
    const RolloutFiles::Pending pending = RolloutFiles::readPending(folder, &error);
    if (!error.isEmpty() || pending.isEmpty()) {
        err() << "tusk rollout write: "
              << (error.isEmpty() ? QStringLiteral("no pending files in ") + folder : error)
              << '\n';
        return 2;
    }
    CatalogSnapshot catalog;
    if (parser.isSet(QStringLiteral("db")) || parser.isSet(QStringLiteral("profile"))) {
        const std::optional<CatalogSnapshot> read =
            RolloutDryRunCommand::targetCatalog(parser, &error);
        if (!read) {
            err() << "tusk rollout write: the target's catalog could not be read: " << error
                  << '\n';
            return 1;
        }
        catalog = *read;
    }
    const RolloutPlan plan = RolloutPlanner::plan(RolloutFiles::joined(pending), catalog, nullptr,
        catalog.isNull() ? 150000 : catalog.serverVersion());
    const PendingRewrite rewrite = RolloutFiles::rewrite(pending, plan);
    out() << rewrite.preview();
    if (!parser.isSet(QStringLiteral("yes"))) {
        out() << "(nothing written: --yes writes it)\n";
        return 0;
    }
    const MigrationsWriter writer(folder);
    const MigrationsWriter::Outcome done = writer.apply(rewrite);
    (done.ok ? out() : err()) << done.message << '\n';
    if (!done.ok)
        return 1;
    // Each step file gets the CHANGELOG entries that describe it.
    const MigrationsWriter::Outcome log = writer.updateChangelog(QDate::currentDate());
    (log.ok ? out() : err()) << log.message << '\n';
    return log.ok ? 0 : 1;
}

} // namespace tusk::app
