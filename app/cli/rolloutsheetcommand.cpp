#include "rolloutsheetcommand.h"

#include "cliconnection.h"
#include "console.h"
#include "rolloutdryruncommand.h"

#include "core/files/userfilewriter.h"
#include "core/migrations/migrationsfolder.h"
#include "core/migrations/migrationswriter.h"
#include "core/rollout/rolloutfiles.h"
#include "core/rollout/rolloutplanner.h"
#include "core/rollout/rolloutsheet.h"
#include "widgets/rollout/sheetpdfwriter.h"

#include <QCommandLineParser>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace tusk::app {

using namespace tusk::core;

namespace {
constexpr int exitFailed = 1;
constexpr int exitUsage = 2;

struct Pending {
    QString folder; // the migrations folder, when the input is one
    QList<QPair<QString, QByteArray>> files;
    QString error;
};

Pending readPending(const QString &input)
{
    Pending p;
    const QFileInfo info(input);
    if (info.isFile()) {
        QFile file(input);
        if (!file.open(QIODevice::ReadOnly))
            p.error = QStringLiteral("cannot read ") + input;
        else
            p.files << qMakePair(info.fileName(), file.readAll());
        return p;
    }
    p.files = RolloutFiles::readPending(input, &p.error);
    if (p.error.isEmpty())
        p.folder = MigrationsFolder::read(input).path();
    return p;
}

QByteArray changelogOf(const QString &folder)
{
    QFile file(MigrationsFolder::read(folder).changelogPath());
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}
} // namespace

bool RolloutSheetCommand::needsGui(const QStringList &arguments)
{
    return std::any_of(arguments.begin(), arguments.end(),
        [](const QString &a) { return a.endsWith(QLatin1String(".pdf"), Qt::CaseInsensitive); });
}

int RolloutSheetCommand::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "The reviewer's sheet of a rollout: every step with its SQL, lock, expected duration,\n"
        "gate, dry-run result and rollback, and the sign-off (docs/rollout.md).\n"
        "Exit status: 0 written, 1 a dry-run step failed or the sign-off is void or failed,\n"
        "2 usage."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("input"),
        QStringLiteral("A migrations folder (its pending files) or one SQL file; default: the "
                       "profile's migrations folder."));
    parser.addOptions({
        {{QStringLiteral("o"), QStringLiteral("output")},
            QStringLiteral("Write the sheet here: .md (Markdown) or .pdf; default: stdout."),
            QStringLiteral("FILE")},
        {QStringLiteral("dry-run"),
            QStringLiteral("Run the dry run first and put its result on the sheet.")},
        {QStringLiteral("sign-off"),
            QStringLiteral("Record the sign-off in the folder's CHANGELOG.md.")},
        {QStringLiteral("reviewer"), QStringLiteral("Who signs off (default: git's user.name)."),
            QStringLiteral("NAME")},
    });
    RolloutDryRunCommand::addOptions(parser);
    if (const auto done = Console::parse(parser, QStringLiteral("rollout sheet"), arguments))
        return *done;
    QString input = parser.positionalArguments().value(0);
    if (input.isEmpty())
        input =
            CliConnection::offlineTarget(parser.value(QStringLiteral("profile"))).migrationsFolder;
    if (input.isEmpty() || parser.positionalArguments().size() > 1) {
        err() << "tusk rollout sheet: name a migrations folder or a file (no profile names one)\n";
        return exitUsage;
    }
    const Pending pending = readPending(input);
    if (!pending.error.isEmpty()) {
        err() << "tusk rollout sheet: " << pending.error << '\n';
        return exitUsage;
    }
    const QByteArray sql = RolloutFiles::joined(pending.files);
    QString error;
    const std::optional<CatalogSnapshot> before =
        RolloutDryRunCommand::targetCatalog(parser, &error);
    const bool dryRun = parser.isSet(QStringLiteral("dry-run"));
    if (!before && dryRun) {
        err() << "tusk rollout sheet: the target's catalog could not be read: " << error << '\n';
        return exitFailed;
    }
    const CatalogSnapshot catalog = before.value_or(CatalogSnapshot());
    const RolloutPlan plan = RolloutPlanner::plan(
        sql, catalog, nullptr, catalog.isNull() ? 150000 : catalog.serverVersion());
    RolloutSheet sheet(pending.files, plan);
    bool failed = false;
    if (dryRun) {
        const DryRunReport report = RolloutDryRunCommand::dryRun(parser, plan, catalog);
        sheet.setDryRun(report);
        failed = !report.passed();
    }
    if (!pending.folder.isEmpty())
        sheet.setSignOff(RolloutSheet::signOffIn(changelogOf(pending.folder)));
    if (parser.isSet(QStringLiteral("sign-off"))) {
        if (pending.folder.isEmpty()) {
            err()
                << "tusk rollout sheet: --sign-off needs a migrations folder (its CHANGELOG.md)\n";
            return exitUsage;
        }
        QString reviewer = parser.value(QStringLiteral("reviewer"));
        if (reviewer.isEmpty())
            reviewer = RolloutSheet::gitUserName(pending.folder);
        if (reviewer.isEmpty()) {
            err() << "tusk rollout sheet: who signs off? git has no user.name here: give "
                     "--reviewer NAME\n";
            return exitUsage;
        }
        const RolloutSheet::SignOff signOff {
            reviewer, QDateTime::currentDateTimeUtc(), sheet.hash()};
        const MigrationsWriter::Outcome written =
            MigrationsWriter(pending.folder)
                .replaceEntries(QDate::currentDate(), RolloutSheet::changelogKey(),
                    {RolloutSheet::changelogEntry(signOff)});
        if (!written.ok) {
            err() << "tusk rollout sheet: the sign-off was not recorded: " << written.message
                  << '\n';
            return exitFailed;
        }
        sheet.setSignOff(RolloutSheet::signOffIn(changelogOf(pending.folder)));
        err() << "tusk rollout sheet: " << written.message << '\n';
    }
    const QString markdown = sheet.markdown();
    const QString output = parser.value(QStringLiteral("output"));
    if (output.isEmpty()) {
        out() << markdown;
    } else {
        const QByteArray bytes = output.endsWith(QLatin1String(".pdf"), Qt::CaseInsensitive)
            ? widgets::SheetPdfWriter::render(markdown)
            : markdown.toUtf8();
        UserFileWriter::Options options;
        if (!pending.folder.isEmpty())
            options.migrationsFolders << pending.folder;
        const FileWriteError written = UserFileWriter::writeFile(output, bytes, options);
        if (!written.isNull()) {
            err() << "tusk rollout sheet: " << written.message << '\n';
            return exitFailed;
        }
        err() << "tusk rollout sheet: wrote " << output << '\n';
    }
    if (sheet.signOffVoid()) {
        err() << "tusk rollout sheet: the sign-off is VOID: the pending files changed since it "
                 "was given\n";
        return exitFailed;
    }
    return failed ? exitFailed : 0;
}

} // namespace tusk::app
