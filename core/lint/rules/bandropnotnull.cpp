#include "bandropnotnull.h"

#include "lint/nodetext.h"
#include "lint/scriptfacts.h"

#include <pg_query/pg_query.pb-c.h>

namespace tusk::core {

const RuleInfo &BanDropNotNull::info() const
{
    static const RuleInfo info {
        QStringLiteral("ban-drop-not-null"),
        Severity::Warning,
        QStringLiteral("DROP NOT NULL breaks clients that rely on the column being set"),
        QStringLiteral("DROP NOT NULL is catalog-only (a short ACCESS EXCLUSIVE lock), but "
                       "application code, reports and PL/pgSQL written for a column that is "
                       "never NULL start meeting NULLs: null-pointer errors, rows missing from "
                       "= comparisons and joins, wrong aggregates. Old application versions in "
                       "a rolling deploy cannot know."),
        QStringLiteral("First make every reader handle NULL (or write a marker value instead of "
                       "NULL), deploy that, and only then drop the constraint. If NULL must be "
                       "hidden from old readers, copy to a new table without the constraint and "
                       "put a view with the old name in front that substitutes a marker."),
        {QStringLiteral("squawk")},
        false,
    };
    return info;
}

QList<int> BanDropNotNull::nodeKinds() const
{
    return {PG_QUERY__NODE__NODE_ALTER_TABLE_STMT};
}

void BanDropNotNull::checkStatement(
    const LintInput &input, const ParsedStatement &statement, QList<Finding> &out) const
{
    const PgQuery__AlterTableStmt *alter = statement.node->alter_table_stmt;
    const QString table = NodeText::relation(alter->relation);
    // No client relies on a table this script created.
    if (input.facts.createdBefore(table, statement.index - 1))
        return;
    for (size_t i = 0; i < alter->n_cmds; ++i) {
        if (alter->cmds[i]->node_case != PG_QUERY__NODE__NODE_ALTER_TABLE_CMD)
            continue;
        const PgQuery__AlterTableCmd *cmd = alter->cmds[i]->alter_table_cmd;
        if (cmd->subtype != PG_QUERY__ALTER_TABLE_TYPE__AT_DropNotNull)
            continue;
        Finding f = finding(input, statement,
            QStringLiteral("dropping NOT NULL on %1.%2 lets NULLs reach code that assumes none")
                .arg(table, QString::fromUtf8(cmd->name)));
        f.relation = table;
        out << f;
    }
}

} // namespace tusk::core
