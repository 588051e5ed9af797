#include "addingforeignkeyconstraint.h"

#include "statementfix.h"

#include "lint/nodetext.h"

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
    const bool inTransaction = input.states.at(statement.index).inTransaction;
    for (size_t i = 0; i < alter->n_cmds; ++i) {
        if (alter->cmds[i]->node_case != PG_QUERY__NODE__NODE_ALTER_TABLE_CMD)
            continue;
        const PgQuery__AlterTableCmd *cmd = alter->cmds[i]->alter_table_cmd;
        if (!cmd->def)
            continue;
        if (cmd->subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_AddColumn
            && cmd->def->node_case == PG_QUERY__NODE__NODE_COLUMN_DEF) {
            const PgQuery__ColumnDef *column = cmd->def->column_def;
            for (size_t c = 0; c < column->n_constraints; ++c) {
                const PgQuery__Constraint *con = column->constraints[c]->constraint;
                if (con->contype != PG_QUERY__CONSTR_TYPE__CONSTR_FOREIGN)
                    continue;
                const QString referenced = NodeText::relation(con->pktable);
                Finding f = finding(input, statement,
                    QStringLiteral("ADD COLUMN %1 REFERENCES %2 checks every row of %3 while "
                                   "writes to %3 and %2 wait")
                        .arg(QString::fromUtf8(column->colname), referenced, table),
                    wordAt(input, statement, con->location));
                f.relation = table;
                f.note = QStringLiteral("a column's REFERENCES cannot be NOT VALID: add the "
                                        "column, then the constraint NOT VALID, then VALIDATE");
                out << f;
            }
            continue;
        }
        if (cmd->subtype != PG_QUERY__ALTER_TABLE_TYPE__AT_AddConstraint
            || cmd->def->node_case != PG_QUERY__NODE__NODE_CONSTRAINT)
            continue;
        const PgQuery__Constraint *con = cmd->def->constraint;
        if (con->contype != PG_QUERY__CONSTR_TYPE__CONSTR_FOREIGN || con->skip_validation)
            continue;
        const QString name = QString::fromUtf8(con->conname);
        const QString referenced = NodeText::relation(con->pktable);
        Finding f = finding(input, statement,
            QStringLiteral("ADD %1FOREIGN KEY on %2 checks every row of %2 while writes to %2 "
                           "and %3 wait")
                .arg(name.isEmpty() ? QString() : QStringLiteral("CONSTRAINT %1 ").arg(name), table,
                    referenced),
            wordAt(input, statement, con->location));
        f.relation = table;
        if (inTransaction)
            f.note = QStringLiteral("add it NOT VALID here and VALIDATE it in a later "
                                    "transaction: this file runs inside one");
        else if (name.isEmpty())
            f.note = QStringLiteral("name the constraint so a later VALIDATE CONSTRAINT can "
                                    "refer to it");
        else if (StatementFix::singleCommand(statement))
            f.fix = StatementFix::appendAndFollow(input, statement, QStringLiteral(" NOT VALID"),
                QStringLiteral("ALTER TABLE %1 VALIDATE CONSTRAINT %2")
                    .arg(StatementFix::relation(alter->relation), StatementFix::ident(name)));
        out << f;
    }
}

} // namespace tusk::core
