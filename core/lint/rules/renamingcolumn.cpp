#include "renamingcolumn.h"

#include "core/lint/nodetext.h"
#include "core/lint/scriptfacts.h"

#include <pg_query/pg_query.pb-c.h>

namespace tusk::core {

const RuleInfo &RenamingColumn::info() const
{
    static const RuleInfo info {
        QStringLiteral("renaming-column"),
        Severity::Warning,
        QStringLiteral("RENAME COLUMN breaks clients that use the old name"),
        QStringLiteral("The rename itself is instant (a short ACCESS EXCLUSIVE lock), but from "
                       "its commit every query, prepared statement, view definition in code and "
                       "ORM mapping that names the old column fails with \"column does not "
                       "exist\". In a rolling deploy the old application version is still "
                       "running when the migration commits."),
        QStringLiteral("Expand and contract: add the new column, write both (in the application "
                       "or with a trigger), backfill in batches, switch reads to the new column, "
                       "stop writing the old one, and drop it in a later release."),
        {QStringLiteral("squawk"), QStringLiteral("strong_migrations")},
        false,
    };
    return info;
}

QList<int> RenamingColumn::nodeKinds() const
{
    return {PG_QUERY__NODE__NODE_RENAME_STMT};
}

void RenamingColumn::checkStatement(
    const LintInput &input, const ParsedStatement &statement, QList<Finding> &out) const
{
    const PgQuery__RenameStmt *rename = statement.node->rename_stmt;
    if (rename->rename_type != PG_QUERY__OBJECT_TYPE__OBJECT_COLUMN || !rename->relation)
        return;
    const QString table = NodeText::relation(rename->relation);
    // Nobody uses a column of a table this script created.
    if (input.facts.createdBefore(table, statement.index - 1))
        return;
    Finding f = finding(input, statement,
        QStringLiteral("renaming %1.%2 to %3 breaks every running client that still uses %2")
            .arg(table, QString::fromUtf8(rename->subname), QString::fromUtf8(rename->newname)));
    f.relation = table;
    out << std::move(f);
}

} // namespace tusk::core
