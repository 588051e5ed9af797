#include "addingforeignkeyconstraint.h"

#include "altercommands.h"
#include "statementfix.h"

#include "core/lint/nodetext.h"

#include <pg_query/pg_query.pb-c.h>

namespace tusk::core {

const RuleInfo &AddingForeignKeyConstraint::info() const
{
    static const RuleInfo info {
        QStringLiteral("adding-foreign-key-constraint"),
        Severity::Warning,
        QStringLiteral("Adding a validated FOREIGN KEY blocks writes to both tables during a "
                       "full scan"),
        QStringLiteral("ADD CONSTRAINT … FOREIGN KEY (and ADD COLUMN … REFERENCES) takes SHARE "
                       "ROW EXCLUSIVE on the table and on the referenced table, then checks "
                       "every existing row against the referenced table before it commits: "
                       "INSERT, UPDATE and DELETE on both tables wait for the whole scan."),
        QStringLiteral("ALTER TABLE t ADD CONSTRAINT t_x_fkey FOREIGN KEY (x) REFERENCES p (id) "
                       "NOT VALID; (new rows are checked at once, the brief lock checks no old "
                       "ones) then, in a later transaction: ALTER TABLE t VALIDATE CONSTRAINT "
                       "t_x_fkey; which scans under SHARE UPDATE EXCLUSIVE on t and ROW SHARE on "
                       "p, so writes go on. For a new column: ADD COLUMN without REFERENCES "
                       "first, then the two steps."),
        {QStringLiteral("squawk"), QStringLiteral("strong_migrations"), QStringLiteral("eugene")},
        true,
        true,
    };
    return info;
}

QList<int> AddingForeignKeyConstraint::nodeKinds() const
{
    return {PG_QUERY__NODE__NODE_ALTER_TABLE_STMT};
}

void AddingForeignKeyConstraint::checkStatement(
    const LintInput &input, const ParsedStatement &statement, QList<Finding> &out) const
{
    const PgQuery__AlterTableStmt *alter = statement.node->alter_table_stmt;
    const QString table = NodeText::relation(alter->relation);
    const AlterCommands commands(alter);
    for (const auto &[con, column] :
        commands.addedConstraints(PG_QUERY__CONSTR_TYPE__CONSTR_FOREIGN)) {
        const QString referenced = NodeText::relation(con->pktable);
        if (column) {
            Finding f = finding(input, statement,
                QStringLiteral("ADD COLUMN %1 REFERENCES %2 checks every row of %3 while "
                               "writes to %3 and %2 wait")
                    .arg(QString::fromUtf8(column->colname), referenced, table),
                wordAt(input, statement, con->location));
            f.relation = table;
            f.note = QStringLiteral("a column's REFERENCES cannot be NOT VALID: add the "
                                    "column, then the constraint NOT VALID, then VALIDATE");
            out << std::move(f);
            continue;
        }
        if (con->skip_validation)
            continue;
        Finding f = finding(input, statement,
            QStringLiteral("ADD %1FOREIGN KEY on %2 checks every row of %2 while writes to %2 "
                           "and %3 wait")
                .arg(AlterCommands::constraintPrefix(con), table, referenced),
            wordAt(input, statement, con->location));
        f.relation = table;
        StatementFix::splitValidation(input, statement, QString::fromUtf8(con->conname), f);
        out << std::move(f);
    }
}

} // namespace tusk::core
