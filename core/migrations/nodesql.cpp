#include "nodesql.h"

#include "core/lint/nodetext.h"
#include "core/sql/sqlidentifier.h"

#include <pg_query/pg_query.pb-c.h>

namespace tusk::core {

namespace {
NodeSql::Name nameOf(const QStringList &parts)
{
    NodeSql::Name out;
    if (parts.isEmpty())
        return out;
    out.name = parts.last();
    if (parts.size() >= 2)
        out.schema = parts.at(parts.size() - 2);
    QStringList quoted;
    for (const QString &part : parts)
        quoted << SqlIdentifier::quote(part);
    out.sql = quoted.join(QLatin1Char('.'));
    return out;
}

NodeSql::Function finish(NodeSql::Function f)
{
    f.sql = f.name.sql;
    f.key = f.name.name;
    if (f.argumentsKnown) {
        f.sql += QLatin1Char('(') + f.argumentTypes.join(QStringLiteral(", ")) + QLatin1Char(')');
        f.key += QLatin1Char('(') + f.argumentTypes.join(QLatin1Char(',')) + QLatin1Char(')');
    }
    return f;
}
} // namespace

NodeSql::Name NodeSql::relation(const PgQuery__RangeVar *range)
{
    if (!range || !range->relname)
        return {};
    QStringList parts;
    if (range->schemaname && *range->schemaname)
        parts << QString::fromUtf8(range->schemaname);
    parts << QString::fromUtf8(range->relname);
    return nameOf(parts);
}

NodeSql::Name NodeSql::dotted(const PgQuery__Node *node)
{
    if (!node)
        return {};
    switch (node->node_case) {
    case PG_QUERY__NODE__NODE_STRING:
        return nameOf({QString::fromUtf8(node->string->sval)});
    case PG_QUERY__NODE__NODE_LIST:
        return strings(node->list->items, node->list->n_items);
    case PG_QUERY__NODE__NODE_TYPE_NAME:
        return strings(node->type_name->names, node->type_name->n_names);
    default:
        return {};
    }
}

NodeSql::Name NodeSql::strings(PgQuery__Node *const *nodes, size_t count)
{
    return nameOf(NodeText::strings(nodes, count));
}

NodeSql::Member NodeSql::member(const PgQuery__Node *node)
{
    if (!node || node->node_case != PG_QUERY__NODE__NODE_LIST)
        return {};
    QStringList parts = NodeText::strings(node->list->items, node->list->n_items);
    if (parts.size() < 2)
        return {};
    Member out;
    out.name = parts.takeLast();
    // A database before the schema is not part of the name.
    out.table = nameOf(parts.mid(qMax(qsizetype(0), parts.size() - 2)));
    return out;
}

QString NodeSql::argumentType(const PgQuery__TypeName *type)
{
    if (!type || type->pct_type || type->n_names == 0)
        return {};
    QStringList parts = NodeText::strings(type->names, type->n_names);
    // The grammar writes built-in types as pg_catalog.int4; the bare
    // internal name reads back the same.
    if (parts.size() == 2 && parts.first() == QLatin1String("pg_catalog"))
        parts.removeFirst();
    QString out = nameOf(parts).sql;
    for (size_t i = 0; i < type->n_array_bounds; ++i)
        out += QStringLiteral("[]");
    return out;
}

NodeSql::Function NodeSql::function(const PgQuery__ObjectWithArgs *function)
{
    Function f;
    if (!function)
        return f;
    f.name = strings(function->objname, function->n_objname);
    f.argumentsKnown = !function->args_unspecified;
    for (size_t i = 0; f.argumentsKnown && i < function->n_objargs; ++i) {
        const PgQuery__Node *arg = function->objargs[i];
        const QString type = arg->node_case == PG_QUERY__NODE__NODE_TYPE_NAME
            ? argumentType(arg->type_name)
            : QString();
        f.argumentsKnown = !type.isEmpty();
        f.argumentTypes << type;
    }
    return finish(f);
}

NodeSql::Function NodeSql::function(PgQuery__Node *const *name, size_t nameParts,
    PgQuery__Node *const *parameters, size_t parameterCount)
{
    Function f;
    f.name = strings(name, nameParts);
    f.argumentsKnown = true;
    for (size_t i = 0; f.argumentsKnown && i < parameterCount; ++i) {
        if (parameters[i]->node_case != PG_QUERY__NODE__NODE_FUNCTION_PARAMETER)
            continue;
        const PgQuery__FunctionParameter *p = parameters[i]->function_parameter;
        // OUT and TABLE columns are not part of the signature.
        if (p->mode == PG_QUERY__FUNCTION_PARAMETER_MODE__FUNC_PARAM_OUT
            || p->mode == PG_QUERY__FUNCTION_PARAMETER_MODE__FUNC_PARAM_TABLE)
            continue;
        const QString type = argumentType(p->arg_type);
        f.argumentsKnown = !type.isEmpty();
        f.argumentTypes << type;
    }
    return finish(f);
}

} // namespace tusk::core
