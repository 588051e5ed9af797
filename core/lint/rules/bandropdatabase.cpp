#include "bandropdatabase.h"

#include <pg_query/pg_query.pb-c.h>

namespace tusk::core {

const RuleInfo &BanDropDatabase::info() const
{
    static const RuleInfo info {
        QStringLiteral("ban-drop-database"),
        Severity::Warning,
        QStringLiteral("DROP DATABASE in a migration"),
        QStringLiteral("DROP DATABASE removes every table, and every byte of data, of a database "
                       "at once and cannot run inside a transaction, so nothing rolls it back. "
                       "With FORCE (PostgreSQL 13+) it also terminates every session connected "
                       "to it."),
        QStringLiteral("Keep database creation and removal out of migrations: drop databases "
                       "by hand, after a backup, with the applications that use them stopped."),
        {QStringLiteral("squawk")},
        false,
    };
    return info;
}

QList<int> BanDropDatabase::nodeKinds() const
{
    return {PG_QUERY__NODE__NODE_DROPDB_STMT};
}

void BanDropDatabase::checkStatement(
    const LintInput &input, const ParsedStatement &statement, QList<Finding> &out) const
{
    const QString name = QString::fromUtf8(statement.node->dropdb_stmt->dbname);
    out << finding(input, statement,
        QStringLiteral("dropping database %1 deletes all of its data, with no rollback").arg(name));
}

} // namespace tusk::core
