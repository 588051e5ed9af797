#include "impactcommand.h"

#include "console.h"
#include "rolloutdryruncommand.h"

#include "core/rollout/planimpactrun.h"
#include "core/sql/statementfinder.h"

#include <QCommandLineParser>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace tusk::app {

using namespace tusk::core;

namespace {
constexpr int exitWorse = 1;
constexpr int exitUsage = 2;

std::optional<QByteArray> readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    return file.readAll();
}

QList<PlanImpact::Query> queriesOf(const QByteArray &script, const QString &name)
{
    QList<PlanImpact::Query> out;
    int n = 0;
    for (const ByteRange &r : StatementFinder::statements(script)) {
        ++n;
        out << PlanImpact::Query {QString::fromUtf8(script.mid(r.begin, r.size())).trimmed(),
            QStringLiteral("%1, statement %2").arg(name).arg(n)};
    }
    return out;
}

QString costText(const ImpactVerdict &v)
{
    return QStringLiteral("cost %1 → %2 (×%3)")
        .arg(v.costBefore, 0, 'f', 1)
        .arg(v.costAfter, 0, 'f', 1)
        .arg(v.ratio(), 0, 'f', v.ratio() < 10 ? 2 : 0);
}

void printText(const QList<PlanImpact::Outcome> &outcomes, const QString &where, double factor)
{
    out() << "Plan impact on " << where << ": " << outcomes.size()
          << " query(s) concerned, worst first (cost growth past ×" << factor << " counts)\n";
    int n = 0;
    for (const PlanImpact::Outcome &o : outcomes) {
        const ImpactVerdict &v = o.verdict;
        const QString mark = !o.error.isEmpty() ? QStringLiteral("NOT EXPLAINED")
            : v.isWorse()                       ? QStringLiteral("WORSE")
            : !v.better.isEmpty()               ? QStringLiteral("better")
                                                : QStringLiteral("same");
        out() << '\n'
              << ++n << ". " << mark << "  " << (o.error.isEmpty() ? costText(v) : QString())
              << "  (" << o.query.source << ")\n";
        out() << "   " << o.query.sql.simplified().left(160) << '\n';
        if (!o.error.isEmpty())
            out() << "   " << o.error << '\n';
        for (const QString &w : v.worse)
            out() << "   ✗ " << w << '\n';
        for (const QString &b : v.better)
            out() << "   ✓ " << b << '\n';
    }
    if (outcomes.isEmpty())
        out() << "No query reads what the migration changes.\n";
}

QJsonObject json(const QList<PlanImpact::Outcome> &outcomes, const QString &where)
{
    QJsonArray list;
    for (const PlanImpact::Outcome &o : outcomes) {
        list.append(QJsonObject {{QStringLiteral("query"), o.query.sql},
            {QStringLiteral("source"), o.query.source}, {QStringLiteral("error"), o.error},
            {QStringLiteral("worse"), o.verdict.isWorse()},
            {QStringLiteral("cost_before"), o.verdict.costBefore},
            {QStringLiteral("cost_after"), o.verdict.costAfter},
            {QStringLiteral("lost_indexes"), QJsonArray::fromStringList(o.verdict.worse)},
            {QStringLiteral("gained_indexes"), QJsonArray::fromStringList(o.verdict.better)}});
    }
    return {{QStringLiteral("scratch"), where}, {QStringLiteral("queries"), list}};
}
} // namespace

