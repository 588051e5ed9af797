// StatementReverse: the inverses of ALTER TABLE's subcommands.

#include "statementreverse.h"

#include "statementreversepieces.h"

#include "core/catalog/ddlwriter.h"
#include "core/lint/nodetext.h"
#include "core/lint/rules/altercommands.h"

#include <algorithm>

namespace tusk::core {

using namespace reversal;

namespace {
// One ALTER statement: the table as the script names it and as the
// snapshot had it.
struct Alter {
    PriorCatalog &prior;
    Ident table;
    const DbRelation *relation = nullptr; // the snapshot's, or null
    QString schema; // where the table's name resolves
    QString head; // "ALTER TABLE shop.orders"
    QString tableSql; // "shop.orders"
    int statement = 0;

    Ident column(const QString &name) const { return prior.ident(Kind::Column, table.key(), name); }
    QString columnSql(const QString &name, const QString &action) const
    {
        return QStringLiteral("%1 ALTER COLUMN %2 %3;").arg(head, q(name), action);
    }
};

// Why the old state of a column is not known.
Piece unknownColumn(const Alter &a, const Ident &column, const QString &what)
{
    if (!a.prior.isKnown())
        return Piece::needsCatalog(what);
    if (column.isGone())
        return Piece::none(
            QStringLiteral("column %1 is dropped earlier in the script").arg(column.name));
    return Piece::none(QStringLiteral("column %1 of %2 is not in the catalog snapshot")
                           .arg(column.name, a.tableSql));
}

// The column an ALTER COLUMN subcommand changes, as the snapshot had it.
struct OldColumn {
    QString name;
    Ident ident;
    // Null for a column the script added, or one whose old state is not
    // known: `inverse` says so.
    const DbColumn *old = nullptr;
    QList<Piece> inverse;
};

// `what`: the old state the inverse needs, "%1" standing for the name.
OldColumn oldColumn(const Alter &a, const PgQuery__AlterTableCmd *cmd, const QString &what)
{
    OldColumn out;
    out.name = QString::fromUtf8(cmd->name);
    out.ident = a.column(out.name);
    if (out.ident.isScript()) {
        out.inverse = {
            Piece::nothing(QStringLiteral("an earlier statement of the script adds it"))};
        return out;
    }
    out.old = a.prior.column(out.ident);
    if (!out.old)
        out.inverse = {unknownColumn(a, out.ident, what.arg(out.name))};
    return out;
}

// No inverse: an earlier statement changed `what` already, so the old
// state is no longer the snapshot's.
QString changedEarlier(const QString &what)
{
    return QStringLiteral("an earlier statement of the script changes ") + what;
}

// DROP COLUMN and DROP CONSTRAINT when the snapshot's object is not at
// hand: nothing to undo for one the script added or IF EXISTS did not
// find; `unknown` otherwise.
QList<Piece> droppedUnknown(const Alter &a, const Ident &was, const PgQuery__AlterTableCmd *cmd,
    const QString &what, const Piece &unknown)
{
    if (was.isScript()) {
        Piece p = voiding(was.key());
        p.reason = QStringLiteral("an earlier statement of the script adds it");
        return {p};
    }
    if (cmd->missing_ok && a.prior.isKnown() && !was.isGone())
        return {Piece::nothing(QStringLiteral("%1 does not exist").arg(what))};
    return {unknown};
}

QList<Piece> addColumn(Alter &a, const PgQuery__AlterTableCmd *cmd)
{
    if (!cmd->def || cmd->def->node_case != PG_QUERY__NODE__NODE_COLUMN_DEF)
        return {Piece::none(QStringLiteral("ADD COLUMN without a column definition"))};
    const QString name = QString::fromUtf8(cmd->def->column_def->colname);
    const Ident was = a.column(name);
    if (cmd->missing_ok && !was.isGone()) {
        if (was.isScript())
            return {Piece::nothing(QStringLiteral("an earlier statement of the script adds it"))};
        if (!a.prior.isKnown())
            return {Piece::needsCatalog(
                QStringLiteral("whether column %1 existed (IF NOT EXISTS)").arg(name))};
        if (a.prior.column(was))
            return {Piece::nothing(QStringLiteral("column %1 existed already").arg(name))};
    }
    a.prior.created(Kind::Column, a.table.key(), name, a.statement);
    return {Piece::undo(
        QStringLiteral("%1 DROP COLUMN %2;").arg(a.head, q(name)), a.column(name).key())};
}

// The serial sequence a column owns goes with it: back before the column
// (its DEFAULT calls it), owned by it again after.
void ownedSequence(const Alter &a, const DbColumn &column, QStringList &before, QStringList &after)
{
    const CatalogSnapshot &s = a.prior.snapshot();
    for (const DbSequence &sequence : s.sequences()) {
        if (sequence.ownedByOid == column.relationOid && sequence.ownedByColumn == column.position
            && !column.identity)
            ownedSequenceSql(s, sequence, before, after);
    }
}

// An index goes with a dropped column when it keys on it, includes it or
// names it in an expression or predicate.
bool indexUses(const DbIndex &index, const DbColumn &column)
{
    if (index.keyColumns.contains(column.position))
        return true;
    const qsizetype using_ = index.definition.indexOf(QLatin1String(" USING "));
    const QString tail = using_ < 0 ? index.definition : index.definition.mid(using_);
    const QString name = q(column.name);
    for (qsizetype at = tail.indexOf(name); at >= 0; at = tail.indexOf(name, at + 1)) {
        const auto isWord = [](QChar c) { return c.isLetterOrNumber() || c == u'_' || c == u'$'; };
        const bool startOk = at == 0 || !isWord(tail.at(at - 1));
        const qsizetype end = at + name.size();
        if (startOk && (end >= tail.size() || !isWord(tail.at(end))))
            return true;
    }
    return false;
}

QList<Piece> dropColumn(Alter &a, const PgQuery__AlterTableCmd *cmd)
{
    const QString name = QString::fromUtf8(cmd->name);
    const Ident was = a.prior.dropped(Kind::Column, a.table.key(), name);
    const DbColumn *column = a.prior.column(was);
    if (!column)
        return droppedUnknown(a, was, cmd, QStringLiteral("column ") + name,
            unknownColumn(a, was, QStringLiteral("the definition of column %1").arg(name)));
    QList<Piece> out {voiding(was.key())};
    if ((column->hasDefault || column->generated) && column->defaultValue.isNull())
        return {Piece::none(
            QStringLiteral("the default of column %1 is not in the catalog snapshot").arg(name))};
    const CatalogSnapshot &s = a.prior.snapshot();
    const DbRelation &table = *s.relation(column->relationOid);
    const bool cascade = cmd->behavior == PG_QUERY__DROP_BEHAVIOR__DROP_CASCADE;
    QStringList before;
    QStringList after;
    ownedSequence(a, *column, before, after);
    QStringList sql = before;
    sql << QStringLiteral("%1 ADD COLUMN %2;").arg(a.head, DdlWriter::columnDefinition(*column));
    sql << after;
    if (!column->comment.isEmpty())
        sql << QStringLiteral("COMMENT ON COLUMN %1.%2 IS %3;")
                   .arg(a.tableSql, q(column->name), SqlIdentifier::literal(column->comment));
    // Constraints and indexes on the column went with it; keys first, as
    // foreign keys may reference them.
    QList<const DbConstraint *> constraints;
    for (int i : table.constraints) {
        if (s.constraints().at(i).columns.contains(column->position))
            constraints << &s.constraints().at(i);
    }
    if (cascade) {
        for (const DbConstraint &c : s.constraints()) {
            if (c.kind == ConstraintKind::ForeignKey && c.referencedOid == table.oid
                && c.relationOid != table.oid && c.referencedColumns.contains(column->position))
                constraints << &c;
        }
    }
    std::stable_sort(
        constraints.begin(), constraints.end(), [](const DbConstraint *x, const DbConstraint *y) {
            return (x->kind == ConstraintKind::ForeignKey)
                < (y->kind == ConstraintKind::ForeignKey);
        });
    bool readable = true;
    for (const DbConstraint *c : std::as_const(constraints)) {
        const QString restore = a.prior.constraintSql(*c);
        readable = readable && !restore.isNull();
        sql << restore;
        out << voiding(a.prior.keyOf(*c));
    }
    for (int i : table.indexes) {
        const DbIndex &x = s.indexes().at(i);
        const bool backsConstraint =
            std::any_of(constraints.cbegin(), constraints.cend(), [&x](const DbConstraint *c) {
                return c->indexOid == x.oid && c->kind != ConstraintKind::ForeignKey;
            });
        if (backsConstraint || !indexUses(x, *column))
            continue;
        const QString restore = a.prior.indexSql(x);
        readable = readable && !restore.isNull();
        sql << restore;
        out << voiding(a.prior.keyOf(x));
    }
    if (!readable)
        return {Piece::none(QStringLiteral("a definition that goes with column %1 is not in the "
                                           "catalog snapshot")
                                .arg(name))};
    QString reason = QStringLiteral("restores the definition of column %1, not its data").arg(name);
    const int last = table.columns.isEmpty() ? 0 : s.columns().at(table.columns.last()).position;
    if (column->position != last)
        reason += QStringLiteral(" (as the table's last column)");
    if (column->notNull && !column->hasDefault && !column->identity)
        reason += QStringLiteral("; NOT NULL fails while the table has rows");
    if (cascade)
        reason += QStringLiteral("; views and other objects CASCADE dropped do not come back");
    out.first() = Piece::partial(sql.join(QLatin1Char('\n')), reason, was.key());
    out.first().voids = was.key();
    return out;
}

QList<Piece> alterType(Alter &a, const PgQuery__AlterTableCmd *cmd)
{
    const OldColumn c = oldColumn(a, cmd, QStringLiteral("the old type of column %1"));
    if (!c.old)
        return c.inverse;
    if (a.prior.changedBefore(c.ident, QStringLiteral("type")))
        return {Piece::none(changedEarlier(QStringLiteral("the type of column ") + c.name))};
    QString action = QStringLiteral("TYPE ") + c.old->type;
    if (!c.old->collation.isEmpty())
        action += QStringLiteral(" COLLATE ") + q(c.old->collation);
    const bool using_ = cmd->def && cmd->def->node_case == PG_QUERY__NODE__NODE_COLUMN_DEF
        && cmd->def->column_def->raw_default;
    // The forward change needed an explicit conversion: so may the way back.
    if (using_)
        action += QStringLiteral(" USING %1::%2").arg(q(c.name), c.old->type);
    Piece p = Piece::undo(a.columnSql(c.name, action), c.ident.key());
    p.reason = QStringLiteral("the values must convert back to %1").arg(c.old->type);
    return {p};
}

QList<Piece> notNull(Alter &a, const PgQuery__AlterTableCmd *cmd, bool set)
{
    const OldColumn c = oldColumn(a, cmd, QStringLiteral("whether column %1 was NOT NULL"));
    if (!c.old)
        return c.inverse;
    if (a.prior.changedBefore(c.ident, QStringLiteral("notnull")))
        return {Piece::none(changedEarlier(QStringLiteral("NOT NULL on ") + c.name))};
    if (c.old->notNull == set)
        return {Piece::nothing()};
    Piece p = Piece::undo(
        a.columnSql(c.name, set ? QStringLiteral("DROP NOT NULL") : QStringLiteral("SET NOT NULL")),
        c.ident.key());
    if (!set)
        p.reason = QStringLiteral("no NULL may be written to %1 meanwhile").arg(c.name);
    return {p};
}

QList<Piece> columnDefault(Alter &a, const PgQuery__AlterTableCmd *cmd)
{
    const OldColumn c = oldColumn(a, cmd, QStringLiteral("the old default of column %1"));
    if (!c.old)
        return c.inverse;
    if (c.old->hasDefault && c.old->defaultValue.isNull())
        return {Piece::none(QStringLiteral("the catalog snapshot was read without the default of "
                                           "column %1")
                                .arg(c.name))};
    if (a.prior.changedBefore(c.ident, QStringLiteral("default")))
        return {Piece::none(changedEarlier(QStringLiteral("the default of ") + c.name))};
    if (!c.old->hasDefault && !cmd->def)
        return {Piece::nothing()};
    return {Piece::undo(a.columnSql(c.name,
                            c.old->hasDefault ? QStringLiteral("SET DEFAULT ") + c.old->defaultValue
                                              : QStringLiteral("DROP DEFAULT")),
        c.ident.key())};
}

QList<Piece> addConstraint(Alter &a, const PgQuery__AlterTableCmd *cmd)
{
    const PgQuery__Constraint *c = AlterCommands::addedConstraint(cmd);
    if (!c || !c->conname || !*c->conname)
        return {Piece::none(
            QStringLiteral("the server picks the constraint's name; name it to get an inverse"))};
    const QString name = QString::fromUtf8(c->conname);
    a.prior.created(Kind::Constraint, a.table.key(), name, a.statement);
    Piece p = Piece::undo(QStringLiteral("%1 DROP CONSTRAINT %2;").arg(a.head, q(name)),
        a.prior.ident(Kind::Constraint, a.table.key(), name).key());
    Piece consumed; // the index a constraint USING INDEX takes over
    QStringList keys = NodeText::strings(c->keys, c->n_keys);
    // USING INDEX: the constraint takes the index over (and its name);
    // dropping the constraint drops it, so it comes back from the snapshot.
    if (c->indexname && *c->indexname) {
        const Ident index =
            a.prior.dropped(Kind::Relation, a.schema, QString::fromUtf8(c->indexname));
        consumed = voiding(index.key());
        if (const DbIndex *x = a.prior.index(index)) {
            const QString restore = a.prior.indexSql(*x);
            if (restore.isNull())
                return {Piece::none(QStringLiteral("the definition of index %1 is not in the "
                                                   "catalog snapshot")
                                        .arg(index.name))};
            p.sql += QLatin1Char('\n') + restore;
            if (const DbRelation *r = a.prior.snapshot().relation(x->relationOid))
                keys = a.prior.snapshot().columnNames(*r, x->keyColumns);
        } else if (index.isScript()) {
            keys = a.prior.indexColumns(index);
        }
    }
    // A primary key makes its columns NOT NULL, and dropping it does not
    // undo that.
    if (c->contype != PG_QUERY__CONSTR_TYPE__CONSTR_PRIMARY)
        return {p, consumed};
    for (const QString &key : std::as_const(keys)) {
        const Ident column = a.column(key);
        if (column.isScript())
            continue;
        const DbColumn *old = a.prior.column(column);
        if (!old) {
            const Piece unknown =
                unknownColumn(a, column, QStringLiteral("whether column %1 was NOT NULL").arg(key));
            p.safe = false;
            p.reason = unknown.reason;
            continue;
        }
        if (a.prior.changedBefore(column, QStringLiteral("notnull"))) {
            p.safe = false;
            p.reason = changedEarlier(QStringLiteral("NOT NULL on ") + key);
        } else if (!old->notNull) {
            p.sql += QLatin1Char('\n') + a.columnSql(key, QStringLiteral("DROP NOT NULL"));
        }
    }
    return {p, consumed};
}

QList<Piece> dropConstraint(Alter &a, const PgQuery__AlterTableCmd *cmd)
{
    const QString name = QString::fromUtf8(cmd->name);
    const Ident was = a.prior.dropped(Kind::Constraint, a.table.key(), name);
    const DbConstraint *c = a.prior.constraint(was);
    const QString what = QStringLiteral("constraint ") + name;
    if (!c)
        return droppedUnknown(a, was, cmd, what,
            notInSnapshot(a.prior, what, QStringLiteral("the definition of ") + what));
    QList<Piece> out {voiding(was.key())};
    QStringList sql {a.prior.constraintSql(*c)};
    // CASCADE took the foreign keys that referenced this key with it.
    if (cmd->behavior == PG_QUERY__DROP_BEHAVIOR__DROP_CASCADE && c->indexOid
        && c->kind != ConstraintKind::ForeignKey) {
        for (const DbConstraint &fk : a.prior.snapshot().constraints()) {
            if (fk.kind == ConstraintKind::ForeignKey && fk.indexOid == c->indexOid) {
                sql << a.prior.constraintSql(fk);
                out << voiding(a.prior.keyOf(fk));
            }
        }
    }
    if (sql.contains(QString()))
        return {Piece::none(
            QStringLiteral("the definition of constraint %1 is not in the catalog snapshot")
                .arg(name))};
    if (const DbIndex *x =
            c->kind != ConstraintKind::ForeignKey ? a.prior.snapshot().index(c->indexOid) : nullptr)
        out << voiding(a.prior.keyOf(*x));
    out.first() = Piece::undo(sql.join(QLatin1Char('\n')), was.key());
    out.first().voids = was.key();
    if (c->validated)
        out.first().reason = QStringLiteral("the rows must still satisfy %1").arg(name);
    return out;
}

QList<Piece> partition(Alter &a, const PgQuery__AlterTableCmd *cmd, bool attach)
{
    if (!cmd->def || cmd->def->node_case != PG_QUERY__NODE__NODE_PARTITION_CMD)
        return {Piece::none(QStringLiteral("a partition command without a partition"))};
    const NodeSql::Name part = NodeSql::relation(cmd->def->partition_cmd->name);
    if (attach)
        return {Piece::undo(
            QStringLiteral("%1 DETACH PARTITION %2;").arg(a.head, part.sql), a.table.key())};
    const DbRelation *r = a.prior.relation(named(a.prior, Kind::Relation, part));
    if (!r || r->partitionBound.isNull()) {
        const QString bound = QStringLiteral("the bound of partition %1").arg(part.name);
        return {notInSnapshot(a.prior, bound, bound)};
    }
    return {Piece::undo(QStringLiteral("%1 ATTACH PARTITION %2 %3;")
                            .arg(a.head, part.sql, r->partitionBound.text()),
        a.table.key())};
}

// A table-level switch (row security, logging): back to the snapshot's.
QList<Piece> tableSwitch(Alter &a, const QString &attribute, bool (*wasOn)(const DbRelation &),
    bool on, const QString &onSql, const QString &offSql)
{
    if (!a.relation)
        return {notInSnapshot(
            a.prior, a.tableSql, QStringLiteral("the old %1 of %2").arg(attribute, a.tableSql))};
    if (a.prior.changedBefore(a.table, attribute))
        return {
            Piece::none(changedEarlier(QStringLiteral("the %1 of %2").arg(attribute, a.tableSql)))};
    if (wasOn(*a.relation) == on)
        return {Piece::nothing()};
    return {Piece::undo(QStringLiteral("%1 %2;").arg(a.head, on ? offSql : onSql), a.table.key())};
}

QList<Piece> triggerState(Alter &a, const PgQuery__AlterTableCmd *cmd)
{
    const QString name = QString::fromUtf8(cmd->name);
    if (name.isEmpty())
        return {Piece::none(QStringLiteral("it switches several triggers at once"))};
    const Ident trigger = a.prior.ident(Kind::Trigger, a.table.key(), name);
    if (trigger.isScript())
        return {Piece::nothing(QStringLiteral("an earlier statement of the script creates it"))};
    const DbTrigger *old = a.prior.trigger(trigger);
    if (!old)
        return {notInSnapshot(a.prior, QStringLiteral("trigger ") + name,
            QStringLiteral("whether trigger %1 was enabled").arg(name))};
    if (a.prior.changedBefore(trigger, QStringLiteral("enabled")))
        return {Piece::none(
            QStringLiteral("an earlier statement of the script switches trigger %1").arg(name))};
    const QString how = old->enabled == 'D' ? QStringLiteral("DISABLE TRIGGER")
        : old->enabled == 'A'               ? QStringLiteral("ENABLE ALWAYS TRIGGER")
        : old->enabled == 'R'               ? QStringLiteral("ENABLE REPLICA TRIGGER")
                                            : QStringLiteral("ENABLE TRIGGER");
    return {Piece::undo(QStringLiteral("%1 %2 %3;").arg(a.head, how, q(name)), trigger.key())};
}

QList<Piece> subcommand(Alter &a, const PgQuery__AlterTableCmd *cmd)
{
    using T = PgQuery__AlterTableType;
    switch (cmd->subtype) {
    case T::PG_QUERY__ALTER_TABLE_TYPE__AT_AddColumn:
    case T::PG_QUERY__ALTER_TABLE_TYPE__AT_AddColumnToView:
        return addColumn(a, cmd);
    case T::PG_QUERY__ALTER_TABLE_TYPE__AT_DropColumn:
        return dropColumn(a, cmd);
    case T::PG_QUERY__ALTER_TABLE_TYPE__AT_AlterColumnType:
        return alterType(a, cmd);
    case T::PG_QUERY__ALTER_TABLE_TYPE__AT_SetNotNull:
        return notNull(a, cmd, true);
    case T::PG_QUERY__ALTER_TABLE_TYPE__AT_DropNotNull:
        return notNull(a, cmd, false);
    case T::PG_QUERY__ALTER_TABLE_TYPE__AT_ColumnDefault:
        return columnDefault(a, cmd);
    case T::PG_QUERY__ALTER_TABLE_TYPE__AT_AddConstraint:
        return addConstraint(a, cmd);
    case T::PG_QUERY__ALTER_TABLE_TYPE__AT_DropConstraint:
        return dropConstraint(a, cmd);
    case T::PG_QUERY__ALTER_TABLE_TYPE__AT_ValidateConstraint:
        return {Piece::nothing()};
    case T::PG_QUERY__ALTER_TABLE_TYPE__AT_AttachPartition:
        return partition(a, cmd, true);
    case T::PG_QUERY__ALTER_TABLE_TYPE__AT_DetachPartition:
        return partition(a, cmd, false);
    case T::PG_QUERY__ALTER_TABLE_TYPE__AT_EnableRowSecurity:
    case T::PG_QUERY__ALTER_TABLE_TYPE__AT_DisableRowSecurity:
        return tableSwitch(
            a, QStringLiteral("row security"), [](const DbRelation &r) { return r.rowSecurity; },
            cmd->subtype == T::PG_QUERY__ALTER_TABLE_TYPE__AT_EnableRowSecurity,
            QStringLiteral("ENABLE ROW LEVEL SECURITY"),
            QStringLiteral("DISABLE ROW LEVEL SECURITY"));
    case T::PG_QUERY__ALTER_TABLE_TYPE__AT_SetUnLogged:
    case T::PG_QUERY__ALTER_TABLE_TYPE__AT_SetLogged:
        return tableSwitch(
            a, QStringLiteral("logging"), [](const DbRelation &r) { return r.unlogged; },
            cmd->subtype == T::PG_QUERY__ALTER_TABLE_TYPE__AT_SetUnLogged,
            QStringLiteral("SET UNLOGGED"), QStringLiteral("SET LOGGED"));
    case T::PG_QUERY__ALTER_TABLE_TYPE__AT_ChangeOwner:
        if (!a.relation)
            return {Piece::needsCatalog(QStringLiteral("the old owner of %1").arg(a.tableSql))};
        if (a.prior.changedBefore(a.table, QStringLiteral("owner")))
            return {Piece::none(changedEarlier(QStringLiteral("the owner")))};
        return {Piece::undo(
            QStringLiteral("%1 OWNER TO %2;").arg(a.head, q(a.relation->owner)), a.table.key())};
    case T::PG_QUERY__ALTER_TABLE_TYPE__AT_EnableTrig:
    case T::PG_QUERY__ALTER_TABLE_TYPE__AT_EnableAlwaysTrig:
    case T::PG_QUERY__ALTER_TABLE_TYPE__AT_EnableReplicaTrig:
    case T::PG_QUERY__ALTER_TABLE_TYPE__AT_DisableTrig:
        return triggerState(a, cmd);
    case T::PG_QUERY__ALTER_TABLE_TYPE__AT_AddIdentity: {
        const QString name = QString::fromUtf8(cmd->name);
        return {
            Piece::undo(a.columnSql(name, QStringLiteral("DROP IDENTITY")), a.column(name).key())};
    }
    default:
        break;
    }
    const ProtobufCEnumValue *value =
        protobuf_c_enum_descriptor_get_value(&pg_query__alter_table_type__descriptor, cmd->subtype);
    return {Piece::none(
        QStringLiteral("Tusk has no inverse for ALTER TABLE … %1")
            .arg(value ? QString::fromLatin1(value->name).mid(3) : QStringLiteral("?")))};
}
} // namespace

StatementReverse::Pieces StatementReverse::alterTable(
    const PgQuery__Node *node, PriorCatalog &prior, int statement) const
{
    const PgQuery__AlterTableStmt *alter = node->alter_table_stmt;
    const NodeSql::Name name = NodeSql::relation(alter->relation);
    Alter a {prior, {}, nullptr, prior.schemaOf(Kind::Relation, name.schema, name.name),
        QStringLiteral("ALTER %1 %2").arg(relationKeyword(alter->objtype), name.sql), name.sql,
        statement};
    a.table = prior.ident(Kind::Relation, a.schema, name.name);
    a.relation = prior.relation(a.table);
    const AlterCommands commands(alter);
    if (a.table.isScript()) {
        // Dropping the new table undoes all of it, but a partition attached
        // to it must come off first or the drop takes it along.
        Pieces out {Piece::nothing(QStringLiteral("%1 is created by the script").arg(name.name))};
        for (const PgQuery__AlterTableCmd *cmd : commands.all()) {
            if (cmd->subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_AttachPartition)
                out = partition(a, cmd, true) + out;
        }
        return out;
    }
    if (alter->missing_ok && prior.isKnown() && !a.relation)
        return {Piece::nothing(QStringLiteral("%1 does not exist").arg(name.name))};
    Pieces out;
    for (const PgQuery__AlterTableCmd *cmd : commands.all())
        out = subcommand(a, cmd) + out;
    return out;
}

} // namespace tusk::core
