#include "planreader.h"

#include "planbuilder.h"
#include "planmetrics.h"
#include "planpaste.h"
#include "psqloutput.h"
#include "structuredplanreader.h"
#include "textplanreader.h"

#include <QJsonDocument>

namespace tusk::core {

PlanFormat PlanReader::detect(const QString &text)
{
    for (QChar c : text) {
        if (c.isSpace())
            continue;
        if (c == u'[' || c == u'{')
            return PlanFormat::Json;
        if (c == u'<')
            return PlanFormat::Xml;
        break;
    }
    const QString start = text.trimmed().left(16);
    if (start.startsWith(QLatin1String("- Plan:")) || start.startsWith(QLatin1String("Plan:"))
        || start.startsWith(QLatin1String("- Query Text:"))
        || start.startsWith(QLatin1String("Query Text:")))
        return PlanFormat::Yaml;
    return PlanFormat::Text;
}

PlanReader::Result PlanReader::finish(Plan &&plan, PlanFormat format, QByteArray &&source)
{
    Result result;
    plan.format = format;
    plan.source = std::move(source);
    PlanMetrics::derive(plan);
    result.plan = std::move(plan);
    return result;
}

namespace {
// Qt's parser takes a line break inside a string, which JSON forbids and
// only a terminal that broke a long line puts there; such text goes the
// general way, which joins the line. Small texts only: a terminal's paste
// is, and a 30 MB file is read without a second pass.
bool hasBrokenString(const QByteArray &utf8)
{
    if (utf8.size() > (1 << 20))
        return false;
    bool inString = false;
    for (qsizetype i = 0; i < utf8.size(); ++i) {
        const char c = utf8.at(i);
        if (inString && c == '\\')
            ++i;
        else if (c == '"')
            inString = !inString;
        else if (inString && c == '\n')
            return true;
    }
    return false;
}
} // namespace

bool PlanReader::readPlainJson(QByteArray &utf8, Result *result)
{
    if (hasBrokenString(utf8))
        return false;
    QJsonParseError parseError;
    Plan plan;
    {
        const QJsonDocument document = QJsonDocument::fromJson(utf8, &parseError);
        if (parseError.error != QJsonParseError::NoError)
            return false;
        const QJsonValue root =
            document.isArray() ? QJsonValue(document.array()) : QJsonValue(document.object());
        PlanParseError error;
        const QJsonObject top = StructuredPlanReader::topObject(root, &error);
        if (!error.isError())
            plan = PlanBuilder::build(top, &error);
        if (error.isError())
            return false;
    } // the document goes before the metrics run: it is the size of the text
    *result = finish(std::move(plan), PlanFormat::Json, std::move(utf8));
    return true;
}

PlanReader::Result PlanReader::read(QByteArray utf8)
{
    for (const char c : utf8) {
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r')
            continue;
        Result result;
        if ((c == '[' || c == '{') && readPlainJson(utf8, &result))
            return result;
        break;
    }
    return read(QString::fromUtf8(utf8));
}

QList<PlanReader::Result> PlanReader::readAll(QByteArray utf8)
{
    for (const char c : utf8) {
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r')
            continue;
        Result result;
        if ((c == '[' || c == '{') && readPlainJson(utf8, &result))
            return {result};
        break;
    }
    return readAll(QString::fromUtf8(utf8));
}

PlanReader::Result PlanReader::read(const QString &text)
{
    QList<Result> all = readAll(text);
    Result first = std::move(all.front());
    if (first.count > 1)
        first.warnings.append(
            QStringLiteral("the text holds %1 plans; this is the first").arg(first.count));
    return first;
}

QList<PlanReader::Result> PlanReader::readAll(const QString &text)
{
    if (text.trimmed().isEmpty()) {
        Result result;
        result.error.message = QStringLiteral("the input is empty");
        return {result};
    }
    // Plain JSON (EXPLAIN's own output, or a file saved from it) goes
    // straight to the JSON parser: unwrapping psql's decoration line by line
    // costs more than the parse on a 30 MB plan.
    if (detect(text) == PlanFormat::Json) {
        Result result;
        QByteArray utf8 = text.toUtf8();
        if (readPlainJson(utf8, &result))
            return {result};
    }
    const QList<PlanPaste::Part> parts = PlanPaste::find(text);
    if (parts.isEmpty()) // no line starts a plan: say why reading the whole text fails
        return {readOne(text)};
    QList<Result> results;
    for (const PlanPaste::Part &part : parts) {
        Result result = readOne(part.text);
        if (result.error.line > 0)
            result.error.line += part.firstLine;
        result.warnings = part.warnings + result.warnings;
        if (parts.size() == 1 && result.ok())
            result.plan.source = text.toUtf8(); // the raw view shows the paste
        result.index = int(results.size());
        result.count = int(parts.size());
        results.append(std::move(result));
    }
    return results;
}

PlanReader::Result PlanReader::readOne(const QString &text)
{
    Result result;
    if (text.trimmed().isEmpty()) {
        result.error.message = QStringLiteral("the input is empty");
        return result;
    }
    if (detect(text) == PlanFormat::Json) {
        QByteArray utf8 = text.toUtf8();
        if (readPlainJson(utf8, &result))
            return result;
    }
    const PsqlOutput input = PsqlOutput::unwrap(text);
    if (input.lines().isEmpty()) {
        result.error = {QStringLiteral("no plan found, only psql's header and borders"), 1, 1};
        return result;
    }
    const PlanFormat format = detect(input.text());
    Plan plan;
    if (format == PlanFormat::Text) {
        const TextPlanReader reader(input, &result.error);
        if (!result.error.isError())
            plan = PlanBuilder::build(reader.nodes(), reader.summary());
    } else {
        QJsonObject top;
        if (format == PlanFormat::Json)
            top = StructuredPlanReader::readJson(input, &result.error);
        else if (format == PlanFormat::Yaml)
            top = StructuredPlanReader::readYaml(input, &result.error);
        else
            top = StructuredPlanReader::readXml(input, &result.error);
        if (!result.error.isError())
            plan = PlanBuilder::build(top, &result.error);
    }
    if (result.error.isError())
        return result;
    result = finish(std::move(plan), format, text.toUtf8());
    if (input.joinedLines() > 0)
        result.warnings.append(
            QStringLiteral("joined %1 %2 that a terminal had broken")
                .arg(input.joinedLines())
                .arg(input.joinedLines() == 1 ? QStringLiteral("line") : QStringLiteral("lines")));
    return result;
}

} // namespace tusk::core
