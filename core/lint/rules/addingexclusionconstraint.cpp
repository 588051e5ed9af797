#include "addingexclusionconstraint.h"

#include "altercommands.h"

#include "core/lint/nodetext.h"

#include <pg_query/pg_query.pb-c.h>

namespace tusk::core {

const RuleInfo &AddingExclusionConstraint::info() const
{
    static const RuleInfo info {
        QStringLiteral("adding-exclusion-constraint"),
        Severity::Warning,
        QStringLiteral("ADD CONSTRAINT … EXCLUDE builds its index while the table is locked"),
        QStringLiteral("Adding an exclusion constraint builds its index (usually GiST) and "
                       "checks every pair of conflicting rows inside the ALTER TABLE, holding "
                       "ACCESS EXCLUSIVE on the table: no reads, no writes until it ends. "
                       "Unlike UNIQUE and PRIMARY KEY there is no USING INDEX form, so the index "
                       "cannot be built concurrently beforehand."),
        QStringLiteral("There is no online way. Add the constraint when the table is created, "
                       "or in a maintenance window with a short lock_timeout; or enforce the "
                       "rule in the application (or a trigger taking advisory locks) while a "
                       "plain index built CONCURRENTLY serves the lookups."),
        {QStringLiteral("strong_migrations"), QStringLiteral("eugene")},
    };
    return info;
}

QList<int> AddingExclusionConstraint::nodeKinds() const
{
    return {PG_QUERY__NODE__NODE_ALTER_TABLE_STMT};
}

void AddingExclusionConstraint::checkStatement(
    const LintInput &input, const ParsedStatement &statement, QList<Finding> &out) const
{
    const PgQuery__AlterTableStmt *alter = statement.node->alter_table_stmt;
    const QString table = NodeText::relation(alter->relation);
    const AlterCommands commands(alter);
    for (const PgQuery__Constraint *con :
        commands.tableConstraints(PG_QUERY__CONSTR_TYPE__CONSTR_EXCLUSION)) {
        Finding f = finding(input, statement,
            QStringLiteral("ADD %1EXCLUDE builds an exclusion index on %2 while it is locked "
                           "ACCESS EXCLUSIVE: reads and writes wait")
                .arg(AlterCommands::constraintPrefix(con), table),
            wordAt(input, statement, con->location));
        f.relation = table;
        out << std::move(f);
    }
}

} // namespace tusk::core
