#include "rolloutbackfillcommand.h"

#include "cliconnection.h"
#include "console.h"

#include "core/migrations/backfill/backfillrun.h"
#include "core/migrations/backfill/backfillspec.h"
#include "core/migrations/backfill/backfilltarget.h"
#include "core/pg/connection.h"
#include "core/support/durationtext.h"

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>

#include <optional>

namespace tusk::app {

using namespace tusk::core;

namespace {
constexpr int exitFailed = 1;
constexpr int exitUsage = 2;
constexpr qint64 progressEveryMs = 1000;

QString timeLeft(double seconds)
{
    return seconds < 0 ? QStringLiteral("time left unknown")
                       : QStringLiteral("about %1 left").arg(durationText(qint64(seconds * 1000)));
}

QString progressLine(const QString &name, const BackfillProgress &p)
{
    QString line = QStringLiteral("backfill %1: %2 rows updated").arg(name).arg(p.rowsDone);
    if (p.rowsTotalEstimate > 0)
        line += QStringLiteral(" (table ~%1 rows)").arg(p.rowsTotalEstimate);
    if (p.state == BackfillProgress::State::Running || p.state == BackfillProgress::State::Waiting)
        line += QStringLiteral(", %1 rows/s, %2")
                    .arg(qRound64(p.rowsPerSecond))
                    .arg(timeLeft(p.etaSeconds));
    return line + QStringLiteral("; ") + p.status;
}

QJsonObject figures(const BackfillSpec &spec, const BackfillProgress &p, const PgError &error)
{
    const double rate = p.elapsedSeconds > 0 ? double(p.rowsThisRun) / p.elapsedSeconds : 0;
    QJsonObject doc {{QStringLiteral("name"), spec.name},
        {QStringLiteral("table"), spec.qualifiedTable()},
        {QStringLiteral("finished"), error.isNull()}, {QStringLiteral("rows_done"), p.rowsDone},
        {QStringLiteral("rows_this_run"), p.rowsThisRun}, {QStringLiteral("batches"), p.batches},
        {QStringLiteral("retries"), p.retries},
        {QStringLiteral("seconds"), qRound(p.elapsedSeconds * 10) / 10.0},
        {QStringLiteral("rows_per_second"), qRound64(rate)},
        {QStringLiteral("longest_batch_ms"), p.longestBatchMs},
        {QStringLiteral("error"), QJsonValue::Null}};
    if (!error.isNull())
        doc.insert(QStringLiteral("error"),
            QJsonObject {{QStringLiteral("sqlstate"), error.sqlState},
                {QStringLiteral("message"), error.message}, {QStringLiteral("hint"), error.hint}});
    return doc;
}

void reportError(const PgError &error)
{
    err() << "tusk rollout backfill: " << error.message << '\n';
    if (!error.detail.isEmpty())
        err() << "  " << error.detail << '\n';
    if (!error.hint.isEmpty())
        err() << "  hint: " << error.hint << '\n';
}

// --sql: the procedure needs the walk (the key), so the catalog is read.
int printProcedure(const ConnInfo &info, BackfillSpec spec)
{
    Connection connection;
    connection.setAutoReconnect(false);
    QEventLoop loop;
    PgError error = PgError::client(QStringLiteral("no answer from the server within %1 s")
                                        .arg(CliConnection::timeLimitMs / 1000));
    std::optional<BackfillTarget> target;
    QObject::connect(&connection, &Connection::openFailed, &loop, [&](const PgError &failure) {
        error = failure;
        loop.quit();
    });
    QObject::connect(&connection, &Connection::opened, &loop, [&] {
        BackfillTarget::read(
            connection, spec, &loop, [&](const BackfillTarget &read, const PgError &readError) {
                error = readError;
                if (readError.isNull())
                    target = read;
                loop.quit();
            });
    });
    QTimer::singleShot(CliConnection::timeLimitMs, &loop, &QEventLoop::quit);
    connection.open(info);
    loop.exec();
    if (!target) {
        reportError(error);
        return exitFailed;
    }
    spec.keyColumns = target->keyColumns;
    out() << "-- Backfill " << spec.name << " of " << target->qualifiedName << ", walked by "
          << (spec.keyColumns.isEmpty() ? QStringLiteral("ctid")
                                        : spec.keyColumns.join(QStringLiteral(", ")))
          << " (docs/backfill.md).\n"
          << "-- Progress in tusk_rollout.backfill, shared with `tusk rollout backfill`.\n"
          << "-- CALL runs outside a transaction block: it commits after each batch.\n"
          << "-- The contract step removes it all: " << BackfillSpec::dropSql() << '\n'
          << BackfillSpec::progressTableSql() << '\n'
          << spec.procedureSql() << '\n'
          << spec.callSql();
    return 0;
}

int runBackfill(const ConnInfo &info, const BackfillSpec &spec, bool resume, bool json)
{
    BackfillRun run;
    QEventLoop loop;
    PgError result;
    QElapsedTimer sinceLine;
    QObject::connect(&run, &BackfillRun::progress, &loop, [&](const BackfillProgress &p) {
        if (p.isOver() || (sinceLine.isValid() && sinceLine.elapsed() < progressEveryMs))
            return;
        sinceLine.start();
        err() << progressLine(spec.name, p) << Qt::endl;
    });
    bool timedOut = false;
    QObject::connect(&run, &BackfillRun::finished, &loop, [&](const PgError &error) {
        result = timedOut ? PgError::client(QStringLiteral("no answer from the server within %1 s")
                                                .arg(CliConnection::timeLimitMs / 1000),
                     QStringLiteral("08001"))
                          : error;
        loop.quit();
    });
    // No limit on the backfill itself, one on reaching the server and
    // reading what it needs before the first batch.
    QTimer::singleShot(CliConnection::timeLimitMs, &loop, [&] {
        const auto state = run.currentProgress().state;
        if (state == BackfillProgress::State::Connecting
            || state == BackfillProgress::State::Preparing) {
            timedOut = true;
            run.stop();
        }
    });
    run.start(info, spec, resume);
    loop.exec();
    const BackfillProgress &p = run.currentProgress();
    if (json) {
        Console::writeOut(QJsonDocument(figures(spec, p, result)).toJson(QJsonDocument::Indented));
    } else if (result.isNull()) {
        const double rate = p.elapsedSeconds > 0 ? double(p.rowsThisRun) / p.elapsedSeconds : 0;
        out() << "backfill " << spec.name << " done: " << p.rowsDone << " rows updated ("
              << p.rowsThisRun << " in this run) in " << p.batches << " batches; "
              << durationText(qint64(p.elapsedSeconds * 1000)) << ", " << qRound64(rate)
              << " rows/s, " << p.retries << " retries, longest batch "
              << durationText(p.longestBatchMs) << '\n';
    }
    if (!result.isNull()) {
        reportError(result);
        return exitFailed;
    }
    return 0;
}

std::optional<int> intOption(const QCommandLineParser &parser, const QString &name, int *value)
{
    if (!parser.isSet(name))
        return std::nullopt;
    bool ok = false;
    const int number = parser.value(name).toInt(&ok);
    if (!ok) {
        err() << "tusk rollout backfill: --" << name << " takes a whole number, not \""
              << parser.value(name) << "\"\n";
        return exitUsage;
    }
    *value = number;
    return std::nullopt;
}
} // namespace

int RolloutBackfillCommand::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "A resumable backfill (docs/backfill.md): UPDATE TABLE SET … in short batches walked\n"
        "by the primary key (else ctid), each batch one transaction that also records the\n"
        "progress in tusk_rollout.backfill, so a rerun with --resume skips no row and does\n"
        "none twice. Waits while a replica lags or sessions wait for a lock on the table.\n"
        "Exit status: 0 done, 1 failed, 2 usage."));
    parser.addHelpOption();
    const auto option = [](const char *name, const char *help, const char *value = nullptr,
                            const char *fallback = nullptr) {
        return value ? QCommandLineOption(QString::fromLatin1(name), QString::fromLatin1(help),
                   QString::fromLatin1(value), QString::fromLatin1(fallback))
                     : QCommandLineOption(QString::fromLatin1(name), QString::fromLatin1(help));
    };
    parser.addOptions({
        option("table", "The table (schema.name).", "TABLE"),
        option("set", "The assignment: \"col = expr\" (several, comma-separated).", "SET"),
        option("where",
            "The rows still to do (default: col IS DISTINCT FROM (expr), so a rerun converges).",
            "PREDICATE"),
        option("name", "The progress row's name (default: table_column).", "NAME"),
        option("key", "Key columns to walk by, comma-separated (default: the primary key).",
            "COLUMNS"),
        option("batch", "Rows per batch (1000).", "N", "1000"),
        option("pause", "Pause between batches, in ms (0).", "MS", "0"),
        option("lock-timeout", "lock_timeout of the batches, in ms (2000).", "MS", "2000"),
        option("resume", "Go on with a backfill of this name that did not finish."),
        option("sql", "Print the backfill as a plpgsql procedure and its CALL; run nothing."),
        option("format", "text or json (the final figures).", "FORMAT", "text"),
        option("db", "The target database.", "URL"),
        option("profile", "The target profile (instead of --db).", "NAME"),
    });
    if (const auto done = Console::parse(parser, QStringLiteral("rollout backfill"), arguments))
        return *done;
    if (!parser.positionalArguments().isEmpty()) {
        err() << "tusk rollout backfill: unexpected argument "
              << parser.positionalArguments().first() << '\n';
        return exitUsage;
    }
    const QString format = parser.value(QStringLiteral("format"));
    if (format != QLatin1String("text") && format != QLatin1String("json")) {
        err() << "tusk rollout backfill: --format takes text or json\n";
        return exitUsage;
    }
    if (!parser.isSet(QStringLiteral("table")) || !parser.isSet(QStringLiteral("set"))) {
        err() << "tusk rollout backfill: --table and --set are required\n";
        return exitUsage;
    }
    BackfillSpec spec;
    spec.table = parser.value(QStringLiteral("table"));
    spec.set = parser.value(QStringLiteral("set"));
    spec.predicate = parser.value(QStringLiteral("where"));
    spec.name = parser.isSet(QStringLiteral("name"))
        ? parser.value(QStringLiteral("name"))
        : BackfillSpec::defaultName(spec.table, spec.set);
    if (parser.isSet(QStringLiteral("key"))) {
        for (const QString &key : parser.value(QStringLiteral("key")).split(QLatin1Char(',')))
            spec.keyColumns.append(key.trimmed());
    }
    for (const auto &[name, field] : {std::pair {"batch", &spec.batchSize},
             std::pair {"pause", &spec.pauseMs}, std::pair {"lock-timeout", &spec.lockTimeoutMs}}) {
        if (const auto bad = intOption(parser, QString::fromLatin1(name), field))
            return *bad;
    }
    if (const QStringList problems = spec.validate(); !problems.isEmpty()) {
        for (const QString &problem : problems)
            err() << "tusk rollout backfill: " << problem << '\n';
        return exitUsage;
    }
    QString error;
    const std::optional<ConnInfo> info = CliConnection::resolve(
        parser.value(QStringLiteral("profile")), parser.value(QStringLiteral("db")), true, &error);
    if (!info) {
        err() << "tusk rollout backfill: " << error << '\n';
        return exitFailed;
    }
    if (parser.isSet(QStringLiteral("sql")))
        return printProcedure(*info, spec);
    return runBackfill(
        *info, spec, parser.isSet(QStringLiteral("resume")), format == QLatin1String("json"));
}

} // namespace tusk::app
