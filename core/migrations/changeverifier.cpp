#include "changeverifier.h"

#include "core/lint/columntype.h"
#include "core/lint/nodetext.h"
#include "core/pg/result.h"
#include "core/sql/parsedscript.h"
#include "core/sql/sqlidentifier.h"

#include <QRegularExpression>

#include <pg_query/pg_query.pb-c.h>

namespace tusk::core {

namespace {
// A column: type (NULL: any), nullability and default ('' : either).
const char *const kColumn =
    "SELECT a.atttypid = coalesce(to_regtype($3::text), a.atttypid)"
    " AND ($4::text = '' OR a.attnotnull = ($4::text = 'not null'))"
    " AND ($5::text = '' OR a.atthasdef = ($5::text = 'default')),"
    " format_type(a.atttypid, a.atttypmod)"
    " || CASE WHEN a.attnotnull THEN ', NOT NULL' ELSE ', nullable' END"
    " || CASE WHEN a.atthasdef THEN ', with a default' ELSE '' END"
    " FROM pg_catalog.pg_attribute a WHERE a.attrelid = to_regclass($1::text)"
    " AND a.attname = $2::text AND a.attnum > 0 AND NOT a.attisdropped";
const char *const kIndex =
    "SELECT i.indisvalid AND i.indisready, CASE WHEN i.indisvalid THEN 'valid' ELSE"
    " 'INVALID: a build that failed left it; drop it and build it again' END"
    " || ' on ' || i.indrelid::regclass::text"
    " FROM pg_catalog.pg_index i WHERE i.indexrelid = to_regclass($1::text)";
const char *const kConstraint =
    "SELECT c.convalidated OR $3::boolean,"
    " CASE WHEN c.convalidated THEN 'validated' ELSE 'NOT VALID' END"
    " FROM pg_catalog.pg_constraint c WHERE c.conrelid = to_regclass($1::text)"
    " AND c.conname = $2::text";
const char *const kRelation =
    "SELECT true, CASE c.relkind WHEN 'r' THEN 'table' WHEN 'p' THEN 'partitioned table'"
    " WHEN 'v' THEN 'view' WHEN 'm' THEN 'materialized view' WHEN 'i' THEN 'index'"
    " WHEN 'I' THEN 'partitioned index' WHEN 'S' THEN 'sequence' WHEN 'f' THEN 'foreign table'"
    " ELSE c.relkind::text END FROM pg_catalog.pg_class c WHERE c.oid = to_regclass($1::text)";
const char *const kFunction =
    "SELECT true, string_agg(p.oid::regprocedure::text, ', ') FROM pg_catalog.pg_proc p"
    " WHERE p.proname = $2::text AND CASE WHEN $1::text = '' THEN"
    " pg_catalog.pg_function_is_visible(p.oid) ELSE p.pronamespace = to_regnamespace($1::text)"
    " END HAVING count(*) > 0";

QString text(const char *s)
{
    return s ? QString::fromUtf8(s) : QString();
}

// The name to_regclass() reads: "schema.name" quoted as needed.
QString regName(const QString &schema, const QString &name)
{
    return schema.isEmpty() ? SqlIdentifier::quote(name) : SqlIdentifier::qualified(schema, name);
}

QString regName(const PgQuery__RangeVar *range)
{
    return range ? regName(text(range->schemaname), text(range->relname)) : QString();
}

QVariant typeOf(const PgQuery__TypeName *type)
{
    const ColumnType t = ColumnType::fromTypeName(type);
    return t.isKnown() ? QVariant(t.spelled()) : QVariant();
}

bool hasNotNull(const PgQuery__ColumnDef *column)
{
    for (size_t i = 0; i < column->n_constraints; ++i) {
        const PgQuery__Node *c = column->constraints[i];
        if (c->node_case == PG_QUERY__NODE__NODE_CONSTRAINT
            && (c->constraint->contype == PG_QUERY__CONSTR_TYPE__CONSTR_NOTNULL
                || c->constraint->contype == PG_QUERY__CONSTR_TYPE__CONSTR_PRIMARY))
            return true;
    }
    return false;
}

class Builder {
public:
    QList<ChangeVerifier::Check> checks;

