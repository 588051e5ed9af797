#include "addingnotnullablefield.h"

#include "altercommands.h"
#include "statementfix.h"

#include "core/lint/nodetext.h"
#include "core/lint/schemafacts.h"
#include "core/lint/scriptfacts.h"
#include "core/sql/sqlidentifier.h"

#include <pg_query/pg_query.pb-c.h>

#include <QSet>

namespace tusk::core {

namespace {
// True when, by `statement`, a validated CHECK (column IS NOT NULL) exists:
// in the catalog, or added (and validated) by the script itself.
bool provenNotNull(
    const LintInput &input, const QString &table, const QString &column, int statement)
{
    QSet<QString> pending; // NOT VALID checks on the column, by name
    bool proven = false;
    if (const TableFacts *t = input.catalog ? input.catalog->table(table) : nullptr) {
        if (const ColumnFacts *c = t->column(column); c && c->notNull)
            return true;
        for (const CheckFacts &check : t->checks) {
            if (check.notNullColumn != column)
                continue;
            if (check.validated)
                proven = true;
            else
                pending.insert(check.name);
        }
    }
    // What the script itself proved (one pass, in ScriptFacts).
    if (input.facts.provesNotNull(table, column, statement))
        return true;
    // A NOT VALID check of the catalog that the script validates.
    for (const QString &name : std::as_const(pending)) {
        if (input.facts.validatesBefore(table, name, statement))
            return true;
    }
    return proven;
}
} // namespace

const RuleInfo &AddingNotNullableField::info() const
{
    static const RuleInfo info {
        QStringLiteral("adding-not-nullable-field"),
        Severity::Warning,
        QStringLiteral("SET NOT NULL scans the whole table under ACCESS EXCLUSIVE"),
        QStringLiteral("ALTER COLUMN … SET NOT NULL takes ACCESS EXCLUSIVE and reads every row "
                       "to prove there is no NULL: no reads, no writes for the whole scan. From "
                       "PostgreSQL 12 it skips the scan when a validated CHECK (col IS NOT NULL) "
                       "constraint already proves it; before 12 it always scans."),
        QStringLiteral("PostgreSQL 12+: ALTER TABLE t ADD CONSTRAINT t_col_not_null CHECK (col "
                       "IS NOT NULL) NOT VALID; ALTER TABLE t VALIDATE CONSTRAINT t_col_not_null; "
                       "(SHARE UPDATE EXCLUSIVE: reads and writes go on) ALTER TABLE t ALTER "
                       "COLUMN col SET NOT NULL; (no scan) ALTER TABLE t DROP CONSTRAINT "
                       "t_col_not_null; each outside one shared transaction. Before 12: keep the "
                       "validated CHECK instead of SET NOT NULL."),
        {QStringLiteral("squawk"), QStringLiteral("strong_migrations"), QStringLiteral("eugene")},
        true,
        true,
    };
    return info;
}

QList<int> AddingNotNullableField::nodeKinds() const
{
    return {PG_QUERY__NODE__NODE_ALTER_TABLE_STMT};
}

void AddingNotNullableField::checkStatement(
    const LintInput &input, const ParsedStatement &statement, QList<Finding> &out) const
{
    const PgQuery__AlterTableStmt *alter = statement.node->alter_table_stmt;
    const QString table = NodeText::relation(alter->relation);
    const int version = input.options.serverVersion;
    const AlterCommands commands(alter);
    for (const PgQuery__AlterTableCmd *cmd :
        commands.ofType(PG_QUERY__ALTER_TABLE_TYPE__AT_SetNotNull)) {
        const QString column = QString::fromUtf8(cmd->name);
        if (version >= 120000 && provenNotNull(input, table, column, statement.index))
            continue;
        Finding f = finding(input, statement,
            QStringLiteral("SET NOT NULL on %1.%2 scans every row of %1 under ACCESS EXCLUSIVE: "
                           "reads and writes wait")
                .arg(table, column));
        f.relation = table;
        if (version < 120000) {
            f.note = QStringLiteral("PostgreSQL %1 always scans for SET NOT NULL: keep a "
                                    "validated CHECK (%2 IS NOT NULL) instead until 12")
                         .arg(version / 10000)
                         .arg(column);
        } else if (input.states.at(statement.index).inTransaction) {
            f.note = QStringLiteral("the CHECK-then-SET NOT NULL steps need transactions of "
                                    "their own: this file runs inside one");
        } else if (StatementFix::singleCommand(statement)) {
            const QString t = StatementFix::relation(alter->relation);
            const QString c = StatementFix::ident(column);
            // Fitted to 63 bytes, as the server would otherwise cut the
            // suffix off and the check could take another constraint's name.
            const QString name = StatementFix::ident(SqlIdentifier::withSuffix(
                QString::fromUtf8(alter->relation->relname) + QLatin1Char('_') + column,
                QStringLiteral("_not_null")));
            const QString sql = QStringLiteral(
                "ALTER TABLE %1 ADD CONSTRAINT %3 CHECK (%2 IS NOT NULL) NOT VALID;\n"
                "ALTER TABLE %1 VALIDATE CONSTRAINT %3;\n"
                "ALTER TABLE %1 ALTER COLUMN %2 SET NOT NULL;\n"
                "ALTER TABLE %1 DROP CONSTRAINT %3")
                                    .arg(t, c, name);

            f.fix << StatementFix::replace(input, statement, sql);
        }
        out << std::move(f);
    }
}

} // namespace tusk::core
