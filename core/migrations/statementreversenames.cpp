// StatementReverse: the inverses of RENAME and COMMENT ON.

#include "statementreverse.h"

#include "statementreversepieces.h"

namespace tusk::core {

using namespace reversal;

namespace {
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
    const auto found = [&out](const QString &old) {
        out.found = true;
        out.old = old;
    };
    const PgQuery__Node *object = c->object;
    switch (c->objtype) {
    case PG_QUERY__OBJECT_TYPE__OBJECT_TABLE:
    case PG_QUERY__OBJECT_TYPE__OBJECT_VIEW:
    case PG_QUERY__OBJECT_TYPE__OBJECT_MATVIEW:
    case PG_QUERY__OBJECT_TYPE__OBJECT_SEQUENCE:
    case PG_QUERY__OBJECT_TYPE__OBJECT_FOREIGN_TABLE:
    case PG_QUERY__OBJECT_TYPE__OBJECT_INDEX: {
        const NodeSql::Name name = NodeSql::dotted(object);
        out.ident = named(prior, Kind::Relation, name);
        out.keyword = relationKeyword(c->objtype);
        out.target = name.sql;
        if (const DbRelation *r = prior.relation(out.ident))
            found(r->comment.text());
        else if (const DbIndex *x = prior.index(out.ident))
            found(x->comment.text());
        break;
    }
    case PG_QUERY__OBJECT_TYPE__OBJECT_COLUMN:
    case PG_QUERY__OBJECT_TYPE__OBJECT_TABCONSTRAINT:
    case PG_QUERY__OBJECT_TYPE__OBJECT_TRIGGER: {
        const NodeSql::Member m = NodeSql::member(object);
        const QString table = named(prior, Kind::Relation, m.table).key();
        if (c->objtype == PG_QUERY__OBJECT_TYPE__OBJECT_COLUMN) {
            out.ident = prior.ident(Kind::Column, table, m.name);
            out.keyword = QStringLiteral("COLUMN");
            out.target = m.table.sql + QLatin1Char('.') + q(m.name);
            if (const DbColumn *column = prior.column(out.ident))
                found(column->comment.text());
        } else if (c->objtype == PG_QUERY__OBJECT_TYPE__OBJECT_TABCONSTRAINT) {
            out.ident = prior.ident(Kind::Constraint, table, m.name);
            out.keyword = QStringLiteral("CONSTRAINT");
            out.target = q(m.name) + QStringLiteral(" ON ") + m.table.sql;
            if (const DbConstraint *constraint = prior.constraint(out.ident))
                found(constraint->comment.text());
        } else {
            out.ident = prior.ident(Kind::Trigger, table, m.name);
            out.keyword = QStringLiteral("TRIGGER");
            out.target = q(m.name) + QStringLiteral(" ON ") + m.table.sql;
            if (const DbTrigger *trigger = prior.trigger(out.ident))
                found(trigger->comment);
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
        if (const DbSchema *s = schema ? prior.schema(out.ident) : nullptr)
            found(s->comment);
        else if (const DbExtension *e = schema ? nullptr : prior.extension(out.ident))
            found(e->comment);
        break;
    }
    case PG_QUERY__OBJECT_TYPE__OBJECT_TYPE:
    case PG_QUERY__OBJECT_TYPE__OBJECT_DOMAIN: {
        const NodeSql::Name name = NodeSql::dotted(object);
        out.ident = named(prior, Kind::Type, name);
        out.keyword = c->objtype == PG_QUERY__OBJECT_TYPE__OBJECT_TYPE ? QStringLiteral("TYPE")
                                                                       : QStringLiteral("DOMAIN");
        out.target = name.sql;
        if (const DbType *t = prior.type(out.ident))
            found(t->comment);
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
        if (matches.size() == 1)
            found(matches.first()->comment);
        break;
    }
    default:
        out.understood = false;
        break;
    }
    return out;
}

// RENAME of a top-level object: back to its old name. A function's
// signature follows its name in PriorCatalog's key (`keyArgs`) and in the
// SQL (`sqlArgs`).
Piece renamedBack(PriorCatalog &prior, Kind kind, const QString &keyword, const NodeSql::Name &name,
    const QString &to, const QString &keyArgs = {}, const QString &sqlArgs = {})
{
    const QString schema = prior.schemaOf(kind, name.schema, name.name);
    const Ident was = prior.ident(kind, schema, name.name + keyArgs);
    prior.renamed(kind, schema, name.name + keyArgs, to + keyArgs);
    return Piece::undo(
        QStringLiteral("ALTER %1 %2%3 RENAME TO %4;")
            .arg(keyword, SqlIdentifier::qualified(name.schema, to), sqlArgs, q(name.name)),
        was.key());
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
    case PG_QUERY__OBJECT_TYPE__OBJECT_FOREIGN_TABLE:
        return {renamedBack(prior, Kind::Relation, relationKeyword(r->rename_type),
            NodeSql::relation(r->relation), to)};
    case PG_QUERY__OBJECT_TYPE__OBJECT_COLUMN:
    case PG_QUERY__OBJECT_TYPE__OBJECT_TABCONSTRAINT:
    case PG_QUERY__OBJECT_TYPE__OBJECT_TRIGGER:
    case PG_QUERY__OBJECT_TYPE__OBJECT_POLICY: {
        const NodeSql::Name table = NodeSql::relation(r->relation);
        const Ident on = named(prior, Kind::Relation, table);
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
    case PG_QUERY__OBJECT_TYPE__OBJECT_DOMAIN:
        return {renamedBack(prior, Kind::Type,
            r->rename_type == PG_QUERY__OBJECT_TYPE__OBJECT_TYPE ? QStringLiteral("TYPE")
                                                                 : QStringLiteral("DOMAIN"),
            NodeSql::dotted(r->object), to)};
    case PG_QUERY__OBJECT_TYPE__OBJECT_FUNCTION:
    case PG_QUERY__OBJECT_TYPE__OBJECT_PROCEDURE: {
        if (!r->object || r->object->node_case != PG_QUERY__NODE__NODE_OBJECT_WITH_ARGS)
            break;
        const NodeSql::Function f = NodeSql::function(r->object->object_with_args);
        return {renamedBack(prior, Kind::Function,
            r->rename_type == PG_QUERY__OBJECT_TYPE__OBJECT_FUNCTION ? QStringLiteral("FUNCTION")
                                                                     : QStringLiteral("PROCEDURE"),
            f.name, to, f.key.mid(f.name.name.size()), f.sql.mid(f.name.sql.size()))};
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