int ImpactCommand::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "The plan impact of MIGRATION: the queries of FILE (or the target's top N from\n"
        "pg_stat_statements) explained on a scratch database before and after the migration\n"
        "runs there, worst first: a Seq Scan that replaces an Index Scan, a cost that grows\n"
        "past --factor. Without --data the scratch holds the schema only (the demo database\n"
        "always has its rows): plans of empty tables, said so in the report.\n"
        "Exit status: 0 no query got worse, 1 some did or it could not run, 2 usage."));
    parser.addHelpOption();
    parser.addOptions({
        {QStringLiteral("impact"), QStringLiteral("The migration."), QStringLiteral("MIGRATION")},
        {QStringLiteral("queries"), QStringLiteral("The queries, one statement each."),
            QStringLiteral("FILE")},
        {QStringLiteral("top"), QStringLiteral("The target's N queries of most total time."),
            QStringLiteral("N")},
        {QStringLiteral("factor"), QStringLiteral("A cost growing past this counts (default 2)."),
            QStringLiteral("F"), QStringLiteral("2")},
        {QStringLiteral("format"), QStringLiteral("text or json."), QStringLiteral("FORMAT"),
            QStringLiteral("text")},
    });
    RolloutDryRunCommand::addOptions(parser);
    // `tusk explain --impact --help` asks for this help; the parser would
    // take --help for the migration's file name.
    QStringList given = arguments;
    const qsizetype impact = given.indexOf(QStringLiteral("--impact"));
    if (impact >= 0 && impact + 1 < given.size()
        && (given.at(impact + 1) == QLatin1String("--help")
            || given.at(impact + 1) == QLatin1String("-h")))
        given.insert(impact + 1, QStringLiteral("-"));
    if (const auto done = Console::parse(parser, QStringLiteral("explain --impact"), given))
        return *done;
    const QString format = parser.value(QStringLiteral("format"));
    const bool fromFile = parser.isSet(QStringLiteral("queries"));
    const int top = parser.value(QStringLiteral("top")).toInt();
    if (fromFile == parser.isSet(QStringLiteral("top")) || (!fromFile && top <= 0)
        || (format != QLatin1String("text") && format != QLatin1String("json"))) {
        err() << "tusk explain --impact: give --queries FILE or --top N (one of them); --format "
                 "takes text or json\n";
        return exitUsage;
    }
    const std::optional<QByteArray> migration = readFile(parser.value(QStringLiteral("impact")));
    if (!migration) {
        err() << "tusk explain --impact: cannot read " << parser.value(QStringLiteral("impact"))
              << '\n';
        return exitUsage;
    }
    QString error;
    const std::optional<ConnInfo> server = RolloutDryRunCommand::scratchServer(parser, &error);
    const std::optional<ConnInfo> source = RolloutDryRunCommand::sourceDatabase(parser, &error);
    if (!server || !source) {
        err() << "tusk explain --impact: no server for the scratch database: " << error
              << " (start the sandbox with `tusk sandbox start`, or give --scratch)\n";
        return exitWorse;
    }

    PlanImpactRun::Request request;
    request.server = *server;
    request.source = *source;
    request.withRows =
        !RolloutDryRunCommand::targetNamed(parser) || parser.isSet(QStringLiteral("data"));
    request.migration = *migration;
    request.top = top;
    request.factor = parser.value(QStringLiteral("factor")).toDouble();
    request.keep = parser.isSet(QStringLiteral("keep"));
    if (fromFile) {
        const std::optional<QByteArray> text = readFile(parser.value(QStringLiteral("queries")));
        if (!text) {
            err() << "tusk explain --impact: cannot read "
                  << parser.value(QStringLiteral("queries")) << '\n';
            return exitUsage;
        }
        request.queries = queriesOf(*text, parser.value(QStringLiteral("queries")));
        if (request.queries.isEmpty()) {
            err() << "tusk explain --impact: no statement in "
                  << parser.value(QStringLiteral("queries")) << '\n';
            return exitUsage;
        }
    }
    PlanImpactRun run;
    QEventLoop loop;
    QList<PlanImpact::Outcome> outcomes;
    QString failure;
    QString where;
    QObject::connect(&run, &PlanImpactRun::progress,
        [](const QString &step) { err() << "tusk explain: " << step << Qt::endl; });
    QObject::connect(&run, &PlanImpactRun::finished,
        [&](const QList<PlanImpact::Outcome> &o, const QString &scratch, bool) {
            outcomes = o;
            where = scratch;
            loop.quit();
        });
    QObject::connect(&run, &PlanImpactRun::failed, [&](const QString &e) {
        failure = e;
        loop.quit();
    });
    run.start(request);
    loop.exec();
    if (!failure.isEmpty()) {
        err() << "tusk explain --impact: " << failure << '\n';
        return exitWorse;
    }
    if (!request.withRows)
        err() << "tusk explain: the scratch holds the schema without rows, so these are the "
                 "plans of empty tables; --data copies the rows\n";
    if (format == QLatin1String("json"))
        out() << QJsonDocument(json(outcomes, where)).toJson(QJsonDocument::Indented);
    else
        printText(outcomes, where, parser.value(QStringLiteral("factor")).toDouble());
    return std::any_of(outcomes.begin(), outcomes.end(),
               [](const PlanImpact::Outcome &o) { return o.verdict.isWorse(); })
        ? exitWorse
        : 0;
}

} // namespace tusk::app
