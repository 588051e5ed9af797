#include "planreader.h"

#include "planbuilder.h"
#include "planmetrics.h"
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

bool PlanReader::readPlainJson(QByteArray &utf8, Result *result)
{
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

PlanReader::Result PlanReader::read(const QString &text)
{
    Result result;
    if (text.trimmed().isEmpty()) {
        result.error.message = QStringLiteral("the input is empty");
        return result;
    }
    // Plain JSON (EXPLAIN's own output, or a file saved from it) goes
    // straight to the JSON parser: unwrapping psql's decoration line by line
    // costs more than the parse on a 30 MB plan. Anything that does not
    // parse as is takes the general path, which also places errors.
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
    return finish(std::move(plan), format, text.toUtf8());
}

} // namespace tusk::core
