#include "disalloweduniqueconstraint.h"

#include "altercommands.h"
#include "statementfix.h"

#include "core/lint/nodetext.h"

#include <pg_query/pg_query.pb-c.h>

namespace tusk::core {

namespace {
// The index build and the USING INDEX attach that replace a plain, named
// UNIQUE constraint; empty when the constraint carries options the rewrite
// would have to carry over.
QString concurrentRoute(const PgQuery__AlterTableStmt *alter, const PgQuery__Constraint *con)
{
    if (!(con->conname && *con->conname) || con->n_including > 0 || con->n_options > 0
        || (con->indexspace && *con->indexspace) || con->deferrable || con->initdeferred
        || con->nulls_not_distinct || con->n_keys == 0)
        return {};
    QStringList keys;
    for (const QString &key : NodeText::strings(con->keys, con->n_keys))
        keys << StatementFix::ident(key);
    if (keys.size() != int(con->n_keys))
        return {};
    const QString table = StatementFix::relation(alter->relation);
    const QString name = StatementFix::ident(QString::fromUtf8(con->conname));
    return QStringLiteral("CREATE UNIQUE INDEX CONCURRENTLY %1 ON %2 (%3);\n"
                          "ALTER TABLE %2 ADD CONSTRAINT %1 UNIQUE USING INDEX %1")
        .arg(name, table, keys.join(QStringLiteral(", ")));
}
} // namespace

const RuleInfo &DisallowedUniqueConstraint::info() const
{
    static const RuleInfo info {
        QStringLiteral("disallowed-unique-constraint"),
        Severity::Warning,
        QStringLiteral("ADD CONSTRAINT … UNIQUE builds its index while the table is locked"),
        QStringLiteral("Adding a UNIQUE constraint (or a column declared UNIQUE) builds the "
                       "unique index inside the ALTER TABLE, holding ACCESS EXCLUSIVE on the "
                       "table: no reads, no writes until every row is indexed."),
        QStringLiteral("CREATE UNIQUE INDEX CONCURRENTLY t_col_key ON t (col); (outside a "
                       "transaction; writes go on) then ALTER TABLE t ADD CONSTRAINT t_col_key "
                       "UNIQUE USING INDEX t_col_key; which only takes a brief ACCESS "
                       "EXCLUSIVE to attach the ready index."),
        {QStringLiteral("squawk"), QStringLiteral("strong_migrations"), QStringLiteral("eugene")},
        true,
        true,
    };
    return info;
}

QList<int> DisallowedUniqueConstraint::nodeKinds() const
{
    return {PG_QUERY__NODE__NODE_ALTER_TABLE_STMT};
}

void DisallowedUniqueConstraint::checkStatement(
    const LintInput &input, const ParsedStatement &statement, QList<Finding> &out) const
{
    const PgQuery__AlterTableStmt *alter = statement.node->alter_table_stmt;
    const QString table = NodeText::relation(alter->relation);
    const AlterCommands commands(alter);
    for (const auto &[con, column] :
        commands.addedConstraints(PG_QUERY__CONSTR_TYPE__CONSTR_UNIQUE)) {
        if (column) {
            Finding f = finding(input, statement,
                QStringLiteral("ADD COLUMN %1 … UNIQUE builds a unique index on %2 while it "
                               "is locked ACCESS EXCLUSIVE")
                    .arg(QString::fromUtf8(column->colname), table),
                wordAt(input, statement, con->location));
            f.relation = table;
            f.note = QStringLiteral("add the column without UNIQUE, then build the index "
                                    "CONCURRENTLY and attach it USING INDEX");
            out << std::move(f);
            continue;
        }
        // USING INDEX attaches an index built beforehand: the safe route.
        if (con->indexname && *con->indexname)
            continue;
        Finding f = finding(input, statement,
            QStringLiteral("ADD %1UNIQUE builds a unique index on %2 while it is locked ACCESS "
                           "EXCLUSIVE: reads and writes wait")
                .arg(AlterCommands::constraintPrefix(con), table),
            wordAt(input, statement, con->location));
        f.relation = table;
        const QString route = concurrentRoute(alter, con);
        if (input.states.at(statement.index).inTransaction)
            f.note = QStringLiteral("CREATE UNIQUE INDEX CONCURRENTLY cannot run inside a "
                                    "transaction block: this file runs inside one");
        else if (!route.isEmpty() && StatementFix::singleCommand(statement)
            && StatementFix::parses(route))
            f.fix << StatementFix::replace(input, statement, route);
        out << std::move(f);
    }
}

} // namespace tusk::core
