#include "nodetext.h"

#include <pg_query/pg_query.pb-c.h>

#include <QVarLengthArray>

namespace tusk::core {

QString NodeText::relation(const PgQuery__RangeVar *range)
{
    if (!range || !range->relname)
        return {};
    if (!range->schemaname || !*range->schemaname)
        return QString::fromUtf8(range->relname);
    // Every rule asks for it: one allocation, not three.
    QVarLengthArray<char, 256> dotted;
    dotted.append(range->schemaname, qsizetype(qstrlen(range->schemaname)));
    dotted.append('.');
    dotted.append(range->relname, qsizetype(qstrlen(range->relname)));
    return QString::fromUtf8(dotted.constData(), dotted.size());
}

QStringList NodeText::strings(PgQuery__Node *const *nodes, size_t count)
{
    QStringList out;
    for (size_t i = 0; i < count; ++i) {
        if (nodes[i] && nodes[i]->node_case == PG_QUERY__NODE__NODE_STRING)
            out << QString::fromUtf8(nodes[i]->string->sval);
    }
    return out;
}

QString NodeText::dotted(const PgQuery__Node *node)
{
    if (!node)
        return {};
    if (node->node_case == PG_QUERY__NODE__NODE_STRING)
        return QString::fromUtf8(node->string->sval);
    if (node->node_case == PG_QUERY__NODE__NODE_LIST)
        return strings(node->list->items, node->list->n_items).join(QLatin1Char('.'));
    if (node->node_case == PG_QUERY__NODE__NODE_TYPE_NAME)
        return strings(node->type_name->names, node->type_name->n_names).join(QLatin1Char('.'));
    return {};
}

namespace {
// A bounded walk over the expression shapes that defaults use; deeper or
// unknown shapes end the walk (the rules then treat the default as unknown).
void collectCalls(const PgQuery__Node *node, QStringList &out, int depth)
{
    if (!node || depth > 32)
        return;
    auto walkList = [&](PgQuery__Node *const *items, size_t n) {
        for (size_t i = 0; i < n; ++i)
            collectCalls(items[i], out, depth + 1);
    };
    switch (node->node_case) {
    case PG_QUERY__NODE__NODE_FUNC_CALL: {
        const QStringList name =
            NodeText::strings(node->func_call->funcname, node->func_call->n_funcname);
        if (!name.isEmpty())
            out << name.last().toLower();
        walkList(node->func_call->args, node->func_call->n_args);
        break;
    }
    case PG_QUERY__NODE__NODE_TYPE_CAST:
        collectCalls(node->type_cast->arg, out, depth + 1);
        break;
    case PG_QUERY__NODE__NODE_A_EXPR:
        collectCalls(node->a_expr->lexpr, out, depth + 1);
        collectCalls(node->a_expr->rexpr, out, depth + 1);
        break;
    case PG_QUERY__NODE__NODE_BOOL_EXPR:
        walkList(node->bool_expr->args, node->bool_expr->n_args);
        break;
    case PG_QUERY__NODE__NODE_COALESCE_EXPR:
        walkList(node->coalesce_expr->args, node->coalesce_expr->n_args);
        break;
    case PG_QUERY__NODE__NODE_SQLVALUE_FUNCTION:
        // CURRENT_TIMESTAMP and friends: stable, like now().
        out << QStringLiteral("now");
        break;
    case PG_QUERY__NODE__NODE_LIST:
        walkList(node->list->items, node->list->n_items);
        break;
    case PG_QUERY__NODE__NODE_SUB_LINK:
        out << QStringLiteral("(subquery)");
        break;
    default:
        break;
    }
}
} // namespace

QStringList NodeText::calledFunctions(const PgQuery__Node *expression)
{
    QStringList out;
    collectCalls(expression, out, 0);
    return out;
}

} // namespace tusk::core
