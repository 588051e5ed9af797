#include "outsidetransaction.h"

#include "nodetext.h"
#include "rules/statementfix.h"

#include <pg_query/pg_query.pb-c.h>

namespace tusk::core {

namespace {
OutsideTransaction::Command concurrent(const char *name, const QString &relation)
{
    return {QString::fromLatin1(name), relation, true};
}

OutsideTransaction::Command detachConcurrently(const PgQuery__AlterTableStmt *alter)
{
    for (size_t i = 0; i < alter->n_cmds; ++i) {
        const PgQuery__Node *cmd = alter->cmds[i];
        if (cmd->node_case != PG_QUERY__NODE__NODE_ALTER_TABLE_CMD
            || cmd->alter_table_cmd->subtype != PG_QUERY__ALTER_TABLE_TYPE__AT_DetachPartition)
            continue;
        const PgQuery__Node *def = cmd->alter_table_cmd->def;
        if (def && def->node_case == PG_QUERY__NODE__NODE_PARTITION_CMD
            && def->partition_cmd->concurrent)
            return concurrent("DETACH PARTITION CONCURRENTLY", NodeText::relation(alter->relation));
    }
    return {};
}
} // namespace

OutsideTransaction::Command OutsideTransaction::of(const PgQuery__Node *node)
{
    if (!node)
        return {};
    switch (node->node_case) {
    case PG_QUERY__NODE__NODE_INDEX_STMT:
        if (node->index_stmt->concurrent)
            return concurrent(
                "CREATE INDEX CONCURRENTLY", NodeText::relation(node->index_stmt->relation));
        break;
    case PG_QUERY__NODE__NODE_DROP_STMT:
        if (node->drop_stmt->concurrent && node->drop_stmt->n_objects > 0)
            return concurrent(
                "DROP INDEX CONCURRENTLY", NodeText::dotted(node->drop_stmt->objects[0]));
        break;
    case PG_QUERY__NODE__NODE_REINDEX_STMT: {
        const PgQuery__ReindexStmt *reindex = node->reindex_stmt;
        if (StatementFix::hasOption(reindex->params, reindex->n_params, "concurrently"))
            return concurrent("REINDEX CONCURRENTLY",
                reindex->relation ? NodeText::relation(reindex->relation)
                                  : QString::fromUtf8(reindex->name));
        break;
    }
    case PG_QUERY__NODE__NODE_ALTER_TABLE_STMT:
        return detachConcurrently(node->alter_table_stmt);
    case PG_QUERY__NODE__NODE_VACUUM_STMT:
        return {node->vacuum_stmt->is_vacuumcmd ? QStringLiteral("VACUUM") : QString(), {}, false};
    case PG_QUERY__NODE__NODE_CREATEDB_STMT:
        return {QStringLiteral("CREATE DATABASE"), {}, false};
    case PG_QUERY__NODE__NODE_DROPDB_STMT:
        return {QStringLiteral("DROP DATABASE"), {}, false};
    case PG_QUERY__NODE__NODE_ALTER_SYSTEM_STMT:
        return {QStringLiteral("ALTER SYSTEM"), {}, false};
    case PG_QUERY__NODE__NODE_CREATE_TABLE_SPACE_STMT:
        return {QStringLiteral("CREATE TABLESPACE"), {}, false};
    case PG_QUERY__NODE__NODE_DROP_TABLE_SPACE_STMT:
        return {QStringLiteral("DROP TABLESPACE"), {}, false};
    default:
        break;
    }
    return {};
}

} // namespace tusk::core
