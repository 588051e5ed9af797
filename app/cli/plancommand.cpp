#include "plancommand.h"

#include "console.h"
#include "planoutput.h"

#include "core/plan/plancomparison.h"
#include "core/plan/planreader.h"
#include "core/plan/planreport.h"

#include <QCommandLineParser>
#include <QFile>
#include <QJsonDocument>

#include <optional>

namespace tusk::app {

using namespace tusk::core;

namespace {
constexpr int exitUsage = 2;

std::optional<QByteArray> readInput(const QString &path)
{
    QFile file;
    if (path == QLatin1String("-")) {
        if (!file.open(stdin, QIODevice::ReadOnly)) {
            err() << "tusk plan: cannot read stdin\n";
            return std::nullopt;
        }
    } else {
        file.setFileName(path);
        if (!file.open(QIODevice::ReadOnly)) {
            err() << "tusk plan: cannot read " << path << ": " << file.errorString() << '\n';
            return std::nullopt;
        }
    }
    return file.readAll();
}

QString displayName(const QString &path)
{
    return path == QLatin1String("-") ? QStringLiteral("<stdin>") : path;
}

// The plan at `index` (1-based) of the file; several plans are counted on
// stderr, and what was skipped to find the plan is printed there as warnings.
std::optional<Plan> load(const QString &path, int index = 1)
{
    std::optional<QByteArray> text = readInput(path);
    if (!text)
        return std::nullopt;
    QList<PlanReader::Result> results = PlanReader::readAll(std::move(*text));
    const QString name = displayName(path);
    if (index > results.size()) {
        err() << "tusk plan: " << name << " holds " << results.size()
              << (results.size() == 1 ? " plan" : " plans") << "; there is no plan " << index
              << '\n';
        return std::nullopt;
    }
    PlanReader::Result &result = results[index - 1];
    if (results.size() > 1)
        err() << "tusk plan: " << name << " holds " << results.size() << " plans; this is plan "
              << index << (index == 1 ? " (--index N shows another)" : "") << '\n';
    for (const QString &warning : std::as_const(result.warnings))
        err() << "tusk plan: " << name << ": warning: " << warning << '\n';
    if (!result.ok()) {
        err() << "tusk plan: " << name << ':'
              << (result.error.line > 0 ? QString::number(result.error.line) + QLatin1Char(':')
                                        : QString())
              << (result.error.column > 0 ? QString::number(result.error.column) + QLatin1Char(':')
                                          : QString())
              << " error: " << result.error.message << '\n';
        return std::nullopt;
    }
    return std::move(result.plan);
}

void addOptions(QCommandLineParser &parser)
{
    parser.setApplicationDescription(QStringLiteral(
        "Reads an EXPLAIN result (JSON, text in any psql style, YAML or XML; '-' for stdin)\n"
        "and prints its tree with each node's own (exclusive) time and the insights, or\n"
        "compares it with a second plan of the same query. svg and png draw the graphical\n"
        "plan. The plan is found in what was pasted around it (psql prompts, the query,\n"
        "comments, notes), with what was skipped printed as warnings on stderr. Exit\n"
        "status: 0 done, 2 for usage errors, unreadable files and plans that do not parse\n"
        "(the message gives the line and column)."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("file"), QStringLiteral("the plan, or - for stdin"),
        QStringLiteral("FILE|-"));
    parser.addOptions({
        {QStringLiteral("format"), QStringLiteral("text, json, svg or png."),
            QStringLiteral("FORMAT"), QStringLiteral("text")},
        {QStringLiteral("top"),
            QStringLiteral("How many of the slowest nodes to list (default 5)."),
            QStringLiteral("N"), QStringLiteral("5")},
        {QStringLiteral("compare"),
            QStringLiteral("A second plan of the same query to compare with."),
            QStringLiteral("FILE2")},
        {QStringLiteral("index"),
            QStringLiteral("Which plan of a file that holds several (from 1)."),
            QStringLiteral("N"), QStringLiteral("1")},
        {{QStringLiteral("o"), QStringLiteral("output")},
            QStringLiteral("Write to OUT instead of stdout."), QStringLiteral("OUT")},
    });
}
} // namespace

bool PlanCommand::needsGui(const QStringList &arguments)
{
    return PlanOutput::needsGui(arguments);
}

int PlanCommand::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    addOptions(parser);
    if (const auto done = Console::parse(parser, QStringLiteral("plan"), arguments))
        return *done;
    const QStringList files = parser.positionalArguments();
    if (files.size() != 1) {
        err() << "tusk plan: give one plan file (or - for stdin)\n";
        return exitUsage;
    }
    const QString format = parser.value(QStringLiteral("format"));
    if (!PlanOutput::isFormat(format)) {
        err() << "tusk plan: unknown format '" << format << "' (text, json, svg or png)\n";
        return exitUsage;
    }
    bool topOk = false;
    const int top = parser.value(QStringLiteral("top")).toInt(&topOk);
    if (!topOk || top < 0) {
        err() << "tusk plan: --top wants a number\n";
        return exitUsage;
    }
    bool indexOk = false;
    const int index = parser.value(QStringLiteral("index")).toInt(&indexOk);
    if (!indexOk || index < 1) {
        err() << "tusk plan: --index wants a number from 1\n";
        return exitUsage;
    }
    const QString outPath = parser.value(QStringLiteral("output"));

    const std::optional<Plan> plan = load(files.front(), index);
    if (!plan)
        return exitUsage;
    std::optional<Plan> other;
    if (parser.isSet(QStringLiteral("compare"))) {
        other = load(parser.value(QStringLiteral("compare")));
        if (!other)
            return exitUsage;
    }

    if (PlanOutput::isPicture(format) && other) {
        err() << "tusk plan: --compare prints text or json; svg and png draw one plan\n";
        return exitUsage;
    }
    QByteArray bytes;
    if (other) {
        const PlanComparison comparison(*plan, *other);
        bytes = format == QLatin1String("json")
            ? QJsonDocument(PlanReport::comparisonJson(comparison)).toJson()
            : PlanReport::comparisonText(comparison).toUtf8();
    } else {
        bytes = PlanOutput::render(*plan, format, top,
            files.front() == QLatin1String("-") ? QStringLiteral("plan") : files.front());
    }
    return PlanOutput::write(bytes, outPath, QStringLiteral("plan")) ? 0 : exitUsage;
}

} // namespace tusk::app
