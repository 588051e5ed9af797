#include "statementeffects.h"

#include "parsedscript.h"

#include <pg_query/pg_query.pb-c.h>

namespace tusk::core {

namespace {

bool explainAnalyzes(const PgQuery__ExplainStmt *explain)
{
    for (size_t i = 0; i < explain->n_options; ++i) {
        const PgQuery__Node *option = explain->options[i];
        if (option->node_case != PG_QUERY__NODE__NODE_DEF_ELEM
            || qstrcmp(option->def_elem->defname, "analyze") != 0)
            continue;
        const PgQuery__Node *arg = option->def_elem->arg;
        if (!arg)
            return true; // bare ANALYZE
        if (arg->node_case == PG_QUERY__NODE__NODE_BOOLEAN)
            return arg->boolean->boolval;
        if (arg->node_case == PG_QUERY__NODE__NODE_STRING) {
            const QByteArray value = QByteArray(arg->string->sval).toLower();
            return value != "false" && value != "off" && value != "0";
        }
        return true;
    }
    return false;
}

StatementEffect ofSelect(const PgQuery__SelectStmt *select)
{
    if (!select)
        return StatementEffect::Read;
    if (select->into_clause)
        return StatementEffect::Schema; // SELECT … INTO creates a table
    if (select->n_locking_clause > 0)
        return StatementEffect::Write; // row locks block writers
    if (select->with_clause) {
        for (size_t i = 0; i < select->with_clause->n_ctes; ++i) {
            const PgQuery__Node *cte = select->with_clause->ctes[i];
            if (cte->node_case != PG_QUERY__NODE__NODE_COMMON_TABLE_EXPR)
                continue;
            const StatementEffect inner = StatementEffects::of(cte->common_table_expr->ctequery);
            if (inner != StatementEffect::Read)
                return inner;
        }
    }
    const StatementEffect left = ofSelect(select->larg);
    return left != StatementEffect::Read ? left : ofSelect(select->rarg);
}

} // namespace

StatementEffect StatementEffects::of(const PgQuery__Node *statement)
{
    if (!statement)
        return StatementEffect::Unparsed;
    switch (statement->node_case) {
    case PG_QUERY__NODE__NODE_SELECT_STMT:
        return ofSelect(statement->select_stmt);
    case PG_QUERY__NODE__NODE_VARIABLE_SHOW_STMT:
        return StatementEffect::Read;
    case PG_QUERY__NODE__NODE_EXPLAIN_STMT:
        return explainAnalyzes(statement->explain_stmt) ? of(statement->explain_stmt->query)
                                                        : StatementEffect::Read;
    case PG_QUERY__NODE__NODE_DECLARE_CURSOR_STMT: {
        const StatementEffect inner = of(statement->declare_cursor_stmt->query);
        return inner == StatementEffect::Read ? StatementEffect::Session : inner;
    }
    case PG_QUERY__NODE__NODE_PREPARE_STMT: // runs nothing until EXECUTE
    case PG_QUERY__NODE__NODE_TRANSACTION_STMT:
    case PG_QUERY__NODE__NODE_VARIABLE_SET_STMT:
    case PG_QUERY__NODE__NODE_DISCARD_STMT:
    case PG_QUERY__NODE__NODE_LISTEN_STMT:
    case PG_QUERY__NODE__NODE_UNLISTEN_STMT:
    case PG_QUERY__NODE__NODE_NOTIFY_STMT:
    case PG_QUERY__NODE__NODE_DEALLOCATE_STMT:
    case PG_QUERY__NODE__NODE_FETCH_STMT:
    case PG_QUERY__NODE__NODE_CLOSE_PORTAL_STMT:
        return StatementEffect::Session;
    case PG_QUERY__NODE__NODE_INSERT_STMT:
    case PG_QUERY__NODE__NODE_UPDATE_STMT:
    case PG_QUERY__NODE__NODE_DELETE_STMT:
    case PG_QUERY__NODE__NODE_MERGE_STMT:
    case PG_QUERY__NODE__NODE_TRUNCATE_STMT:
    case PG_QUERY__NODE__NODE_CALL_STMT:
    case PG_QUERY__NODE__NODE_DO_STMT:
    case PG_QUERY__NODE__NODE_EXECUTE_STMT:
    case PG_QUERY__NODE__NODE_LOCK_STMT:
        return StatementEffect::Write;
    case PG_QUERY__NODE__NODE_COPY_STMT:
        // COPY … TO reads; COPY … FROM and COPY (query) TO follow their data.
        if (statement->copy_stmt->is_from)
            return StatementEffect::Write;
        return statement->copy_stmt->query ? of(statement->copy_stmt->query)
                                           : StatementEffect::Read;
    default:
        return StatementEffect::Schema;
    }
}

QList<StatementEffects::Item> StatementEffects::ofScript(const QByteArray &sql)
{
    ParsedScript script(sql, 1);
    QList<Item> items;
    items.reserve(script.statements().size());
    for (const ParsedStatement &statement : script.statements()) {
        const QByteArray text =
            sql.mid(statement.range.begin, statement.range.end - statement.range.begin);
        items.append({of(statement.node), QString::fromUtf8(text)});
    }
    return items;
}

bool StatementEffects::changesSomething(StatementEffect effect)
{
    return effect == StatementEffect::Write || effect == StatementEffect::Schema
        || effect == StatementEffect::Unparsed;
}

QString StatementEffects::name(StatementEffect effect)
{
    switch (effect) {
    case StatementEffect::Read:
        return QStringLiteral("reads");
    case StatementEffect::Session:
        return QStringLiteral("session");
    case StatementEffect::Write:
        return QStringLiteral("writes data");
    case StatementEffect::Schema:
        return QStringLiteral("changes schema");
    case StatementEffect::Unparsed:
        return QStringLiteral("does not parse");
    }
    return {};
}

} // namespace tusk::core
