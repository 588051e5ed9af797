// StatementReverse: the inverses of DROP (from the snapshot's definitions),
// RENAME and COMMENT ON.

#include "statementreverse.h"

#include "statementreversepieces.h"

#include "core/catalog/ddlwriter.h"

namespace tusk::core {

using namespace reversal;

namespace {
// The common start of every DROP of a snapshot object: the name is gone
// from here on; an object the script made needs nothing; an unknown one
// has no inverse.
template<typename T>
bool dropStart(PriorCatalog &prior, const Ident &was, const T *found, bool missingOk,
    const QString &what, Piece &out)
{
    out.voids = was.key();
    if (was.isScript()) {
        out.reason = QStringLiteral("an earlier statement of the script creates it");
        return false;
    }
    if (found)
        return true;
    if (missingOk && prior.isKnown() && !was.isGone())
        out.reason = QStringLiteral("%1 does not exist").arg(what);
    else
        out = notInSnapshot(prior, what, QStringLiteral("the definition of ") + what);
    out.voids = was.key();
    return false;
}

QString tableSql(const PriorCatalog &prior, const DbRelation &table, bool cascade)
{
    const CatalogSnapshot &s = prior.snapshot();
    QStringList before;
    QStringList after;
    // Serial sequences go with their table: before it (its defaults call
    // them), owned by it again after.
    for (const DbSequence &sequence : s.sequences()) {
        const DbColumn *owner =
            sequence.ownedByOid == table.oid ? s.column(table, sequence.ownedByColumn) : nullptr;
        if (owner && !owner->identity)
            ownedSequenceSql(s, sequence, before, after);
    }
    QStringList sql = before;
    sql << DdlWriter::relation(s, table, {}, s).trimmed();
    for (int i : table.partitions)
        sql << DdlWriter::relation(s, s.relations().at(i), {}, s).trimmed();
    sql << after;
    if (cascade) {
        for (const DbConstraint &c : s.constraints()) {
            if (c.kind == ConstraintKind::ForeignKey && c.referencedOid == table.oid
                && c.relationOid != table.oid)
                sql << prior.constraintSql(c);
        }
    }
    return sql.join(QLatin1Char('\n'));
}

Piece dropRelation(PriorCatalog &prior, const PgQuery__DropStmt *drop, const PgQuery__Node *object)
{
    const NodeSql::Name name = NodeSql::dotted(object);
    const Ident was = prior.dropped(
        Kind::Relation, prior.schemaOf(Kind::Relation, name.schema, name.name), name.name);
    const bool cascade = drop->behavior == PG_QUERY__DROP_BEHAVIOR__DROP_CASCADE;
    Piece out;
    const CatalogSnapshot &s = prior.snapshot();
    switch (drop->remove_type) {
    case PG_QUERY__OBJECT_TYPE__OBJECT_INDEX: {
        const DbIndex *x = prior.index(was);
        if (!dropStart(prior, was, x, drop->missing_ok, QStringLiteral("index ") + name.name, out))
            return out;
        const QString sql = prior.indexSql(*x, drop->concurrent);
        if (sql.isNull())
            return Piece::none(QStringLiteral("the catalog snapshot does not hold the definition "
                                              "of index %1")
                                   .arg(name.name));
        out = Piece::undo(sql, was.key());
        break;
    }
    case PG_QUERY__OBJECT_TYPE__OBJECT_TABLE:
    case PG_QUERY__OBJECT_TYPE__OBJECT_FOREIGN_TABLE: {
        const DbRelation *r = prior.relation(was);
        if (!dropStart(prior, was, r, drop->missing_ok, QStringLiteral("table ") + name.name, out))
            return out;
        if (!s.hasDefinitions() || !DdlWriter::missingPiece(*r).isEmpty())
            return Piece::none(QStringLiteral("the catalog snapshot does not hold the whole "
                                              "definition of %1")
                                   .arg(name.name));
        QString reason =
            QStringLiteral("restores the definition of table %1, not its rows").arg(name.name);
        if (cascade)
            reason += QStringLiteral("; of what CASCADE dropped, only foreign keys come back");
        out = Piece::partial(tableSql(prior, *r, cascade), reason, was.key());
        break;
    }
    case PG_QUERY__OBJECT_TYPE__OBJECT_SEQUENCE: {
        const DbRelation *r = prior.relation(was);
        if (!dropStart(
                prior, was, r, drop->missing_ok, QStringLiteral("sequence ") + name.name, out))
            return out;
        const DbSequence *sequence = s.sequence(r->oid);
        QString sql = DdlWriter::relation(s, *r, {}, s).trimmed();
        if (sequence && sequence->hasLastValue) {
            sql += QLatin1Char('\n') + setvalSql(s, *r, sequence->lastValue);
            out = Piece::undo(sql, was.key());
        } else {
            out = Piece::partial(sql,
                QStringLiteral("restores sequence %1 but not where it stood").arg(name.name),
                was.key());
        }
        break;
    }
    default: {
        const DbRelation *r = prior.relation(was);
        if (!dropStart(prior, was, r, drop->missing_ok, name.name, out))
            return out;
        out = Piece::none(QStringLiteral("the catalog snapshot holds no view definitions"));
        break;
    }
    }
    out.voids = was.key();
    return out;
}

Piece dropType(PriorCatalog &prior, const PgQuery__DropStmt *drop, const PgQuery__Node *object)
{
    const NodeSql::Name name = NodeSql::dotted(object);
    const Ident was =
        prior.dropped(Kind::Type, prior.schemaOf(Kind::Type, name.schema, name.name), name.name);
    const DbType *type = prior.type(was);
    Piece out;
    if (!dropStart(prior, was, type, drop->missing_ok, QStringLiteral("type ") + name.name, out))
        return out;
    out = Piece::undo(DdlWriter::type(prior.snapshot(), *type).trimmed(), was.key());
    if (drop->behavior == PG_QUERY__DROP_BEHAVIOR__DROP_CASCADE) {
        out.safe = false;
        out.reason = QStringLiteral("brings type %1 back, not the columns CASCADE dropped with it")
                         .arg(name.name);
    }
    out.voids = was.key();
    return out;
}

Piece dropOnTable(PriorCatalog &prior, const PgQuery__DropStmt *drop, const PgQuery__Node *object)
{
    const NodeSql::Member on = NodeSql::member(object);
    const bool trigger = drop->remove_type == PG_QUERY__OBJECT_TYPE__OBJECT_TRIGGER;
    const Ident was = prior.dropped(trigger ? Kind::Trigger : Kind::Policy,
        named(prior, Kind::Relation, on.table).key(), on.name);
    Piece out;
    const QString what =
        (trigger ? QStringLiteral("trigger ") : QStringLiteral("policy ")) + on.name;
    const CatalogSnapshot &s = prior.snapshot();
    const DbTrigger *t = trigger ? prior.trigger(was) : nullptr;
    const DbPolicy *p = trigger ? nullptr : prior.policy(was);
    const DbRelation *table = s.relation(t ? t->relationOid : p ? p->relationOid : 0);
    if (!dropStart(prior, was, table, drop->missing_ok, what, out))
        return out;
    QString sql = t ? DdlWriter::trigger(s, *t) : DdlWriter::policy(s, *p);
    if (sql.startsWith(QLatin1String("--")))
        return Piece::none(
            QStringLiteral("the catalog snapshot does not hold the definition of %1").arg(what));
    // The snapshot's DDL names the table as the snapshot did.
    const QString then = s.qualifiedName(*table);
    const QString now = prior.currentName(*table);
    if (then != now) {
        for (const QString &after : {QStringLiteral(" "), QStringLiteral("\n")})
            sql.replace(
                QStringLiteral(" ON ") + then + after, QStringLiteral(" ON ") + now + after);
        sql.replace(QStringLiteral("ALTER TABLE ") + then + QLatin1Char(' '),
            QStringLiteral("ALTER TABLE ") + now + QLatin1Char(' '));
    }
    out = Piece::undo(sql.trimmed(), was.key());
    out.voids = was.key();
    return out;
}

Piece dropOther(PriorCatalog &prior, const PgQuery__DropStmt *drop, const PgQuery__Node *object)
{
    const bool cascade = drop->behavior == PG_QUERY__DROP_BEHAVIOR__DROP_CASCADE;
    Piece out;
    switch (drop->remove_type) {
    case PG_QUERY__OBJECT_TYPE__OBJECT_SCHEMA: {
        const QString name = NodeSql::dotted(object).name;
        const Ident was = prior.dropped(Kind::Schema, QString(), name);
        const DbSchema *schema = prior.schema(was);
        if (!dropStart(prior, was, schema, drop->missing_ok, QStringLiteral("schema ") + name, out))
            return out;
        if (cascade)
            return Piece::none(
                QStringLiteral("CASCADE drops everything schema %1 holds").arg(name));
        out = Piece::undo(DdlWriter::schema(*schema).trimmed(), was.key());
        out.voids = was.key();
        return out;
    }
    case PG_QUERY__OBJECT_TYPE__OBJECT_EXTENSION: {
        const QString name = NodeSql::dotted(object).name;
        const Ident was = prior.dropped(Kind::Extension, QString(), name);
        const DbExtension *extension = prior.extension(was);
        if (!dropStart(
                prior, was, extension, drop->missing_ok, QStringLiteral("extension ") + name, out))
            return out;
        out = Piece::undo(DdlWriter::extension(prior.snapshot(), *extension).trimmed(), was.key());
        if (cascade) {
            out.safe = false;
            out.reason =
                QStringLiteral("brings extension %1 back, not what CASCADE dropped with it")
                    .arg(name);
        }
        out.voids = was.key();
        return out;
    }
    case PG_QUERY__OBJECT_TYPE__OBJECT_FUNCTION:
    case PG_QUERY__OBJECT_TYPE__OBJECT_PROCEDURE:
    case PG_QUERY__OBJECT_TYPE__OBJECT_ROUTINE: {
        if (object->node_case != PG_QUERY__NODE__NODE_OBJECT_WITH_ARGS)
            break;
        const NodeSql::Function f = NodeSql::function(object->object_with_args);
        const Ident was = prior.dropped(
            Kind::Function, prior.schemaOf(Kind::Function, f.name.schema, f.name.name), f.key);
        out.voids = was.key();
        if (was.isScript())
            return out;
        out = Piece::none(QStringLiteral("the catalog snapshot holds no function bodies"));
        out.voids = was.key();
        return out;
    }
    default:
        break;
    }
    const ProtobufCEnumValue *kind =
        protobuf_c_enum_descriptor_get_value(&pg_query__object_type__descriptor, drop->remove_type);
    return Piece::none(QStringLiteral("Tusk has no inverse for DROP %1")
                           .arg(kind ? QString::fromLatin1(kind->name)
                                           .mid(7)
                                           .replace(QLatin1Char('_'), QLatin1Char(' '))
                                     : QStringLiteral("of this kind")));
}
} // namespace

StatementReverse::Pieces StatementReverse::drop(
    const PgQuery__Node *node, PriorCatalog &prior) const
{
    const PgQuery__DropStmt *drop = node->drop_stmt;
    Pieces out;
    for (size_t i = 0; i < drop->n_objects; ++i) {
        const PgQuery__Node *object = drop->objects[i];
        switch (drop->remove_type) {
        case PG_QUERY__OBJECT_TYPE__OBJECT_TABLE:
        case PG_QUERY__OBJECT_TYPE__OBJECT_FOREIGN_TABLE:
        case PG_QUERY__OBJECT_TYPE__OBJECT_INDEX:
        case PG_QUERY__OBJECT_TYPE__OBJECT_SEQUENCE:
        case PG_QUERY__OBJECT_TYPE__OBJECT_VIEW:
        case PG_QUERY__OBJECT_TYPE__OBJECT_MATVIEW:
            out << dropRelation(prior, drop, object);
            break;
        case PG_QUERY__OBJECT_TYPE__OBJECT_TYPE:
        case PG_QUERY__OBJECT_TYPE__OBJECT_DOMAIN:
            out << dropType(prior, drop, object);
            break;
        case PG_QUERY__OBJECT_TYPE__OBJECT_TRIGGER:
        case PG_QUERY__OBJECT_TYPE__OBJECT_POLICY:
            out << dropOnTable(prior, drop, object);
            break;
        default:
            out << dropOther(prior, drop, object);
            break;
        }
    }
    return out;
}

} // namespace tusk::core
