#include "renamingschema.h"

#include <pg_query/pg_query.pb-c.h>

namespace tusk::core {

const RuleInfo &RenamingSchema::info() const
{
    static const RuleInfo info {
        QStringLiteral("renaming-schema"),
        Severity::Warning,
        QStringLiteral("ALTER SCHEMA … RENAME breaks every client that names the schema"),
        QStringLiteral("Renaming a schema is a quick catalog change under an ACCESS EXCLUSIVE "
                       "lock on the schema, but at its commit every qualified name in the "
                       "running application, in other services, in search_path settings of "
                       "roles and databases, and in function bodies stops resolving: queries "
                       "fail until every client is deployed again. strong_migrations flags it "
                       "for the same reason."),
        QStringLiteral("Create the new schema, move objects into it one by one (ALTER TABLE … "
                       "SET SCHEMA, each a brief lock), keep a view or a search_path entry for "
                       "the old name while clients move, and drop the old schema last. Or keep "
                       "the old name."),
        {QStringLiteral("strong_migrations")},
        false,
    };
    return info;
}

QList<int> RenamingSchema::nodeKinds() const
{
    return {PG_QUERY__NODE__NODE_RENAME_STMT};
}

void RenamingSchema::checkStatement(
    const LintInput &input, const ParsedStatement &statement, QList<Finding> &out) const
{
    const PgQuery__RenameStmt *rename = statement.node->rename_stmt;
    if (rename->rename_type != PG_QUERY__OBJECT_TYPE__OBJECT_SCHEMA)
        return;
    out << finding(input, statement,
        QStringLiteral("renaming schema %1 to %2 breaks every query that names %1 the moment it "
                       "commits")
            .arg(QString::fromUtf8(rename->subname), QString::fromUtf8(rename->newname)));
}

} // namespace tusk::core
