#include "banconcurrentindexcreationintransaction.h"

#include "statementfix.h"

#include "core/lint/nodetext.h"

#include <pg_query/pg_query.pb-c.h>

namespace tusk::core {

namespace {
// The concurrent command a statement runs, and the table it names; empty
// when the statement runs nothing concurrently.
QPair<QString, QString> concurrentCommand(const PgQuery__Node *node)
{
    switch (node->node_case) {
    case PG_QUERY__NODE__NODE_INDEX_STMT:
        if (node->index_stmt->concurrent)
            return {QStringLiteral("CREATE INDEX CONCURRENTLY"),
                NodeText::relation(node->index_stmt->relation)};
        break;
    case PG_QUERY__NODE__NODE_DROP_STMT:
        if (node->drop_stmt->concurrent && node->drop_stmt->n_objects > 0)
            return {QStringLiteral("DROP INDEX CONCURRENTLY"),
                NodeText::dotted(node->drop_stmt->objects[0])};
        break;
    case PG_QUERY__NODE__NODE_REINDEX_STMT: {
        const PgQuery__ReindexStmt *reindex = node->reindex_stmt;
        if (StatementFix::hasOption(reindex->params, reindex->n_params, "concurrently"))
            return {QStringLiteral("REINDEX CONCURRENTLY"),
                reindex->relation ? NodeText::relation(reindex->relation)
                                  : QString::fromUtf8(reindex->name)};
        break;
    }
    case PG_QUERY__NODE__NODE_ALTER_TABLE_STMT: {
        const PgQuery__AlterTableStmt *alter = node->alter_table_stmt;
        for (size_t i = 0; i < alter->n_cmds; ++i) {
            const PgQuery__Node *cmd = alter->cmds[i];
            if (cmd->node_case != PG_QUERY__NODE__NODE_ALTER_TABLE_CMD
                || cmd->alter_table_cmd->subtype != PG_QUERY__ALTER_TABLE_TYPE__AT_DetachPartition)
                continue;
            const PgQuery__Node *def = cmd->alter_table_cmd->def;
            if (def && def->node_case == PG_QUERY__NODE__NODE_PARTITION_CMD
                && def->partition_cmd->concurrent)
                return {QStringLiteral("DETACH PARTITION CONCURRENTLY"),
                    NodeText::relation(alter->relation)};
        }
        break;
    }
    default:
        break;
    }
    return {};
}
} // namespace

const RuleInfo &BanConcurrentIndexCreationInTransaction::info() const
{
    static const RuleInfo info {
        QStringLiteral("ban-concurrent-index-creation-in-transaction"),
        Severity::Error,
        QStringLiteral("A CONCURRENTLY command inside a transaction block fails"),
        QStringLiteral("CREATE INDEX CONCURRENTLY, DROP INDEX CONCURRENTLY, REINDEX CONCURRENTLY "
                       "and DETACH PARTITION CONCURRENTLY commit internally between their "
                       "phases, so PostgreSQL refuses them inside BEGIN … COMMIT (or a migration "
                       "tool's implicit transaction): \"cannot run inside a transaction block\". "
                       "The migration stops there, and everything before it in the transaction "
                       "is rolled back."),
        QStringLiteral("Run the statement outside any transaction: end the transaction before "
                       "it (COMMIT; CREATE INDEX CONCURRENTLY …;), or put it in a migration of "
                       "its own with the tool's transaction turned off (Rails "
                       "disable_ddl_transaction!, Flyway executeInTransaction=false, "
                       "graphile-migrate --! no-transaction)."),
        {QStringLiteral("squawk")},
        false,
    };
    return info;
}

QList<int> BanConcurrentIndexCreationInTransaction::nodeKinds() const
{
    return {PG_QUERY__NODE__NODE_INDEX_STMT, PG_QUERY__NODE__NODE_DROP_STMT,
        PG_QUERY__NODE__NODE_REINDEX_STMT, PG_QUERY__NODE__NODE_ALTER_TABLE_STMT};
}

void BanConcurrentIndexCreationInTransaction::checkStatement(
    const LintInput &input, const ParsedStatement &statement, QList<Finding> &out) const
{
    const StatementState &state = input.states.at(statement.index);
    if (!state.inTransaction)
        return;
    const auto [command, relation] = concurrentCommand(statement.node);
    if (command.isEmpty())
        return;
    Finding f = finding(input, statement,
        QStringLiteral("%1 cannot run inside a transaction block: this statement fails")
            .arg(command));
    f.relation = relation;
    // PostgreSQL refuses the statement before it locks anything.
    f.lock = QStringLiteral("none: the statement is refused before it takes a lock");
    f.note = input.options.assumeInTransaction
        ? QStringLiteral("the file runs inside one transaction (assumed for the whole file)")
        : QStringLiteral("inside the transaction opened by BEGIN");
    out << std::move(f);
}

} // namespace tusk::core
