#include "renamingtable.h"

#include "core/lint/nodetext.h"
#include "core/lint/scriptfacts.h"

#include <pg_query/pg_query.pb-c.h>

namespace tusk::core {

const RuleInfo &RenamingTable::info() const
{
    static const RuleInfo info {
        QStringLiteral("renaming-table"),
        Severity::Warning,
        QStringLiteral("RENAME TO on a table breaks clients that use the old name"),
        QStringLiteral("The rename itself is instant (a short ACCESS EXCLUSIVE lock), but from "
                       "its commit every query and ORM model that names the old table fails "
                       "with \"relation does not exist\". In a rolling deploy the old "
                       "application version is still running when the migration commits."),
        QStringLiteral("Rename and leave a view under the old name in the same transaction: "
                       "BEGIN; ALTER TABLE old_name RENAME TO new_name; CREATE VIEW old_name AS "
                       "SELECT * FROM new_name; COMMIT; (a simple view is updatable, so old "
                       "code keeps reading and writing), switch the code to new_name, then drop "
                       "the view. Or expand and contract with a new table kept in sync."),
        {QStringLiteral("squawk"), QStringLiteral("strong_migrations")},
        false,
    };
    return info;
}

QList<int> RenamingTable::nodeKinds() const
{
    return {PG_QUERY__NODE__NODE_RENAME_STMT};
}

void RenamingTable::checkStatement(
    const LintInput &input, const ParsedStatement &statement, QList<Finding> &out) const
{
    const PgQuery__RenameStmt *rename = statement.node->rename_stmt;
    if (rename->rename_type != PG_QUERY__OBJECT_TYPE__OBJECT_TABLE || !rename->relation)
        return;
    const QString table = NodeText::relation(rename->relation);
    if (input.facts.createdBefore(table, statement.index - 1))
        return;
    Finding f = finding(input, statement,
        QStringLiteral("renaming table %1 to %2 breaks every running client that still uses %1")
            .arg(table, QString::fromUtf8(rename->newname)));
    f.relation = table;
    out << std::move(f);
}

} // namespace tusk::core
