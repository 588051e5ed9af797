#include "breakingalterrule.h"

#include "altercommands.h"

#include "core/lint/nodetext.h"
#include "core/lint/scriptfacts.h"

namespace tusk::core {

QList<int> BreakingAlterRule::nodeKinds() const
{
    return {PG_QUERY__NODE__NODE_ALTER_TABLE_STMT};
}

void BreakingAlterRule::checkStatement(
    const LintInput &input, const ParsedStatement &statement, QList<Finding> &out) const
{
    const PgQuery__AlterTableStmt *alter = statement.node->alter_table_stmt;
    const QString table = NodeText::relation(alter->relation);
    // A table this script created holds no data yet, and no client relies
    // on it.
    if (input.facts.createdBefore(table, statement.index - 1))
        return;
    const AlterCommands commands(alter);
    for (const PgQuery__AlterTableCmd *cmd : commands.ofType(subtype())) {
        Finding f = finding(input, statement, message().arg(table, QString::fromUtf8(cmd->name)));
        f.relation = table;
        out << std::move(f);
    }
}

} // namespace tusk::core
