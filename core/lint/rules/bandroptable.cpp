#include "bandroptable.h"

#include "core/lint/nodetext.h"
#include "core/lint/scriptfacts.h"

#include <pg_query/pg_query.pb-c.h>

namespace tusk::core {

const RuleInfo &BanDropTable::info() const
{
    static const RuleInfo info {
        QStringLiteral("ban-drop-table"),
        Severity::Warning,
        QStringLiteral("DROP TABLE loses data and breaks clients that still use it"),
        QStringLiteral("DROP TABLE waits for ACCESS EXCLUSIVE (queued behind every running "
                       "query, and blocking everything queued after it), then removes the "
                       "table and its data for good. Every client that still names the table "
                       "fails from the commit on; CASCADE also drops the views and foreign keys "
                       "that depend on it."),
        QStringLiteral("Contract in two releases: deploy code that no longer uses the table, "
                       "keep a copy (pg_dump -t, or ALTER TABLE … RENAME TO …_deprecated and "
                       "drop that later), then drop it in a later migration."),
        {QStringLiteral("squawk")},
        false,
    };
    return info;
}

QList<int> BanDropTable::nodeKinds() const
{
    return {PG_QUERY__NODE__NODE_DROP_STMT};
}

void BanDropTable::checkStatement(
    const LintInput &input, const ParsedStatement &statement, QList<Finding> &out) const
{
    const PgQuery__DropStmt *drop = statement.node->drop_stmt;
    if (drop->remove_type != PG_QUERY__OBJECT_TYPE__OBJECT_TABLE)
        return;
    for (size_t i = 0; i < drop->n_objects; ++i) {
        const QString table = NodeText::dotted(drop->objects[i]);
        // A table this script created holds nobody's data yet.
        if (table.isEmpty() || input.facts.createdBefore(table, statement.index - 1))
            continue;
        Finding f = finding(input, statement,
            QStringLiteral("dropping table %1 deletes its data and breaks clients that still "
                           "use it")
                .arg(table));
        f.relation = table;
        out << std::move(f);
    }
}

} // namespace tusk::core
