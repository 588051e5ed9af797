#include "addingrequiredfield.h"

#include "altercommands.h"

#include "core/lint/columnfill.h"
#include "core/lint/nodetext.h"

#include <pg_query/pg_query.pb-c.h>

namespace tusk::core {

const RuleInfo &AddingRequiredField::info() const
{
    static const RuleInfo info {
        QStringLiteral("adding-required-field"),
        Severity::Warning,
        QStringLiteral("ADD COLUMN … NOT NULL without a DEFAULT"),
        QStringLiteral("A new NOT NULL column without a default would be NULL in every existing "
                       "row, so on a table with rows the statement fails (\"column … contains "
                       "null values\") after waiting for ACCESS EXCLUSIVE. Where it succeeds, "
                       "the running application, which does not know the column, can no "
                       "longer INSERT."),
        QStringLiteral("Add the column as nullable, deploy code that writes it, backfill in "
                       "batches, then add the NOT NULL online: ADD CONSTRAINT … CHECK (c IS NOT "
                       "NULL) NOT VALID, VALIDATE CONSTRAINT, then SET NOT NULL (PostgreSQL 12+ "
                       "uses the check and skips the scan). Or, from PostgreSQL 11, give it a "
                       "constant default: ADD COLUMN c boolean NOT NULL DEFAULT false is "
                       "instant."),
        {QStringLiteral("squawk")},
    };
    return info;
}

QList<int> AddingRequiredField::nodeKinds() const
{
    return {PG_QUERY__NODE__NODE_ALTER_TABLE_STMT};
}

void AddingRequiredField::checkStatement(
    const LintInput &input, const ParsedStatement &statement, QList<Finding> &out) const
{
    const PgQuery__AlterTableStmt *alter = statement.node->alter_table_stmt;
    const QString table = NodeText::relation(alter->relation);
    const AlterCommands commands(alter);
    for (const PgQuery__ColumnDef *column : commands.addedColumns()) {
        // PRIMARY KEY implies NOT NULL.
        bool notNull = false;
        for (size_t c = 0; c < column->n_constraints; ++c) {
            const PgQuery__Constraint *con = column->constraints[c]->constraint;
            if (con->contype == PG_QUERY__CONSTR_TYPE__CONSTR_NOTNULL
                || con->contype == PG_QUERY__CONSTR_TYPE__CONSTR_PRIMARY)
                notNull = true;
        }
        if (!notNull)
            continue;
        // Serial, identity and generated columns fill themselves
        // (adding-field-with-default speaks about their cost).
        const ColumnFill fill = ColumnFill::of(column, input.options.serverVersion, input.catalog);
        if (fill.hasDefault)
            continue;
        const QString name = QString::fromUtf8(column->colname);
        Finding f = finding(input, statement,
            QStringLiteral(
                "ALTER TABLE %1 ADD COLUMN %2 … NOT NULL has no DEFAULT: it fails if "
                "%1 has rows, and once added, inserts by code that does not know %2 fail")
                .arg(table, name),
            wordAt(input, statement, column->location));
        f.relation = table;
        out << std::move(f);
    }
}

} // namespace tusk::core
