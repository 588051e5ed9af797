#include "addingfieldwithdefault.h"

#include "altercommands.h"

#include "core/lint/columnfill.h"
#include "core/lint/nodetext.h"

#include <pg_query/pg_query.pb-c.h>

namespace tusk::core {

const RuleInfo &AddingFieldWithDefault::info() const
{
    static const RuleInfo info {
        QStringLiteral("adding-field-with-default"),
        Severity::Warning,
        QStringLiteral("ADD COLUMN whose default or generation rewrites the table"),
        QStringLiteral("ADD COLUMN takes ACCESS EXCLUSIVE on the table. From PostgreSQL 11 a "
                       "constant or stable default is stored once in the catalog and the "
                       "statement is instant; but a volatile default (random(), "
                       "gen_random_uuid(), clock_timestamp(), nextval()), serial, an identity "
                       "column, a stored generated column, or any default before PostgreSQL 11 "
                       "is computed and written into every row: the whole table and its indexes "
                       "are rewritten while every read and write waits."),
        QStringLiteral("Add the column without the default (or with a constant one), then ALTER "
                       "TABLE … ALTER COLUMN … SET DEFAULT … so new rows get it (catalog-only), "
                       "and backfill existing rows in batches: UPDATE t SET c = … WHERE id "
                       "BETWEEN … AND …. For a generated column, fill a plain column by trigger "
                       "and backfill; for ids, add a nullable bigint, attach a sequence as its "
                       "default, backfill, then add the NOT NULL online."),
        {QStringLiteral("squawk"), QStringLiteral("strong_migrations"), QStringLiteral("eugene")},
    };
    return info;
}

QList<int> AddingFieldWithDefault::nodeKinds() const
{
    return {PG_QUERY__NODE__NODE_ALTER_TABLE_STMT};
}

void AddingFieldWithDefault::checkStatement(
    const LintInput &input, const ParsedStatement &statement, QList<Finding> &out) const
{
    const PgQuery__AlterTableStmt *alter = statement.node->alter_table_stmt;
    const QString table = NodeText::relation(alter->relation);
    const AlterCommands commands(alter);
    for (const PgQuery__ColumnDef *column : commands.addedColumns()) {
        const ColumnFill fill = ColumnFill::of(column, input.options.serverVersion, input.catalog);
        if (fill.cost != ColumnFill::Cost::Rewrite)
            continue;
        Finding f = finding(input, statement,
            QStringLiteral("ALTER TABLE %1 ADD COLUMN %2 rewrites %1 under ACCESS EXCLUSIVE: %3")
                .arg(table, QString::fromUtf8(column->colname), fill.reason),
            wordAt(input, statement, column->location));
        f.relation = table;
        out << std::move(f);
    }
}

} // namespace tusk::core