    void column(const QString &rel, const QString &name, const QString &what, QVariant type = {},
        const QString &nullability = {}, const QString &defaulted = {})
    {
        checks << ChangeVerifier::Check {QStringLiteral("column %1.%2: %3").arg(rel, name, what),
            QString::fromLatin1(kColumn), {rel, name, type, nullability, defaulted}, false,
            QStringLiteral("no such column")};
    }
    void columnGone(const QString &rel, const QString &name)
    {
        checks << ChangeVerifier::Check {QStringLiteral("column %1.%2 dropped").arg(rel, name),
            QString::fromLatin1(kColumn), {rel, name, QVariant(), QString(), QString()}, true,
            QStringLiteral("gone")};
    }
    void relation(const QString &rel, const QString &what)
    {
        checks << ChangeVerifier::Check {QStringLiteral("%1 %2 exists").arg(what, rel),
            QString::fromLatin1(kRelation), {rel}, false, QStringLiteral("not found")};
    }
    void relationGone(const QString &rel, const QString &what)
    {
        checks << ChangeVerifier::Check {QStringLiteral("%1 %2 dropped").arg(what, rel),
            QString::fromLatin1(kRelation), {rel}, true, QStringLiteral("gone")};
    }
    void index(const QString &name)
    {
        checks << ChangeVerifier::Check {QStringLiteral("index %1 exists and is valid").arg(name),
            QString::fromLatin1(kIndex), {name}, false, QStringLiteral("not found")};
    }
    void constraint(const QString &rel, const QString &name, bool notValidAllowed)
    {
        checks << ChangeVerifier::Check {
            QStringLiteral("constraint %1 on %2 %3")
                .arg(name, rel,
                    notValidAllowed ? QStringLiteral("exists") : QStringLiteral("is validated")),
            QString::fromLatin1(kConstraint), {rel, name, notValidAllowed}, false,
            QStringLiteral("not found")};
    }
    void constraintGone(const QString &rel, const QString &name)
    {
        checks << ChangeVerifier::Check {
            QStringLiteral("constraint %1 on %2 dropped").arg(name, rel),
            QString::fromLatin1(kConstraint), {rel, name, true}, true, QStringLiteral("gone")};
    }

    void alterTable(const PgQuery__AlterTableStmt *alter)
    {
        const QString rel = regName(alter->relation);
        for (size_t i = 0; i < alter->n_cmds; ++i) {
            if (alter->cmds[i]->node_case != PG_QUERY__NODE__NODE_ALTER_TABLE_CMD)
                continue;
            const PgQuery__AlterTableCmd *cmd = alter->cmds[i]->alter_table_cmd;
            const QString name = text(cmd->name);
            const PgQuery__Node *def = cmd->def;
            switch (cmd->subtype) {
            case PG_QUERY__ALTER_TABLE_TYPE__AT_AddColumn:
                if (def && def->node_case == PG_QUERY__NODE__NODE_COLUMN_DEF) {
                    const PgQuery__ColumnDef *c = def->column_def;
                    const bool notNull = hasNotNull(c);
                    const QVariant type = typeOf(c->type_name);
                    column(rel, text(c->colname),
                        QStringLiteral("%1, %2").arg(
                            type.isNull() ? QStringLiteral("added") : type.toString(),
                            notNull ? QStringLiteral("NOT NULL") : QStringLiteral("nullable")),
                        type, notNull ? QStringLiteral("not null") : QString());
                }
                break;
            case PG_QUERY__ALTER_TABLE_TYPE__AT_DropColumn:
                columnGone(rel, name);
                break;
            case PG_QUERY__ALTER_TABLE_TYPE__AT_AlterColumnType:
                if (def && def->node_case == PG_QUERY__NODE__NODE_COLUMN_DEF) {
                    const QVariant type = typeOf(def->column_def->type_name);
                    if (!type.isNull())
                        column(rel, name, QStringLiteral("type %1").arg(type.toString()), type);
                }
                break;
            case PG_QUERY__ALTER_TABLE_TYPE__AT_SetNotNull:
                column(rel, name, QStringLiteral("NOT NULL"), {}, QStringLiteral("not null"));
                break;
            case PG_QUERY__ALTER_TABLE_TYPE__AT_DropNotNull:
                column(rel, name, QStringLiteral("nullable"), {}, QStringLiteral("nullable"));
                break;
            case PG_QUERY__ALTER_TABLE_TYPE__AT_ColumnDefault:
                column(rel, name,
                    def ? QStringLiteral("has a default") : QStringLiteral("no default"), {},
                    QString(), def ? QStringLiteral("default") : QStringLiteral("none"));
                break;
            case PG_QUERY__ALTER_TABLE_TYPE__AT_AddConstraint:
                if (def && def->node_case == PG_QUERY__NODE__NODE_CONSTRAINT
                    && def->constraint->conname && *def->constraint->conname)
                    constraint(
                        rel, text(def->constraint->conname), def->constraint->skip_validation);
                break;
            case PG_QUERY__ALTER_TABLE_TYPE__AT_ValidateConstraint:
                constraint(rel, name, false);
                break;
            case PG_QUERY__ALTER_TABLE_TYPE__AT_DropConstraint:
                constraintGone(rel, name);
                break;
            default:
                break;
            }
        }
    }

