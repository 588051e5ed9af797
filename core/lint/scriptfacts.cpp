#include "scriptfacts.h"

#include "nodetext.h"

#include "core/sql/parsedscript.h"

#include <pg_query/pg_query.pb-c.h>

namespace tusk::core {

namespace {
QStringList indexElemNames(PgQuery__Node *const *params, size_t n)
{
    QStringList keys;
    for (size_t i = 0; i < n; ++i) {
        if (params[i]->node_case == PG_QUERY__NODE__NODE_INDEX_ELEM)
            keys << QString::fromUtf8(params[i]->index_elem->name); // empty for expressions
        else if (params[i]->node_case == PG_QUERY__NODE__NODE_STRING)
            keys << QString::fromUtf8(params[i]->string->sval);
    }
    return keys;
}
} // namespace

QString ScriptFacts::tableName(const QString &relation)
{
    const qsizetype dot = relation.lastIndexOf(QLatin1Char('.'));
    return dot < 0 ? relation : relation.mid(dot + 1);
}

ScriptFacts::ScriptFacts(const ParsedScript &script)
{
    for (const ParsedStatement &s : script.statements()) {
        if (!s.node)
            continue;
        switch (s.node->node_case) {
        case PG_QUERY__NODE__NODE_CREATE_STMT:
            noteCreate(s.index, s.node->create_stmt);
            break;
        case PG_QUERY__NODE__NODE_CREATE_TABLE_AS_STMT:
            if (s.node->create_table_as_stmt->into)
                m_created.insert(
                    tableName(NodeText::relation(s.node->create_table_as_stmt->into->rel)),
                    s.index);
            break;
        case PG_QUERY__NODE__NODE_ALTER_TABLE_STMT:
            noteAlter(s.index, s.node->alter_table_stmt);
            break;
        case PG_QUERY__NODE__NODE_VARIABLE_SET_STMT: {
            const PgQuery__VariableSetStmt *set = s.node->variable_set_stmt;
            if (QString::fromUtf8(set->name).compare(
                    QLatin1String("timezone"), Qt::CaseInsensitive))
                break;
            QString zone;
            if (set->kind == PG_QUERY__VARIABLE_SET_KIND__VAR_SET_VALUE && set->n_args == 1
                && set->args[0]->node_case == PG_QUERY__NODE__NODE_A_CONST
                && set->args[0]->a_const->val_case == PG_QUERY__A__CONST__VAL_SVAL)
                zone = QString::fromUtf8(set->args[0]->a_const->sval->sval);
            else
                zone =
                    QStringLiteral("(not UTC)"); // DEFAULT, LOCAL, an offset: not known to be UTC
            m_timeZones << ZoneSet {s.index, zone};
            break;
        }
        case PG_QUERY__NODE__NODE_INDEX_STMT: {
            const PgQuery__IndexStmt *index = s.node->index_stmt;
            m_indexes[tableName(NodeText::relation(index->relation))]
                << Index {s.index, indexElemNames(index->index_params, index->n_index_params)};
            break;
        }
        default:
            break;
        }
    }
}

void ScriptFacts::noteCreate(int statement, const void *node)
{
    const auto *create = static_cast<const PgQuery__CreateStmt *>(node);
    const QString table = tableName(NodeText::relation(create->relation));
    if (!m_created.contains(table))
        m_created.insert(table, statement);
    for (size_t i = 0; i < create->n_table_elts; ++i) {
        const PgQuery__Node *element = create->table_elts[i];
        if (element->node_case == PG_QUERY__NODE__NODE_COLUMN_DEF) {
            const PgQuery__ColumnDef *column = element->column_def;
            m_columns[table + QLatin1Char('.') + QString::fromUtf8(column->colname)]
                << Declared {statement, ColumnType::fromTypeName(column->type_name)};
            for (size_t c = 0; c < column->n_constraints; ++c) {
                const PgQuery__Constraint *con = column->constraints[c]->constraint;
                if (con->contype == PG_QUERY__CONSTR_TYPE__CONSTR_PRIMARY
                    || con->contype == PG_QUERY__CONSTR_TYPE__CONSTR_UNIQUE)
                    m_indexes[table] << Index {statement, {QString::fromUtf8(column->colname)}};
            }
        } else if (element->node_case == PG_QUERY__NODE__NODE_CONSTRAINT) {
            const PgQuery__Constraint *con = element->constraint;
            if (con->contype == PG_QUERY__CONSTR_TYPE__CONSTR_PRIMARY
                || con->contype == PG_QUERY__CONSTR_TYPE__CONSTR_UNIQUE)
                m_indexes[table] << Index {statement, indexElemNames(con->keys, con->n_keys)};
        }
    }
}

void ScriptFacts::noteAlter(int statement, const void *node)
{
    const auto *alter = static_cast<const PgQuery__AlterTableStmt *>(node);
    const QString table = tableName(NodeText::relation(alter->relation));
    for (size_t i = 0; i < alter->n_cmds; ++i) {
        if (alter->cmds[i]->node_case != PG_QUERY__NODE__NODE_ALTER_TABLE_CMD)
            continue;
        const PgQuery__AlterTableCmd *cmd = alter->cmds[i]->alter_table_cmd;
        const bool addsColumn = cmd->subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_AddColumn;
        const bool changesType = cmd->subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_AlterColumnType;
        if ((addsColumn || changesType) && cmd->def
            && cmd->def->node_case == PG_QUERY__NODE__NODE_COLUMN_DEF) {
            const PgQuery__ColumnDef *column = cmd->def->column_def;
            const QString name = QString::fromUtf8(addsColumn ? column->colname : cmd->name);
            m_columns[table + QLatin1Char('.') + name]
                << Declared {statement, ColumnType::fromTypeName(column->type_name)};
        }
        if (cmd->subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_ValidateConstraint) {
            m_validated.insert(table + QLatin1Char('.') + QString::fromUtf8(cmd->name), statement);
            const QString column =
                m_pendingChecks.value(table + QLatin1Char('.') + QString::fromUtf8(cmd->name));
            if (!column.isEmpty())
                m_provenNotNull.insert(table + QLatin1Char('.') + column, statement);
        }
        if (cmd->subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_AddConstraint && cmd->def
            && cmd->def->node_case == PG_QUERY__NODE__NODE_CONSTRAINT) {
            const PgQuery__Constraint *con = cmd->def->constraint;
            const QString notNull = notNullCheckColumn(con);
            if (!notNull.isEmpty() && con->skip_validation)
                m_pendingChecks.insert(
                    table + QLatin1Char('.') + QString::fromUtf8(con->conname), notNull);
            else if (!notNull.isEmpty())
                m_provenNotNull.insert(table + QLatin1Char('.') + notNull, statement);
            if ((con->contype == PG_QUERY__CONSTR_TYPE__CONSTR_PRIMARY
                    || con->contype == PG_QUERY__CONSTR_TYPE__CONSTR_UNIQUE)
                && con->n_keys > 0)
                m_indexes[table] << Index {statement, indexElemNames(con->keys, con->n_keys)};
        }
    }
}

QString ScriptFacts::notNullCheckColumn(const void *constraint)
{
    const auto *con = static_cast<const PgQuery__Constraint *>(constraint);
    if (con->contype != PG_QUERY__CONSTR_TYPE__CONSTR_CHECK)
        return {};
    const PgQuery__Node *e = con->raw_expr;
    if (!e || e->node_case != PG_QUERY__NODE__NODE_NULL_TEST
        || e->null_test->nulltesttype != PG_QUERY__NULL_TEST_TYPE__IS_NOT_NULL)
        return {};
    const PgQuery__Node *arg = e->null_test->arg;
    if (!arg || arg->node_case != PG_QUERY__NODE__NODE_COLUMN_REF)
        return {};
    const QStringList fields =
        NodeText::strings(arg->column_ref->fields, arg->column_ref->n_fields);
    return fields.size() == 1 ? fields.first() : QString();
}

bool ScriptFacts::provesNotNull(const QString &relation, const QString &column, int statement) const
{
    const auto it = m_provenNotNull.constFind(tableName(relation) + QLatin1Char('.') + column);
    return it != m_provenNotNull.constEnd() && *it < statement;
}

bool ScriptFacts::validatesBefore(const QString &relation, const QString &name, int statement) const
{
    const auto it = m_validated.constFind(tableName(relation) + QLatin1Char('.') + name);
    return it != m_validated.constEnd() && *it < statement;
}

bool ScriptFacts::createdBefore(const QString &relation, int statement) const
{
    const auto it = m_created.constFind(tableName(relation));
    return it != m_created.constEnd() && *it <= statement;
}

ColumnType ScriptFacts::columnType(
    const QString &relation, const QString &column, int statement) const
{
    const auto it = m_columns.constFind(tableName(relation) + QLatin1Char('.') + column);
    if (it == m_columns.constEnd())
        return {};
    ColumnType latest;
    for (const Declared &d : *it) {
        if (d.statement < statement)
            latest = d.type;
    }
    return latest;
}

QString ScriptFacts::timeZone(int statement) const
{
    QString zone;
    for (const ZoneSet &set : m_timeZones) {
        if (set.statement >= statement)
            break;
        zone = set.zone;
    }
    return zone;
}

bool ScriptFacts::isUtc(const QString &zone)
{
    static const QStringList utc {QStringLiteral("utc"), QStringLiteral("etc/utc"),
        QStringLiteral("gmt"), QStringLiteral("etc/gmt"), QStringLiteral("z"),
        QStringLiteral("zulu"), QStringLiteral("universal"), QStringLiteral("etc/universal"),
        QStringLiteral("uct"), QStringLiteral("etc/uct"), QStringLiteral("utc0"),
        QStringLiteral("gmt0"), QStringLiteral("etc/gmt0")};
    return utc.contains(zone.trimmed().toLower());
}

QList<QStringList> ScriptFacts::indexKeys(const QString &relation, int statement) const
{
    QList<QStringList> out;
    const auto it = m_indexes.constFind(tableName(relation));
    if (it == m_indexes.constEnd())
        return out;
    for (const Index &index : *it) {
        if (index.statement < statement)
            out << index.keys;
    }
    return out;
}

} // namespace tusk::core
