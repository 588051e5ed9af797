#include "requireconcurrentpartitiondetach.h"

#include "altercommands.h"
#include "statementfix.h"

#include "core/lint/nodetext.h"

#include <pg_query/pg_query.pb-c.h>

namespace tusk::core {

const RuleInfo &RequireConcurrentPartitionDetach::info() const
{
    static const RuleInfo info {
        QStringLiteral("require-concurrent-partition-detach"),
        Severity::Warning,
        QStringLiteral("DETACH PARTITION without CONCURRENTLY blocks the partitioned table"),
        QStringLiteral("A plain DETACH PARTITION takes ACCESS EXCLUSIVE on the partitioned "
                       "table and on the partition. The detach itself is a catalog change, but "
                       "it first waits for every running query on the table, and every new "
                       "read and write of any partition queues behind it meanwhile."),
        QStringLiteral("ALTER TABLE parent DETACH PARTITION part CONCURRENTLY; (PostgreSQL 14 "
                       "and later) outside a transaction block: SHARE UPDATE EXCLUSIVE, two "
                       "transactions, reads and writes go on. It is refused when the table has "
                       "a DEFAULT partition; if it is interrupted, finish it with DETACH "
                       "PARTITION part FINALIZE."),
        {QStringLiteral("squawk")},
        true,
        true,
    };
    return info;
}

QList<int> RequireConcurrentPartitionDetach::nodeKinds() const
{
    return {PG_QUERY__NODE__NODE_ALTER_TABLE_STMT};
}

void RequireConcurrentPartitionDetach::checkStatement(
    const LintInput &input, const ParsedStatement &statement, QList<Finding> &out) const
{
    // Before 14 there is no online form to point to.
    if (input.options.serverVersion < 140000)
        return;
    const PgQuery__AlterTableStmt *alter = statement.node->alter_table_stmt;
    const AlterCommands commands(alter);
    for (const PgQuery__AlterTableCmd *cmd :
        commands.ofType(PG_QUERY__ALTER_TABLE_TYPE__AT_DetachPartition)) {
        if (!cmd->def || cmd->def->node_case != PG_QUERY__NODE__NODE_PARTITION_CMD
            || cmd->def->partition_cmd->concurrent)
            continue;
        const QString table = NodeText::relation(alter->relation);
        const PgQuery__RangeVar *part = cmd->def->partition_cmd->name;
        Finding f = finding(input, statement,
            QStringLiteral("DETACH PARTITION %1 takes ACCESS EXCLUSIVE on %2: reads and writes "
                           "of every partition wait")
                .arg(NodeText::relation(part), table),
            part ? wordAt(input, statement, part->location) : ByteRange {});
        f.relation = table;
        if (input.states.at(statement.index).inTransaction)
            f.note = QStringLiteral("DETACH PARTITION CONCURRENTLY cannot run inside a "
                                    "transaction block: move it to a migration of its own");
        else if (alter->n_cmds == 1) {
            // DETACH PARTITION stands alone in its ALTER TABLE; CONCURRENTLY ends it.
            const qsizetype end = StatementFix::end(input, statement);
            f.fix << TextEdit {{end, end}, " CONCURRENTLY"};
        }
        out << std::move(f);
    }
}

} // namespace tusk::core
