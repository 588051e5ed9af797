#include "planreader.h"

#include "planbuilder.h"
#include "planmetrics.h"
#include "psqloutput.h"
#include "structuredplanreader.h"
#include "textplanreader.h"

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

PlanReader::Result PlanReader::read(const QString &text)
{
    Result result;
    if (text.trimmed().isEmpty()) {
        result.error.message = QStringLiteral("the input is empty");
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
    plan.format = format;
    plan.source = text;
    PlanMetrics::derive(plan);
    result.plan = std::move(plan);
    return result;
}

} // namespace tusk::core
