#include "renamingenumvalue.h"

#include "core/lint/nodetext.h"

#include <pg_query/pg_query.pb-c.h>

namespace tusk::core {

namespace {
// True when the script created the enum itself before `statement`: nothing
// uses its labels yet.
bool createdInScript(const LintInput &input, const QStringList &name, int statement)
{
    for (const ParsedStatement &s : input.script.statements()) {
        if (s.index >= statement)
            break;
        if (s.node && s.node->node_case == PG_QUERY__NODE__NODE_CREATE_ENUM_STMT
            && NodeText::strings(
                   s.node->create_enum_stmt->type_name, s.node->create_enum_stmt->n_type_name)
                == name)
            return true;
    }
    return false;
}
} // namespace

const RuleInfo &RenamingEnumValue::info() const
{
    static const RuleInfo info {
        QStringLiteral("renaming-enum-value"),
        Severity::Warning,
        QStringLiteral("ALTER TYPE … RENAME VALUE breaks clients that use the old label"),
        QStringLiteral("RENAME VALUE (PostgreSQL 10+) is catalog-only and every stored row "
                       "follows it, but the old label stops existing at the commit: running "
                       "application code that writes or compares it fails with \"invalid input "
                       "value for enum\", and so do function bodies, view definitions kept in "
                       "code, CHECK expressions written as text, and other services that spell "
                       "the label."),
        QStringLiteral("Add the new value (ALTER TYPE … ADD VALUE 'new' AFTER 'old'), deploy code "
                       "that reads both and writes the new one, move the rows in batches "
                       "(UPDATE … SET c = 'new' WHERE c = 'old'), and leave the old label unused: "
                       "enum values cannot be dropped, only the type recreated."),
        {},
        false,
    };
    return info;
}

QList<int> RenamingEnumValue::nodeKinds() const
{
    return {PG_QUERY__NODE__NODE_ALTER_ENUM_STMT};
}

void RenamingEnumValue::checkStatement(
    const LintInput &input, const ParsedStatement &statement, QList<Finding> &out) const
{
    const PgQuery__AlterEnumStmt *alter = statement.node->alter_enum_stmt;
    if (!alter->old_val || !*alter->old_val)
        return;
    const QStringList name = NodeText::strings(alter->type_name, alter->n_type_name);
    if (createdInScript(input, name, statement.index))
        return;
    const QString type = name.join(QLatin1Char('.'));
    out << finding(input, statement,
        QStringLiteral("renaming %1 value '%2' to '%3' breaks every client that still uses '%2'")
            .arg(type, QString::fromUtf8(alter->old_val), QString::fromUtf8(alter->new_val)));
}

} // namespace tusk::core
