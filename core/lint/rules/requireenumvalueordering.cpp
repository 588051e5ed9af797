#include "requireenumvalueordering.h"

#include "core/lint/nodetext.h"

#include <pg_query/pg_query.pb-c.h>

namespace tusk::core {

const RuleInfo &RequireEnumValueOrdering::info() const
{
    static const RuleInfo info {
        QStringLiteral("require-enum-value-ordering"),
        Severity::Info,
        QStringLiteral("ALTER TYPE … ADD VALUE without BEFORE or AFTER"),
        QStringLiteral("Enum values compare in declaration order, and ADD VALUE without BEFORE "
                       "or AFTER appends the new one at the end. Where the order means something "
                       "(status, severity, priority), queries such as status < 'approved' and "
                       "ORDER BY status silently change meaning: a new 'pending_review' sorts "
                       "after 'rejected'."),
        QStringLiteral("Say where the value belongs: ALTER TYPE status ADD VALUE 'pending_review' "
                       "BEFORE 'approved'; (or AFTER 'submitted'). Appending is fine when the "
                       "order is meaningless; say so with an ignore comment."),
        {QStringLiteral("squawk")},
        false,
    };
    return info;
}

QList<int> RequireEnumValueOrdering::nodeKinds() const
{
    return {PG_QUERY__NODE__NODE_ALTER_ENUM_STMT};
}

void RequireEnumValueOrdering::checkStatement(
    const LintInput &input, const ParsedStatement &statement, QList<Finding> &out) const
{
    const PgQuery__AlterEnumStmt *alter = statement.node->alter_enum_stmt;
    const bool adds = !(alter->old_val && *alter->old_val);
    const bool placed = alter->new_val_neighbor && *alter->new_val_neighbor;
    if (!adds || placed)
        return;
    const QString type =
        NodeText::strings(alter->type_name, alter->n_type_name).join(QLatin1Char('.'));
    out << finding(input, statement,
        QStringLiteral("ADD VALUE '%1' to %2 appends it after every existing value: say "
                       "BEFORE or AFTER which value it belongs next to")
            .arg(QString::fromUtf8(alter->new_val), type));
}

} // namespace tusk::core