    void drop(const PgQuery__DropStmt *drop)
    {
        QString what;
        switch (drop->remove_type) {
        case PG_QUERY__OBJECT_TYPE__OBJECT_TABLE:
            what = QStringLiteral("table");
            break;
        case PG_QUERY__OBJECT_TYPE__OBJECT_VIEW:
            what = QStringLiteral("view");
            break;
        case PG_QUERY__OBJECT_TYPE__OBJECT_MATVIEW:
            what = QStringLiteral("materialized view");
            break;
        case PG_QUERY__OBJECT_TYPE__OBJECT_INDEX:
            what = QStringLiteral("index");
            break;
        case PG_QUERY__OBJECT_TYPE__OBJECT_SEQUENCE:
            what = QStringLiteral("sequence");
            break;
        default:
            return;
        }
        for (size_t i = 0; i < drop->n_objects; ++i) {
            const PgQuery__Node *object = drop->objects[i];
            if (object->node_case != PG_QUERY__NODE__NODE_LIST)
                continue;
            QStringList parts;
            for (size_t k = 0; k < object->list->n_items; ++k) {
                const PgQuery__Node *item = object->list->items[k];
                if (item->node_case == PG_QUERY__NODE__NODE_STRING)
                    parts << SqlIdentifier::quote(text(item->string->sval));
            }
            relationGone(parts.join(QLatin1Char('.')), what);
        }
    }

    void rename(const PgQuery__RenameStmt *rename)
    {
        const QString rel = regName(rename->relation);
        const QString schema = rename->relation ? text(rename->relation->schemaname) : QString();
        switch (rename->rename_type) {
        case PG_QUERY__OBJECT_TYPE__OBJECT_TABLE:
        case PG_QUERY__OBJECT_TYPE__OBJECT_VIEW:
        case PG_QUERY__OBJECT_TYPE__OBJECT_MATVIEW:
        case PG_QUERY__OBJECT_TYPE__OBJECT_INDEX:
        case PG_QUERY__OBJECT_TYPE__OBJECT_SEQUENCE:
            relation(regName(schema, text(rename->newname)), QStringLiteral("renamed"));
            relationGone(rel, QStringLiteral("old name"));
            break;
        case PG_QUERY__OBJECT_TYPE__OBJECT_COLUMN:
            column(rel, text(rename->newname),
                QStringLiteral("renamed from %1").arg(text(rename->subname)));
            columnGone(rel, text(rename->subname));
            break;
        case PG_QUERY__OBJECT_TYPE__OBJECT_TABCONSTRAINT:
            constraint(rel, text(rename->newname), true);
            break;
        default:
            break;
        }
    }

