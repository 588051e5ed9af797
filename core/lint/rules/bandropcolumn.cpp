#include "bandropcolumn.h"

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

PgQuery__AlterTableType BanDropColumn::subtype() const
{
    return PG_QUERY__ALTER_TABLE_TYPE__AT_DropColumn;
}

QString BanDropColumn::message() const
{
    return QStringLiteral("dropping %1.%2 deletes its data and breaks clients that still use it");
}

} // namespace tusk::core
