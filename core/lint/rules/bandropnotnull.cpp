#include "bandropnotnull.h"

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

PgQuery__AlterTableType BanDropNotNull::subtype() const
{
    return PG_QUERY__ALTER_TABLE_TYPE__AT_DropNotNull;
}

QString BanDropNotNull::message() const
{
    return QStringLiteral("dropping NOT NULL on %1.%2 lets NULLs reach code that assumes none");
}

} // namespace tusk::core
