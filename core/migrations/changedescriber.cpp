#include "changedescriber.h"

#include "core/lint/columntype.h"
#include "core/lint/nodetext.h"
#include "core/lint/rules/altercommands.h"
#include "core/sql/parsedscript.h"

#include <pg_query/pg_query.pb-c.h>

#include <QHash>
#include <QRegularExpression>

namespace tusk::core {

namespace {
// SQL's spelling of a type, not the catalog's internal name.
QString typeText(const PgQuery__TypeName *type)
{
    const ColumnType t = ColumnType::fromTypeName(type);
    return t.isKnown() ? t.spelled() : QStringLiteral("a type");
}

bool hasConstraint(const PgQuery__ColumnDef *column, PgQuery__ConstrType kind)
{
    for (size_t i = 0; i < column->n_constraints; ++i) {
        const PgQuery__Node *c = column->constraints[i];
        if (c->node_case == PG_QUERY__NODE__NODE_CONSTRAINT && c->constraint->contype == kind)
            return true;
    }
    return false;
}

QString constraintKind(const PgQuery__Constraint *c)
{
    switch (c->contype) {
    case PG_QUERY__CONSTR_TYPE__CONSTR_CHECK:
        return QStringLiteral("CHECK");
    case PG_QUERY__CONSTR_TYPE__CONSTR_FOREIGN:
        return QStringLiteral("FOREIGN KEY to %1").arg(NodeText::relation(c->pktable));
    case PG_QUERY__CONSTR_TYPE__CONSTR_UNIQUE:
        return c->indexname && *c->indexname
            ? QStringLiteral("UNIQUE using index %1").arg(QString::fromUtf8(c->indexname))
            : QStringLiteral("UNIQUE");
    case PG_QUERY__CONSTR_TYPE__CONSTR_PRIMARY:
        return QStringLiteral("PRIMARY KEY");
    case PG_QUERY__CONSTR_TYPE__CONSTR_EXCLUSION:
        return QStringLiteral("EXCLUDE");
    default:
        return QStringLiteral("constraint");
    }
}

QString columnAdded(const QString &table, const PgQuery__ColumnDef *column)
{
    QStringList traits {typeText(column->type_name)};
    traits << (hasConstraint(column, PG_QUERY__CONSTR_TYPE__CONSTR_NOTNULL)
                || hasConstraint(column, PG_QUERY__CONSTR_TYPE__CONSTR_PRIMARY)
            ? QStringLiteral("NOT NULL")
            : QStringLiteral("nullable"));
    if (hasConstraint(column, PG_QUERY__CONSTR_TYPE__CONSTR_DEFAULT))
        traits << QStringLiteral("with a default");
    if (hasConstraint(column, PG_QUERY__CONSTR_TYPE__CONSTR_FOREIGN))
        traits << QStringLiteral("referencing another table");
    return QStringLiteral("%1: column %2 added (%3)")
        .arg(table, QString::fromUtf8(column->colname), traits.join(QStringLiteral(", ")));
}

QString alterCommand(const QString &table, const PgQuery__AlterTableCmd *cmd)
{
    const QString name = QString::fromUtf8(cmd->name);
    using T = PgQuery__AlterTableType;
    switch (cmd->subtype) {
    case T::PG_QUERY__ALTER_TABLE_TYPE__AT_AddColumn:
        if (cmd->def && cmd->def->node_case == PG_QUERY__NODE__NODE_COLUMN_DEF)
            return columnAdded(table, cmd->def->column_def);
        break;
    case T::PG_QUERY__ALTER_TABLE_TYPE__AT_DropColumn:
        return QStringLiteral("%1: column %2 dropped").arg(table, name);
    case T::PG_QUERY__ALTER_TABLE_TYPE__AT_AlterColumnType:
        if (cmd->def && cmd->def->node_case == PG_QUERY__NODE__NODE_COLUMN_DEF)
            return QStringLiteral("%1: column %2 changed to %3")
                .arg(table, name, typeText(cmd->def->column_def->type_name));
        break;
    case T::PG_QUERY__ALTER_TABLE_TYPE__AT_SetNotNull:
        return QStringLiteral("%1: column %2 set NOT NULL").arg(table, name);
    case T::PG_QUERY__ALTER_TABLE_TYPE__AT_DropNotNull:
        return QStringLiteral("%1: column %2 made nullable").arg(table, name);
    case T::PG_QUERY__ALTER_TABLE_TYPE__AT_ColumnDefault:
        return cmd->def ? QStringLiteral("%1: column %2 default set").arg(table, name)
                        : QStringLiteral("%1: column %2 default dropped").arg(table, name);
    case T::PG_QUERY__ALTER_TABLE_TYPE__AT_AddConstraint:
        if (cmd->def && cmd->def->node_case == PG_QUERY__NODE__NODE_CONSTRAINT) {
            const PgQuery__Constraint *c = cmd->def->constraint;
            const QString conname = c->conname && *c->conname
                ? QStringLiteral("constraint %1").arg(QString::fromUtf8(c->conname))
                : QStringLiteral("a constraint");
            return QStringLiteral("%1: %2 added (%3%4)")
                .arg(table, conname, constraintKind(c),
                    c->skip_validation ? QStringLiteral(", NOT VALID") : QString());
        }
        break;
    case T::PG_QUERY__ALTER_TABLE_TYPE__AT_ValidateConstraint:
        return QStringLiteral("%1: constraint %2 validated").arg(table, name);
    case T::PG_QUERY__ALTER_TABLE_TYPE__AT_DropConstraint:
        return QStringLiteral("%1: constraint %2 dropped").arg(table, name);
    default:
        break;
    }
    const ProtobufCEnumValue *value =
        protobuf_c_enum_descriptor_get_value(&pg_query__alter_table_type__descriptor, cmd->subtype);
    return QStringLiteral("%1: altered (%2%3)")
        .arg(table, value ? QString::fromLatin1(value->name).mid(3) : QStringLiteral("?"),
            name.isEmpty() ? QString() : QLatin1Char(' ') + name);
}

QString indexColumns(const PgQuery__IndexStmt *index)
{
    QStringList columns;
    for (size_t i = 0; i < index->n_index_params; ++i) {
        const PgQuery__Node *p = index->index_params[i];
        if (p->node_case != PG_QUERY__NODE__NODE_INDEX_ELEM)
            continue;
        const char *name = p->index_elem->name;
        columns << (name && *name ? QString::fromUtf8(name) : QStringLiteral("an expression"));
    }
    return columns.join(QStringLiteral(", "));
}

// The first words of a statement the describer has no sentence for.
QString firstWords(const ParsedScript &script, const ParsedStatement &statement)
{
    const QString text = QString::fromUtf8(script.source().bytes().mid(
        statement.range.begin, std::min<qsizetype>(statement.range.size(), 200)));
    QStringList words = text.simplified().split(QLatin1Char(' '));
    if (words.size() > 4)
        words = words.mid(0, 4) << QStringLiteral("…");
    return words.join(QLatin1Char(' '));
}
} // namespace

QStringList ChangeDescriber::describe(const ParsedScript &script)
{
    QStringList out;
    for (const ParsedStatement &s : script.statements())
        out << describe(script, s);
    return out;
}

QStringList ChangeDescriber::describe(const ParsedScript &script, const ParsedStatement &statement)
{
    const PgQuery__Node *node = statement.node;
    if (!node)
        return {firstWords(script, statement)};
    switch (node->node_case) {
    case PG_QUERY__NODE__NODE_TRANSACTION_STMT:
    case PG_QUERY__NODE__NODE_VARIABLE_SET_STMT:
    case PG_QUERY__NODE__NODE_SELECT_STMT:
        if (node->node_case == PG_QUERY__NODE__NODE_SELECT_STMT && node->select_stmt->into_clause)
            return {QStringLiteral("table %1 created from a query")
                        .arg(NodeText::relation(node->select_stmt->into_clause->rel))};
        return {};
    case PG_QUERY__NODE__NODE_CREATE_STMT: {
        const PgQuery__CreateStmt *create = node->create_stmt;
        int columns = 0;
        for (size_t i = 0; i < create->n_table_elts; ++i)
            columns += create->table_elts[i]->node_case == PG_QUERY__NODE__NODE_COLUMN_DEF;
        return {QStringLiteral("table %1 created (%2 column%3)")
                    .arg(NodeText::relation(create->relation))
                    .arg(columns)
                    .arg(columns == 1 ? QString() : QStringLiteral("s"))};
    }
    case PG_QUERY__NODE__NODE_ALTER_TABLE_STMT: {
        const PgQuery__AlterTableStmt *alter = node->alter_table_stmt;
        const QString table = NodeText::relation(alter->relation);
        const AlterCommands commands(alter);
        QStringList out;
        for (const PgQuery__AlterTableCmd *cmd : commands.all())
            out << alterCommand(table, cmd);
        return out;
    }
    case PG_QUERY__NODE__NODE_INDEX_STMT: {
        const PgQuery__IndexStmt *index = node->index_stmt;
        QString text = QStringLiteral("%1index %2 on %3 (%4)")
                           .arg(index->unique ? QStringLiteral("unique ") : QString(),
                               index->idxname && *index->idxname ? QString::fromUtf8(index->idxname)
                                                                 : QStringLiteral("(unnamed)"),
                               NodeText::relation(index->relation), indexColumns(index));
        if (index->where_clause)
            text += QStringLiteral(", partial");
        if (index->concurrent)
            text += QStringLiteral(", built concurrently");
        return {text};
    }
    case PG_QUERY__NODE__NODE_DROP_STMT: {
        const PgQuery__DropStmt *drop = node->drop_stmt;
        const ProtobufCEnumValue *kind = protobuf_c_enum_descriptor_get_value(
            &pg_query__object_type__descriptor, drop->remove_type);
        const QString noun = kind ? QString::fromLatin1(kind->name)
                                        .mid(7)
                                        .toLower()
                                        .replace(QLatin1Char('_'), QLatin1Char(' '))
                                  : QStringLiteral("object");
        QStringList out;
        for (size_t i = 0; i < drop->n_objects; ++i)
            out << QStringLiteral("%1 %2 dropped%3")
                       .arg(noun, NodeText::dotted(drop->objects[i]),
                           drop->concurrent ? QStringLiteral(" concurrently") : QString());
        return out;
    }
    case PG_QUERY__NODE__NODE_RENAME_STMT: {
        const PgQuery__RenameStmt *rename = node->rename_stmt;
        const QString object = rename->relation ? NodeText::relation(rename->relation)
                                                : NodeText::dotted(rename->object);
        if (rename->subname && *rename->subname)
            return {QStringLiteral("%1: %2 renamed to %3")
                        .arg(object, QString::fromUtf8(rename->subname),
                            QString::fromUtf8(rename->newname))};
        return {QStringLiteral("%1 renamed to %2").arg(object, QString::fromUtf8(rename->newname))};
    }
    case PG_QUERY__NODE__NODE_VIEW_STMT:
        return {QStringLiteral("view %1 %2")
                    .arg(NodeText::relation(node->view_stmt->view),
                        node->view_stmt->replace ? QStringLiteral("created or replaced")
                                                 : QStringLiteral("created"))};
    case PG_QUERY__NODE__NODE_UPDATE_STMT:
        return {QStringLiteral("%1: rows updated%2")
                    .arg(NodeText::relation(node->update_stmt->relation),
                        node->update_stmt->where_clause ? QStringLiteral(" (backfill)")
                                                        : QStringLiteral(" (every row)"))};
    case PG_QUERY__NODE__NODE_INSERT_STMT:
        return {QStringLiteral("%1: rows inserted")
                    .arg(NodeText::relation(node->insert_stmt->relation))};
    case PG_QUERY__NODE__NODE_DELETE_STMT:
        return {QStringLiteral("%1: rows deleted")
                    .arg(NodeText::relation(node->delete_stmt->relation))};
    default:
        return {firstWords(script, statement)};
    }
}

} // namespace tusk::core
