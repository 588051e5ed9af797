// StatementReverse: the inverses of RENAME and COMMENT ON.

#include "statementreverse.h"

#include "nodesql.h"
#include "priorcatalog.h"

#include "core/lint/nodetext.h"
#include "core/sql/sqlidentifier.h"

#include <pg_query/pg_query.pb-c.h>

namespace tusk::core {

using Piece = StatementReverse::Piece;
using Kind = PriorCatalog::Kind;
using Ident = PriorCatalog::Ident;

namespace {
QString q(const QString &name)
{
    return SqlIdentifier::quote(name);
}

QString relationKeyword(PgQuery__ObjectType type)
{
    switch (type) {
    case PG_QUERY__OBJECT_TYPE__OBJECT_VIEW:
        return QStringLiteral("VIEW");
    case PG_QUERY__OBJECT_TYPE__OBJECT_MATVIEW:
        return QStringLiteral("MATERIALIZED VIEW");
    case PG_QUERY__OBJECT_TYPE__OBJECT_INDEX:
        return QStringLiteral("INDEX");
    case PG_QUERY__OBJECT_TYPE__OBJECT_SEQUENCE:
        return QStringLiteral("SEQUENCE");
    case PG_QUERY__OBJECT_TYPE__OBJECT_FOREIGN_TABLE:
        return QStringLiteral("FOREIGN TABLE");
    default:
        return QStringLiteral("TABLE");
    }
}

// [schema.]table.name in a COMMENT ON COLUMN, CONSTRAINT or TRIGGER.
struct Member {
    Ident table;
    QString tableSql;
    QString name;
};
Member member(const PriorCatalog &prior, const PgQuery__Node *node)
{
    Member out;
    if (!node || node->node_case != PG_QUERY__NODE__NODE_LIST)
        return out;
    QStringList parts = NodeText::strings(node->list->items, node->list->n_items);
    if (parts.size() < 2)
        return out;
    out.name = parts.takeLast();
    const QString table = parts.takeLast();
    const QString schema = parts.isEmpty() ? QString() : parts.last();
    out.tableSql = schema.isEmpty() ? q(table) : SqlIdentifier::qualified(schema, table);
    out.table = prior.ident(Kind::Relation, prior.schemaOf(Kind::Relation, schema, table), table);
    return out;
}

// What COMMENT ON names: its identity, how to name it again, its comment
// in the snapshot (and whether the snapshot has the object at all).
struct Commented {
    Ident ident;
    QString keyword;
    QString target;
    QString old;
    bool found = false;
    bool understood = true;
};

Commented commented(const PriorCatalog &prior, const PgQuery__CommentStmt *c)
{
    Commented out;
    const PgQuery__Node *object = c->object;
    switch (c->objtype) {
    case PG_QUERY__OBJECT_TYPE__OBJECT_TABLE:
    case PG_QUERY__OBJECT_TYPE__OBJECT_VIEW:
    case PG_QUERY__OBJECT_TYPE__OBJECT_MATVIEW:
    case PG_QUERY__OBJECT_TYPE__OBJECT_SEQUENCE:
    case PG_QUERY__OBJECT_TYPE__OBJECT_FOREIGN_TABLE:
    case PG_QUERY__OBJECT_TYPE__OBJECT_INDEX: {
        const NodeSql::Name name = NodeSql::dotted(object);
        out.ident = prior.ident(
            Kind::Relation, prior.schemaOf(Kind::Relation, name.schema, name.name), name.name);
        out.keyword = relationKeyword(c->objtype);
        out.target = name.sql;
        if (const DbRelation *r = prior.relation(out.ident)) {
            out.found = true;
            out.old = r->comment.text();
        } else if (const DbIndex *x = prior.index(out.ident)) {
            out.found = true;
            out.old = x->comment.text();
        }
        break;
    }
    case PG_QUERY__OBJECT_TYPE__OBJECT_COLUMN:
    case PG_QUERY__OBJECT_TYPE__OBJECT_TABCONSTRAINT:
    case PG_QUERY__OBJECT_TYPE__OBJECT_TRIGGER: {
        const Member m = member(prior, object);
        if (c->objtype == PG_QUERY__OBJECT_TYPE__OBJECT_COLUMN) {
            out.ident = prior.ident(Kind::Column, m.table.key(), m.name);
            out.keyword = QStringLiteral("COLUMN");
            out.target = m.tableSql + QLatin1Char('.') + q(m.name);
            if (const DbColumn *column = prior.column(out.ident)) {
                out.found = true;
                out.old = column->comment.text();
            }
        } else if (c->objtype == PG_QUERY__OBJECT_TYPE__OBJECT_TABCONSTRAINT) {
            out.ident = prior.ident(Kind::Constraint, m.table.key(), m.name);
            out.keyword = QStringLiteral("CONSTRAINT");
            out.target = q(m.name) + QStringLiteral(" ON ") + m.tableSql;
            if (const DbConstraint *constraint = prior.constraint(out.ident)) {
                out.found = true;
                out.old = constraint->comment.text();
            }
        } else {
            out.ident = prior.ident(Kind::Trigger, m.table.key(), m.name);
            out.keyword = QStringLiteral("TRIGGER");
            out.target = q(m.name) + QStringLiteral(" ON ") + m.tableSql;
            if (const DbTrigger *trigger = prior.trigger(out.ident)) {
                out.found = true;
                out.old = trigger->comment;
            }
        }
        break;
    }
    case PG_QUERY__OBJECT_TYPE__OBJECT_SCHEMA:
    case PG_QUERY__OBJECT_TYPE__OBJECT_EXTENSION: {
        const bool schema = c->objtype == PG_QUERY__OBJECT_TYPE__OBJECT_SCHEMA;
        const QString name = NodeSql::dotted(object).name;
        out.ident = prior.ident(schema ? Kind::Schema : Kind::Extension, QString(), name);
        out.keyword = schema ? QStringLiteral("SCHEMA") : QStringLiteral("EXTENSION");
        out.target = q(name);
        if (const DbSchema *s = schema ? prior.schema(out.ident) : nullptr) {
            out.found = true;
            out.old = s->comment;
        } else if (const DbExtension *e = schema ? nullptr : prior.extension(out.ident)) {
            out.found = true;
            out.old = e->comment;
        }
        break;
    }
    case PG_QUERY__OBJECT_TYPE__OBJECT_TYPE:
    case PG_QUERY__OBJECT_TYPE__OBJECT_DOMAIN: {
        const NodeSql::Name name = NodeSql::dotted(object);
        out.ident =
            prior.ident(Kind::Type, prior.schemaOf(Kind::Type, name.schema, name.name), name.name);
        out.keyword = c->objtype == PG_QUERY__OBJECT_TYPE__OBJECT_TYPE ? QStringLiteral("TYPE")
                                                                       : QStringLiteral("DOMAIN");
        out.target = name.sql;
        if (const DbType *t = prior.type(out.ident)) {
            out.found = true;
            out.old = t->comment;
        }
        break;
    }
    case PG_QUERY__OBJECT_TYPE__OBJECT_FUNCTION:
    case PG_QUERY__OBJECT_TYPE__OBJECT_PROCEDURE: {
        if (!object || object->node_case != PG_QUERY__NODE__NODE_OBJECT_WITH_ARGS) {
            out.understood = false;
            break;
        }
        const NodeSql::Function f = NodeSql::function(object->object_with_args);
        out.ident = prior.ident(
            Kind::Function, prior.schemaOf(Kind::Function, f.name.schema, f.name.name), f.key);
        out.keyword = c->objtype == PG_QUERY__OBJECT_TYPE__OBJECT_FUNCTION
            ? QStringLiteral("FUNCTION")
            : QStringLiteral("PROCEDURE");
        out.target = f.sql;
        const QList<const DbFunction *> matches =
            prior.functions(out.ident, f.argumentsKnown ? int(f.argumentTypes.size()) : -1);
        // By name and arity only: one match is the function; more are
        // overloads Tusk cannot tell apart.
        if (matches.size() == 1) {
            out.found = true;
            out.old = matches.first()->comment;
        }
        break;
    }
    default:
        out.understood = false;
        break;
    }
    return out;
}
} // namespace

StatementReverse::Pieces StatementReverse::rename(
    const PgQuery__Node *node, PriorCatalog &prior) const
{
    const PgQuery__RenameStmt *r = node->rename_stmt;
    const QString to = QString::fromUtf8(r->newname);
    const QString from = QString::fromUtf8(r->subname);
    switch (r->rename_type) {
    case PG_QUERY__OBJECT_TYPE__OBJECT_TABLE:
    case PG_QUERY__OBJECT_TYPE__OBJECT_VIEW:
    case PG_QUERY__OBJECT_TYPE__OBJECT_MATVIEW:
    case PG_QUERY__OBJECT_TYPE__OBJECT_INDEX:
    case PG_QUERY__OBJECT_TYPE__OBJECT_SEQUENCE:
    case PG_QUERY__OBJECT_TYPE__OBJECT_FOREIGN_TABLE: {
        const NodeSql::Name name = NodeSql::relation(r->relation);
        const QString schema = prior.schemaOf(Kind::Relation, name.schema, name.name);
        const Ident was = prior.ident(Kind::Relation, schema, name.name);
        prior.renamed(Kind::Relation, schema, name.name, to);
        const QString now =
            name.schema.isEmpty() ? q(to) : SqlIdentifier::qualified(name.schema, to);
        return {Piece::undo(QStringLiteral("ALTER %1 %2 RENAME TO %3;")
                                .arg(relationKeyword(r->rename_type), now, q(name.name)),
            was.key())};
    }
    case PG_QUERY__OBJECT_TYPE__OBJECT_COLUMN:
    case PG_QUERY__OBJECT_TYPE__OBJECT_TABCONSTRAINT:
    case PG_QUERY__OBJECT_TYPE__OBJECT_TRIGGER:
    case PG_QUERY__OBJECT_TYPE__OBJECT_POLICY: {
        const NodeSql::Name table = NodeSql::relation(r->relation);
        const Ident on = prior.ident(
            Kind::Relation, prior.schemaOf(Kind::Relation, table.schema, table.name), table.name);
        const Kind kind = r->rename_type == PG_QUERY__OBJECT_TYPE__OBJECT_COLUMN ? Kind::Column
            : r->rename_type == PG_QUERY__OBJECT_TYPE__OBJECT_TABCONSTRAINT      ? Kind::Constraint
            : r->rename_type == PG_QUERY__OBJECT_TYPE__OBJECT_TRIGGER            ? Kind::Trigger
                                                                                 : Kind::Policy;
        const Ident was = prior.ident(kind, on.key(), from);
        prior.renamed(kind, on.key(), from, to);
        if (on.isScript())
            return {Piece::nothing(QStringLiteral("%1 is created by the script").arg(table.name))};
        QString sql;
        if (kind == Kind::Column || kind == Kind::Constraint)
            sql = QStringLiteral("ALTER %1 %2 RENAME %3 %4 TO %5;")
                      .arg(relationKeyword(r->relation_type), table.sql,
                          kind == Kind::Column ? QStringLiteral("COLUMN")
                                               : QStringLiteral("CONSTRAINT"),
                          q(to), q(from));
        else
            sql = QStringLiteral("ALTER %1 %2 ON %3 RENAME TO %4;")
                      .arg(kind == Kind::Trigger ? QStringLiteral("TRIGGER")
                                                 : QStringLiteral("POLICY"),
                          q(to), table.sql, q(from));
        return {Piece::undo(sql, was.key())};
    }
    case PG_QUERY__OBJECT_TYPE__OBJECT_SCHEMA: {
        const Ident was = prior.ident(Kind::Schema, QString(), from);
        prior.renamed(Kind::Schema, QString(), from, to);
        return {Piece::undo(
            QStringLiteral("ALTER SCHEMA %1 RENAME TO %2;").arg(q(to), q(from)), was.key())};
    }
    case PG_QUERY__OBJECT_TYPE__OBJECT_TYPE:
    case PG_QUERY__OBJECT_TYPE__OBJECT_DOMAIN: {
        const NodeSql::Name name = NodeSql::dotted(r->object);
        const QString schema = prior.schemaOf(Kind::Type, name.schema, name.name);
        const Ident was = prior.ident(Kind::Type, schema, name.name);
        prior.renamed(Kind::Type, schema, name.name, to);
        const QString now =
            name.schema.isEmpty() ? q(to) : SqlIdentifier::qualified(name.schema, to);
        return {Piece::undo(QStringLiteral("ALTER %1 %2 RENAME TO %3;")
                                .arg(r->rename_type == PG_QUERY__OBJECT_TYPE__OBJECT_TYPE
                                        ? QStringLiteral("TYPE")
                                        : QStringLiteral("DOMAIN"),
                                    now, q(name.name)),
            was.key())};
    }
    case PG_QUERY__OBJECT_TYPE__OBJECT_FUNCTION:
    case PG_QUERY__OBJECT_TYPE__OBJECT_PROCEDURE: {
        if (!r->object || r->object->node_case != PG_QUERY__NODE__NODE_OBJECT_WITH_ARGS)
            break;
        const NodeSql::Function f = NodeSql::function(r->object->object_with_args);
        const QString schema = prior.schemaOf(Kind::Function, f.name.schema, f.name.name);
        const QString args = f.key.mid(f.name.name.size());
        const Ident was = prior.ident(Kind::Function, schema, f.key);
        prior.renamed(Kind::Function, schema, f.key, to + args);
        const QString now =
            f.name.schema.isEmpty() ? q(to) : SqlIdentifier::qualified(f.name.schema, to);
        return {Piece::undo(QStringLiteral("ALTER %1 %2%3 RENAME TO %4;")
                                .arg(r->rename_type == PG_QUERY__OBJECT_TYPE__OBJECT_FUNCTION
                                        ? QStringLiteral("FUNCTION")
                                        : QStringLiteral("PROCEDURE"),
                                    now, f.sql.mid(f.name.sql.size()), q(f.name.name)),
            was.key())};
    }
    default:
        break;
    }
    return {Piece::none(QStringLiteral("Tusk has no inverse for this kind of RENAME"))};
}

StatementReverse::Pieces StatementReverse::comment(
    const PgQuery__Node *node, PriorCatalog &prior) const
{
    const Commented c = commented(prior, node->comment_stmt);
    if (!c.understood)
        return {Piece::none(QStringLiteral("Tusk has no inverse for this kind of COMMENT ON"))};
    if (c.ident.isScript())
        return {Piece::nothing(QStringLiteral("an earlier statement of the script creates it"))};
    if (!prior.isKnown())
        return {Piece::needsCatalog(QStringLiteral("the old comment on %1").arg(c.target))};
    if (!c.found)
        return {Piece::none(QStringLiteral("%1 is not in the catalog snapshot").arg(c.target))};
    Ident object = c.ident;
    if (prior.changedBefore(object, QStringLiteral("comment")))
        return {Piece::none(
            QStringLiteral("an earlier statement of the script changes the comment on %1")
                .arg(c.target))};
    return {Piece::undo(
        QStringLiteral("COMMENT ON %1 %2 IS %3;")
            .arg(c.keyword, c.target,
                c.old.isEmpty() ? QStringLiteral("NULL") : SqlIdentifier::literal(c.old)),
        c.ident.key())};
}

} // namespace tusk::core
