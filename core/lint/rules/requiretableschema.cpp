#include "requiretableschema.h"

#include "core/lint/nodetext.h"

#include <pg_query/pg_query.pb-c.h>

namespace tusk::core {

const RuleInfo &RequireTableSchema::info() const
{
    static const RuleInfo info {
        QStringLiteral("require-table-schema"),
        Severity::Info,
        QStringLiteral("Table named without its schema"),
        QStringLiteral("An unqualified table name is resolved along the session's search_path: "
                       "CREATE TABLE puts the table in the first schema of the path, ALTER and "
                       "DROP act on the first match. The same migration can then create or "
                       "drop a different table depending on the role, the connection string or "
                       "a SET search_path earlier in the file."),
        QStringLiteral("Qualify the table: CREATE TABLE public.posts (…), ALTER TABLE "
                       "public.posts …, DROP TABLE public.posts."),
        {QStringLiteral("squawk")},
        false,
    };
    return info;
}

QList<int> RequireTableSchema::nodeKinds() const
{
    return {PG_QUERY__NODE__NODE_CREATE_STMT, PG_QUERY__NODE__NODE_CREATE_TABLE_AS_STMT,
        PG_QUERY__NODE__NODE_ALTER_TABLE_STMT, PG_QUERY__NODE__NODE_DROP_STMT};
}

void RequireTableSchema::checkStatement(
    const LintInput &input, const ParsedStatement &statement, QList<Finding> &out) const
{
    const PgQuery__Node *node = statement.node;
    auto report = [&](const QString &table, ByteRange range) {
        Finding f = finding(input, statement,
            QStringLiteral("table %1 is named without a schema: it depends on search_path")
                .arg(table),
            range);
        f.relation = table;
        out << std::move(f);
    };
    // Temporary tables live in their own schema, which cannot be named
    // portably; they are exempt.
    auto check = [&](const PgQuery__RangeVar *range) {
        if (!range || (range->schemaname && *range->schemaname)
            || (range->relpersistence && range->relpersistence[0] == 't'))
            return;
        report(NodeText::relation(range), wordAt(input, statement, range->location));
    };
    switch (node->node_case) {
    case PG_QUERY__NODE__NODE_CREATE_STMT:
        check(node->create_stmt->relation);
        break;
    case PG_QUERY__NODE__NODE_CREATE_TABLE_AS_STMT:
        if (node->create_table_as_stmt->objtype == PG_QUERY__OBJECT_TYPE__OBJECT_TABLE
            && node->create_table_as_stmt->into)
            check(node->create_table_as_stmt->into->rel);
        break;
    case PG_QUERY__NODE__NODE_ALTER_TABLE_STMT:
        if (node->alter_table_stmt->objtype == PG_QUERY__OBJECT_TYPE__OBJECT_TABLE)
            check(node->alter_table_stmt->relation);
        break;
    case PG_QUERY__NODE__NODE_DROP_STMT: {
        const PgQuery__DropStmt *drop = node->drop_stmt;
        if (drop->remove_type != PG_QUERY__OBJECT_TYPE__OBJECT_TABLE)
            break;
        for (size_t i = 0; i < drop->n_objects; ++i) {
            const PgQuery__Node *object = drop->objects[i];
            if (object->node_case == PG_QUERY__NODE__NODE_LIST && object->list->n_items == 1)
                report(NodeText::dotted(object), statement.range);
        }
        break;
    }
    default:
        break;
    }
}

} // namespace tusk::core