    void statement(const PgQuery__Node *node)
    {
        switch (node->node_case) {
        case PG_QUERY__NODE__NODE_ALTER_TABLE_STMT:
            alterTable(node->alter_table_stmt);
            break;
        case PG_QUERY__NODE__NODE_INDEX_STMT: {
            const PgQuery__IndexStmt *index = node->index_stmt;
            if (index->idxname && *index->idxname)
                this->index(regName(index->relation ? text(index->relation->schemaname) : QString(),
                    text(index->idxname)));
            break;
        }
        case PG_QUERY__NODE__NODE_CREATE_STMT:
            relation(regName(node->create_stmt->relation), QStringLiteral("table"));
            break;
        case PG_QUERY__NODE__NODE_VIEW_STMT:
            relation(regName(node->view_stmt->view), QStringLiteral("view"));
            break;
        case PG_QUERY__NODE__NODE_CREATE_TABLE_AS_STMT:
            if (node->create_table_as_stmt->into)
                relation(regName(node->create_table_as_stmt->into->rel),
                    node->create_table_as_stmt->objtype == PG_QUERY__OBJECT_TYPE__OBJECT_MATVIEW
                        ? QStringLiteral("materialized view")
                        : QStringLiteral("table"));
            break;
        case PG_QUERY__NODE__NODE_CREATE_SEQ_STMT:
            relation(regName(node->create_seq_stmt->sequence), QStringLiteral("sequence"));
            break;
        case PG_QUERY__NODE__NODE_DROP_STMT:
            drop(node->drop_stmt);
            break;
        case PG_QUERY__NODE__NODE_RENAME_STMT:
            rename(node->rename_stmt);
            break;
        case PG_QUERY__NODE__NODE_CREATE_FUNCTION_STMT: {
            const QStringList name = NodeText::strings(
                node->create_function_stmt->funcname, node->create_function_stmt->n_funcname);
            if (name.isEmpty())
                break;
            const QString schema = name.size() > 1 ? name.at(name.size() - 2) : QString();
            checks << ChangeVerifier::Check {
                QStringLiteral("function %1 exists").arg(name.join(QLatin1Char('.'))),
                QString::fromLatin1(kFunction),
                {schema.isEmpty() ? schema : SqlIdentifier::quote(schema), name.last()}, false,
                QStringLiteral("not found")};
            break;
        }
        default:
            break;
        }
    }
};
} // namespace

QList<ChangeVerifier::Check> ChangeVerifier::checksFor(const QByteArray &sql)
{
    const ParsedScript script(sql, 1);
    Builder builder;
    for (const ParsedStatement &st : script.statements()) {
        if (st.isValid())
            builder.statement(st.node);
    }
    return builder.checks;
}

QList<ChangeVerifier::Check> ChangeVerifier::finalChecksFor(const QByteArray &sql)
{
    // An object is its query and its first two parameters (relation and
    // name, or schema and function).
    const auto object = [](const Check &c) -> QString {
        return c.sql + QLatin1Char('\n') + c.params.value(0).toString() + QLatin1Char('\n')
            + c.params.value(1).toString();
    };
    QList<Check> out;
    for (const Check &check : checksFor(sql)) {
        const QString key = object(check);
        out.removeIf([&](const Check &earlier) { return object(earlier) == key; });
        out << check;
    }
    return out;
}

QString ChangeVerifier::assertion(const Check &check)
{
    // One pass, so a literal holding "$2" is left alone.
    static const QRegularExpression parameter(QStringLiteral("\\$(\\d+)"));
    QString sql;
    qsizetype from = 0;
    for (const QRegularExpressionMatch &m : parameter.globalMatch(check.sql)) {
        const QVariant value = check.params.value(m.captured(1).toInt() - 1);
        sql += check.sql.mid(from, m.capturedStart() - from);
        sql += value.isNull() ? QStringLiteral("NULL")
            : value.typeId() == QMetaType::Bool
            ? (value.toBool() ? QStringLiteral("true") : QStringLiteral("false"))
            : SqlIdentifier::literal(value.toString());
        from = m.capturedEnd();
    }
    sql += check.sql.mid(from);
    // Every query returns (ok, found) and at most one row.
    return check.absentIsOk
        ? QStringLiteral("SELECT 1 / (count(*) = 0)::int FROM (%1) AS c (ok, found);").arg(sql)
        : QStringLiteral("SELECT 1 / count(*) FROM (%1) AS c (ok, found) WHERE c.ok;").arg(sql);
}

ChangeVerifier::Verdict ChangeVerifier::judge(
    const Check &check, const Result &result, const QString &error)
{
    static const QString yes = QStringLiteral("✓");
    static const QString no = QStringLiteral("✗");
    if (!error.isEmpty())
        return {false, QStringLiteral("%1 %2: could not check (%3)").arg(no, check.what, error)};
    if (result.rowCount() == 0)
        return {check.absentIsOk,
            QStringLiteral("%1 %2 (%3)")
                .arg(check.absentIsOk ? yes : no, check.what, check.absentText)};
    if (check.absentIsOk)
        return {false,
            QStringLiteral("%1 %2: still there (%3)").arg(no, check.what, result.text(0, 1))};
    const bool ok = result.value(0, 0).toBool();
    return {
        ok, QStringLiteral("%1 %2 (found %3)").arg(ok ? yes : no, check.what, result.text(0, 1))};
}

} // namespace tusk::core
