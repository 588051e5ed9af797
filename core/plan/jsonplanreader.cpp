#include "structuredplanreader.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace tusk::core {

QJsonObject StructuredPlanReader::topObject(const QJsonValue &document, PlanParseError *error)
{
    QJsonValue value = document;
    if (value.isArray()) {
        const QJsonArray array = value.toArray();
        if (array.isEmpty()) {
            error->message = QStringLiteral("the plan list is empty");
            return {};
        }
        value = array.first();
    }
    if (!value.isObject()) {
        error->message = QStringLiteral("expected an object holding \"Plan\"");
        return {};
    }
    QJsonObject object = value.toObject();
    if (object.contains(QLatin1String("Plan")))
        return object;
    if (object.contains(QLatin1String("Node Type")))
        return QJsonObject {{QStringLiteral("Plan"), object}};
    error->message = QStringLiteral("no \"Plan\" object: this does not look like EXPLAIN output");
    return {};
}

QJsonObject StructuredPlanReader::readJson(const PsqlOutput &input, PlanParseError *error)
{
    const QString text = input.text();
    const QByteArray utf8 = text.toUtf8();
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(utf8, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        // The offset counts UTF-8 bytes; the position wants characters.
        const qsizetype offset = QString::fromUtf8(utf8.left(parseError.offset)).size();
        const auto [line, column] = input.originalPosition(offset);
        *error = {parseError.errorString(), line, column};
        return {};
    }
    const QJsonValue root =
        document.isArray() ? QJsonValue(document.array()) : QJsonValue(document.object());
    QJsonObject top = topObject(root, error);
    if (error->isError())
        error->line = input.originalLine(0, 0);
    return top;
}

} // namespace tusk::core
