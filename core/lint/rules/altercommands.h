#pragma once

#include <pg_query/pg_query.pb-c.h>

#include <QList>
#include <QVarLengthArray>

namespace tusk::core {

// The subcommands of one ALTER TABLE, read the way the rules read them:
// most rules care about one kind of subcommand (DROP COLUMN, ADD COLUMN …)
// or about the constraints a statement adds, and each used to walk the
// command list by hand to find them.
class AlterCommands {
public:
    // A constraint the statement adds: declared on a new column (ADD COLUMN
    // … UNIQUE, `column` set) or on its own (ADD CONSTRAINT, `column` null).
    struct AddedConstraint {
        const PgQuery__Constraint *constraint = nullptr;
        const PgQuery__ColumnDef *column = nullptr;
    };

    // Inline for the usual one to eight subcommands: a dozen rules read
    // every ALTER TABLE, and a heap list each time showed in profiles.
    using Commands = QVarLengthArray<const PgQuery__AlterTableCmd *, 8>;

    explicit AlterCommands(const PgQuery__AlterTableStmt *alter);

    // Every subcommand, in statement order; valid while this object lives,
    // so loop over a named AlterCommands, not a temporary one.
    const Commands &all() const { return m_commands; }
    // The subcommands of one kind, in statement order.
    QList<const PgQuery__AlterTableCmd *> ofType(PgQuery__AlterTableType subtype) const;
    // The column definitions of the ADD COLUMN subcommands.
    QList<const PgQuery__ColumnDef *> addedColumns() const;
    // The constraints of one kind that ADD COLUMN and ADD CONSTRAINT add, in
    // statement order (a column's own in the order it declares them).
    QList<AddedConstraint> addedConstraints(PgQuery__ConstrType contype) const;
    // The constraints of one kind that ADD CONSTRAINT adds, in statement order.
    QList<const PgQuery__Constraint *> tableConstraints(PgQuery__ConstrType contype) const;

    // The constraint an ADD CONSTRAINT subcommand adds; null for any other.
    static const PgQuery__Constraint *addedConstraint(const PgQuery__AlterTableCmd *cmd);
    // "CONSTRAINT name " for messages that quote what was added, or nothing
    // when the constraint is unnamed (the server picks the name).
    static QString constraintPrefix(const PgQuery__Constraint *constraint);

private:
    Commands m_commands;
};

} // namespace tusk::core
