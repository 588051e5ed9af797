#include "constraintmissingnotvalid.h"

#include "altercommands.h"
#include "statementfix.h"

#include "core/lint/nodetext.h"
#include "core/lint/scriptfacts.h"

#include <pg_query/pg_query.pb-c.h>

namespace tusk::core {

namespace {
// The statement, earlier in the same transaction as `statement`, that added
// `name` NOT VALID to `table`; -1 when there is none.
int addedNotValidInSameTransaction(
    const LintInput &input, const QString &table, const QString &name, int statement)
{
    const int transaction = input.states.at(statement).transaction;
    if (transaction < 0)
        return -1;
    for (int i = statement - 1; i >= 0; --i) {
        if (input.states.at(i).transaction != transaction)
            return -1;
        const ParsedStatement &s = input.script.statements().at(i);
        if (!s.node || s.node->node_case != PG_QUERY__NODE__NODE_ALTER_TABLE_STMT)
            continue;
        const PgQuery__AlterTableStmt *alter = s.node->alter_table_stmt;
        if (ScriptFacts::tableName(NodeText::relation(alter->relation))
            != ScriptFacts::tableName(table))
            continue;
        const AlterCommands commands(alter);
        for (const PgQuery__AlterTableCmd *cmd : commands.all()) {
            const PgQuery__Constraint *con = AlterCommands::addedConstraint(cmd);
            if (con && con->skip_validation && QString::fromUtf8(con->conname) == name)
                return i;
        }
    }
    return -1;
}
} // namespace

const RuleInfo &ConstraintMissingNotValid::info() const
{
    static const RuleInfo info {
        QStringLiteral("constraint-missing-not-valid"),
        Severity::Warning,
        QStringLiteral("ADD CONSTRAINT … CHECK without NOT VALID scans the table under ACCESS "
                       "EXCLUSIVE"),
        QStringLiteral("Adding a CHECK constraint checks every existing row while holding "
                       "ACCESS EXCLUSIVE on the table: no reads, no writes until the scan ends. "
                       "Adding it NOT VALID skips the scan, and VALIDATE CONSTRAINT then checks "
                       "the rows under SHARE UPDATE EXCLUSIVE, which lets reads and writes go "
                       "on, but only in a later transaction: in the same one the ADD's ACCESS "
                       "EXCLUSIVE lock is still held through the scan."),
        QStringLiteral("ALTER TABLE t ADD CONSTRAINT c CHECK (…) NOT VALID; then, in a separate "
                       "transaction (a later migration, or outside BEGIN … COMMIT): ALTER TABLE "
                       "t VALIDATE CONSTRAINT c;"),
        {QStringLiteral("squawk"), QStringLiteral("strong_migrations"), QStringLiteral("eugene")},
        true,
        true,
    };
    return info;
}

QList<int> ConstraintMissingNotValid::nodeKinds() const
{
    return {PG_QUERY__NODE__NODE_ALTER_TABLE_STMT};
}

void ConstraintMissingNotValid::checkStatement(
    const LintInput &input, const ParsedStatement &statement, QList<Finding> &out) const
{
    const PgQuery__AlterTableStmt *alter = statement.node->alter_table_stmt;
    const QString table = NodeText::relation(alter->relation);
    const AlterCommands commands(alter);
    for (const PgQuery__AlterTableCmd *cmd : commands.all()) {
        if (cmd->subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_ValidateConstraint) {
            const QString name = QString::fromUtf8(cmd->name);
            if (addedNotValidInSameTransaction(input, table, name, statement.index) < 0)
                continue;
            Finding f = finding(input, statement,
                QStringLiteral("VALIDATE CONSTRAINT %1 runs in the transaction that added it "
                               "NOT VALID: %2 stays locked ACCESS EXCLUSIVE through the scan")
                    .arg(name, table));
            f.relation = table;
            f.lock = QStringLiteral("ACCESS EXCLUSIVE on %1 (held since the ADD CONSTRAINT), "
                                    "scans the table: %2")
                         .arg(table, LockModes::describeImpact(LockMode::AccessExclusive));
            f.note = QStringLiteral("commit between the ADD and the VALIDATE");
            out << std::move(f);
            continue;
        }
        const PgQuery__Constraint *con = AlterCommands::addedConstraint(cmd);
        if (!con || con->contype != PG_QUERY__CONSTR_TYPE__CONSTR_CHECK || con->skip_validation)
            continue;
        const QString name = QString::fromUtf8(con->conname);
        Finding f = finding(input, statement,
            QStringLiteral("ADD CONSTRAINT %1CHECK on %2 checks every row under ACCESS "
                           "EXCLUSIVE: reads and writes wait")
                .arg(name.isEmpty() ? QString() : name + QLatin1Char(' '), table),
            wordAt(input, statement, con->location));
        f.relation = table;
        StatementFix::splitValidation(input, statement, name, f);
        out << std::move(f);
    }
}

} // namespace tusk::core
