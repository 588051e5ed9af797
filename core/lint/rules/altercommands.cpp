#include "altercommands.h"

#include <QString>

namespace tusk::core {

AlterCommands::AlterCommands(const PgQuery__AlterTableStmt *alter)
{
    for (size_t i = 0; i < alter->n_cmds; ++i) {
        if (alter->cmds[i]->node_case == PG_QUERY__NODE__NODE_ALTER_TABLE_CMD)
            m_commands.append(alter->cmds[i]->alter_table_cmd);
    }
}

QList<const PgQuery__AlterTableCmd *> AlterCommands::ofType(PgQuery__AlterTableType subtype) const
{
    QList<const PgQuery__AlterTableCmd *> out;
    for (const PgQuery__AlterTableCmd *cmd : m_commands) {
        if (cmd->subtype == subtype)
            out << cmd;
    }
    return out;
}

QList<const PgQuery__ColumnDef *> AlterCommands::addedColumns() const
{
    QList<const PgQuery__ColumnDef *> out;
    for (const PgQuery__AlterTableCmd *cmd : ofType(PG_QUERY__ALTER_TABLE_TYPE__AT_AddColumn)) {
        if (cmd->def && cmd->def->node_case == PG_QUERY__NODE__NODE_COLUMN_DEF)
            out << cmd->def->column_def;
    }
    return out;
}

QList<AlterCommands::AddedConstraint> AlterCommands::addedConstraints(
    PgQuery__ConstrType contype) const
{
    QList<AddedConstraint> out;
    for (const PgQuery__AlterTableCmd *cmd : m_commands) {
        if (const PgQuery__Constraint *con = addedConstraint(cmd)) {
            if (con->contype == contype)
                out << AddedConstraint {con, nullptr};
            continue;
        }
        if (cmd->subtype != PG_QUERY__ALTER_TABLE_TYPE__AT_AddColumn || !cmd->def
            || cmd->def->node_case != PG_QUERY__NODE__NODE_COLUMN_DEF)
            continue;
        const PgQuery__ColumnDef *column = cmd->def->column_def;
        for (size_t c = 0; c < column->n_constraints; ++c) {
            const PgQuery__Constraint *con = column->constraints[c]->constraint;
            if (con->contype == contype)
                out << AddedConstraint {con, column};
        }
    }
    return out;
}

QList<const PgQuery__Constraint *> AlterCommands::tableConstraints(
    PgQuery__ConstrType contype) const
{
    QList<const PgQuery__Constraint *> out;
    for (const PgQuery__AlterTableCmd *cmd : m_commands) {
        const PgQuery__Constraint *con = addedConstraint(cmd);
        if (con && con->contype == contype)
            out << con;
    }
    return out;
}

const PgQuery__Constraint *AlterCommands::addedConstraint(const PgQuery__AlterTableCmd *cmd)
{
    if (!cmd || cmd->subtype != PG_QUERY__ALTER_TABLE_TYPE__AT_AddConstraint || !cmd->def
        || cmd->def->node_case != PG_QUERY__NODE__NODE_CONSTRAINT)
        return nullptr;
    return cmd->def->constraint;
}

QString AlterCommands::constraintPrefix(const PgQuery__Constraint *constraint)
{
    const QString name = QString::fromUtf8(constraint->conname);
    return name.isEmpty() ? QString() : QStringLiteral("CONSTRAINT %1 ").arg(name);
}

} // namespace tusk::core
