#include "bandropcolumn.h"

#include "lint/nodetext.h"
#include "lint/scriptfacts.h"

#include <pg_query/pg_query.pb-c.h>

namespace tusk::core {

const RuleInfo &BanDropColumn::info() const
{
    static const RuleInfo info {
        QStringLiteral("ban-drop-column"),
        Severity::Warning,
        QStringLiteral("DROP COLUMN loses data and breaks clients that still use it"),
        QStringLiteral("DROP COLUMN is quick (it only marks the column dropped, under a short "
                       "ACCESS EXCLUSIVE lock), but the data is gone without a restore, and from "
                       "its commit every running query, INSERT and ORM model that names the "
                       "column fails. ORMs that cache the column list (Rails, Django) fail even "
                       "on SELECT *. CASCADE silently drops the views, indexes and constraints "
                       "that use it."),
        QStringLiteral("Contract in two releases: first deploy code that no longer reads or "
                       "writes the column (Rails: self.ignored_columns), then drop it in a later "
                       "migration, ideally after a backup or a copy of the data."),
        {QStringLiteral("squawk"), QStringLiteral("strong_migrations")},
        false,
    };
    return info;
}

QList<int> BanDropColumn::nodeKinds() const
{
    return {PG_QUERY__NODE__NODE_ALTER_TABLE_STMT};
}

void BanDropColumn::checkStatement(
    const LintInput &input, const ParsedStatement &statement, QList<Finding> &out) const
{
    const PgQuery__AlterTableStmt *alter = statement.node->alter_table_stmt;
    const QString table = NodeText::relation(alter->relation);
    // A column of a table this script created holds no data yet.
    if (input.facts.createdBefore(table, statement.index - 1))
        return;
    for (size_t i = 0; i < alter->n_cmds; ++i) {
        if (alter->cmds[i]->node_case != PG_QUERY__NODE__NODE_ALTER_TABLE_CMD)
            continue;
        const PgQuery__AlterTableCmd *cmd = alter->cmds[i]->alter_table_cmd;
        if (cmd->subtype != PG_QUERY__ALTER_TABLE_TYPE__AT_DropColumn)
            continue;
        Finding f = finding(input, statement,
            QStringLiteral("dropping %1.%2 deletes its data and breaks clients that still use it")
                .arg(table, QString::fromUtf8(cmd->name)));
        f.relation = table;
        out << f;
    }
}

} // namespace tusk::core
