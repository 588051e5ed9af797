#include "plannode.h"

#include "planvalue.h"

namespace tusk::core {

namespace {
// PostgreSQL's quote_identifier, minus the keyword list: names that are not
// plain lower-case identifiers get double quotes.
QString quoted(const QString &name)
{
    bool plain = !name.isEmpty() && (name.front().isLower() || name.front() == u'_');
    for (QChar c : name)
        plain = plain && (c.isLower() || c.isDigit() || c == u'_' || c.unicode() > 127);
    if (plain)
        return name;
    QString s = name;
    s.replace(QLatin1Char('"'), QLatin1String("\"\""));
    return QLatin1Char('"') + s + QLatin1Char('"');
}

QString joinSuffix(const QString &joinType, bool nestedLoop)
{
    if (joinType.isEmpty() || joinType == QLatin1String("Inner"))
        return nestedLoop ? QString() : QStringLiteral(" Join");
    return QLatin1Char(' ') + joinType + QStringLiteral(" Join");
}
} // namespace

QString PlanNode::label() const
{
    QString name;
    if (nodeType == QLatin1String("Aggregate")) {
        if (strategy == QLatin1String("Sorted"))
            name = QStringLiteral("GroupAggregate");
        else if (strategy == QLatin1String("Hashed"))
            name = QStringLiteral("HashAggregate");
        else if (strategy == QLatin1String("Mixed"))
            name = QStringLiteral("MixedAggregate");
        else
            name = QStringLiteral("Aggregate");
        if (partialMode == QLatin1String("Partial") || partialMode == QLatin1String("Finalize"))
            name = partialMode + QLatin1Char(' ') + name;
    } else if (nodeType == QLatin1String("Nested Loop")) {
        name = nodeType + joinSuffix(joinType, true);
    } else if (nodeType == QLatin1String("Hash Join") || nodeType == QLatin1String("Merge Join")) {
        name = nodeType.left(nodeType.size() - 5) + joinSuffix(joinType, false);
    } else if (nodeType == QLatin1String("ModifyTable") && !operation.isEmpty()) {
        name = operation;
    } else if (nodeType == QLatin1String("Foreign Scan") && !operation.isEmpty()
        && operation != QLatin1String("Select")) {
        name = QStringLiteral("Foreign ") + operation;
    } else if (nodeType == QLatin1String("Custom Scan")) {
        name = customProvider.isEmpty() ? nodeType
                                        : QStringLiteral("Custom Scan (%1)").arg(customProvider);
    } else if (nodeType == QLatin1String("SetOp")) {
        name = strategy == QLatin1String("Hashed") ? QStringLiteral("HashSetOp") : nodeType;
        if (!command.isEmpty())
            name += QLatin1Char(' ') + command;
    } else {
        name = nodeType;
    }
    if (asyncCapable)
        name = QStringLiteral("Async ") + name;
    if (parallelAware)
        name = QStringLiteral("Parallel ") + name;
    return name;
}

QString PlanNode::target() const
{
    QString object;
    if (nodeType == QLatin1String("Bitmap Index Scan"))
        return QStringLiteral("on ") + quoted(index);
    if (!relation.isEmpty())
        object = relation;
    else if (!functionName.isEmpty())
        object = functionName;
    else if (!cteName.isEmpty())
        object = cteName;
    else
        object = namedObject;
    QString text;
    if (!index.isEmpty())
        text = QStringLiteral("using ") + quoted(index) + QLatin1Char(' ');
    if (object.isEmpty() && alias.isEmpty())
        return text.trimmed();
    text += QStringLiteral("on");
    if (!object.isEmpty())
        text += QLatin1Char(' ')
            + (schema.isEmpty() ? QString() : quoted(schema) + QLatin1Char('.')) + quoted(object);
    if (!alias.isEmpty() && alias != object)
        text += QLatin1Char(' ') + quoted(alias);
    return text;
}

QString PlanNode::keyTextOf(const QJsonObject &fields)
{
    static const std::pair<const char *, const char *> keys[] = {
        {"Sort Key", "by "},
        {"Group Key", "by "},
        {"Presorted Key", "by "},
        {"Hash Cond", "on "},
        {"Merge Cond", "on "},
        {"Join Filter", "on "},
        {"Index Cond", "where "},
        {"Recheck Cond", "where "},
        {"One-Time Filter", "if "},
        {"Filter", "where "},
        {"Cache Key", "by "},
    };
    for (const auto &[key, prefix] : keys) {
        const QJsonValue value = fields.value(QLatin1String(key));
        if (planHas(value))
            return QLatin1String(prefix) + planString(value);
    }
    return {};
}

QString PlanNode::title() const
{
    const QString where = target();
    return where.isEmpty() ? label() : label() + QLatin1Char(' ') + where;
}

QJsonObject PlanNode::fields() const
{
    return planUnpackFields(packedFields);
}

QJsonObject PlanWorker::fields() const
{
    return planUnpackFields(packedFields);
}

bool PlanNode::spills() const
{
    return sortSpaceType == QLatin1String("Disk") || originalHashBatches > 1 || hashBatches > 1
        || hashAggBatches > 1 || diskUsageKb > 0;
}

} // namespace tusk::core
