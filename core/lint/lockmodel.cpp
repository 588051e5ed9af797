#include "lockmodel.h"

#include "columnfill.h"
#include "nodetext.h"
#include "schemafacts.h"
#include "scriptfacts.h"
#include "typechange.h"

#include <pg_query/pg_query.pb-c.h>

namespace tusk::core {

namespace {
using M = LockMode;

RelationLock lock(const QString &relation, LockMode mode, const QString &why, bool scans = false,
    bool rewrites = false)
{
    return RelationLock {relation, mode, rewrites, scans, why};
}

bool hasOption(PgQuery__Node *const *options, size_t n, const char *name)
{
    for (size_t i = 0; i < n; ++i) {
        if (options[i]->node_case == PG_QUERY__NODE__NODE_DEF_ELEM
            && qstrcmp(options[i]->def_elem->defname, name) == 0) {
            const PgQuery__Node *arg = options[i]->def_elem->arg;
            // "FULL false" spells the option off.
            if (arg && arg->node_case == PG_QUERY__NODE__NODE_BOOLEAN)
                return arg->boolean->boolval;
            if (arg && arg->node_case == PG_QUERY__NODE__NODE_STRING)
                return qstrcmp(arg->string->sval, "false") != 0
                    && qstrcmp(arg->string->sval, "off") != 0;
            return true;
        }
    }
    return false;
}

ColumnType knownType(const QString &table, const QString &column, const LockModel::Context &c)
{
    ColumnType type = c.facts ? c.facts->columnType(table, column, c.statement) : ColumnType {};
    if (!type.isKnown() && c.catalog) {
        if (const TableFacts *t = c.catalog->table(table)) {
            if (const ColumnFacts *col = t->column(column))
                type = ColumnType::fromCatalog(col->type);
        }
    }
    return type;
}

bool hasValidatedNotNullCheck(
    const QString &table, const QString &column, const LockModel::Context &c)
{
    if (c.serverVersion < 120000)
        return false;
    if (c.facts && c.facts->provesNotNull(table, column, c.statement))
        return true;
    if (!c.catalog)
        return false;
    const TableFacts *t = c.catalog->table(table);
    if (!t)
        return false;
    if (const ColumnFacts *col = t->column(column); col && col->notNull)
        return true;
    for (const CheckFacts &check : t->checks) {
        if (check.notNullColumn == column
            && (check.validated
                || (c.facts && c.facts->validatesBefore(table, check.name, c.statement))))
            return true;
    }
    return false;
}

// One ALTER TABLE subcommand's lock on the altered table (plus, for a
// foreign key, on the referenced one).
void alterCommand(const QString &table, const PgQuery__AlterTableCmd *cmd,
    const LockModel::Context &c, QList<RelationLock> &out)
{
    using T = PgQuery__AlterTableType;
    const QString name = QString::fromUtf8(cmd->name);
    switch (cmd->subtype) {
    case T::PG_QUERY__ALTER_TABLE_TYPE__AT_AddColumn: {
        bool rewrites = false;
        bool scans = false;
        if (cmd->def && cmd->def->node_case == PG_QUERY__NODE__NODE_COLUMN_DEF) {
            const ColumnFill fill =
                ColumnFill::of(cmd->def->column_def, c.serverVersion, c.catalog);
            rewrites = fill.cost == ColumnFill::Cost::Rewrite;
            // A REFERENCES clause on the new column locks the other table too.
            const PgQuery__ColumnDef *column = cmd->def->column_def;
            for (size_t i = 0; i < column->n_constraints; ++i) {
                const PgQuery__Constraint *con = column->constraints[i]->constraint;
                if (con->contype == PG_QUERY__CONSTR_TYPE__CONSTR_FOREIGN)
                    out << lock(NodeText::relation(con->pktable), M::ShareRowExclusive,
                        QStringLiteral("ADD COLUMN … REFERENCES"));
                // A CHECK on the new column is checked against every row.
                scans |= con->contype == PG_QUERY__CONSTR_TYPE__CONSTR_CHECK;
            }
        }
        out << lock(table, M::AccessExclusive, QStringLiteral("ADD COLUMN"), scans, rewrites);
        return;
    }
    case T::PG_QUERY__ALTER_TABLE_TYPE__AT_SetNotNull:
        out << lock(table, M::AccessExclusive, QStringLiteral("SET NOT NULL"),
            !hasValidatedNotNullCheck(table, name, c));
        return;
    case T::PG_QUERY__ALTER_TABLE_TYPE__AT_AlterColumnType: {
        const ColumnType to = cmd->def && cmd->def->node_case == PG_QUERY__NODE__NODE_COLUMN_DEF
            ? ColumnType::fromTypeName(cmd->def->column_def->type_name)
            : ColumnType {};
        const TypeChange change = TypeChange::between(knownType(table, name, c), to,
            TypeChange::contextOf(c.serverVersion,
                c.facts ? c.facts->timeZone(c.statement) : QString(),
                c.catalog ? c.catalog->timeZone : QString()));
        // USING anything but a plain cast of the column computes every row anew.
        const PgQuery__Node *cast =
            cmd->def && cmd->def->node_case == PG_QUERY__NODE__NODE_COLUMN_DEF
            ? cmd->def->column_def->raw_default
            : nullptr;
        const bool plainCast = !cast
            || (cast->node_case == PG_QUERY__NODE__NODE_TYPE_CAST && cast->type_cast->arg
                && cast->type_cast->arg->node_case == PG_QUERY__NODE__NODE_COLUMN_REF);
        const bool rewrites = !plainCast || change.cost == TypeChange::Cost::Rewrite
            || change.cost == TypeChange::Cost::Unknown;
        // A change that keeps the table may still build its indexes again.
        out << lock(table, M::AccessExclusive, QStringLiteral("ALTER COLUMN TYPE"),
            !rewrites && change.rebuildsIndexes, rewrites);
        return;
    }
    case T::PG_QUERY__ALTER_TABLE_TYPE__AT_AddConstraint: {
        if (!cmd->def || cmd->def->node_case != PG_QUERY__NODE__NODE_CONSTRAINT)
            break;
        const PgQuery__Constraint *con = cmd->def->constraint;
        const bool validates = !con->skip_validation;
        switch (con->contype) {
        case PG_QUERY__CONSTR_TYPE__CONSTR_FOREIGN:
            out << lock(table, M::ShareRowExclusive, QStringLiteral("ADD FOREIGN KEY"), validates)
                << lock(NodeText::relation(con->pktable), M::ShareRowExclusive,
                       QStringLiteral("ADD FOREIGN KEY (referenced table)"));
            return;
        case PG_QUERY__CONSTR_TYPE__CONSTR_CHECK:
            out << lock(table, M::AccessExclusive, QStringLiteral("ADD CHECK"), validates);
            return;
        case PG_QUERY__CONSTR_TYPE__CONSTR_PRIMARY:
        case PG_QUERY__CONSTR_TYPE__CONSTR_UNIQUE:
        case PG_QUERY__CONSTR_TYPE__CONSTR_EXCLUSION: {
            const bool usingIndex = con->indexname && *con->indexname;
            out << lock(table, M::AccessExclusive,
                usingIndex ? QStringLiteral("ADD CONSTRAINT … USING INDEX")
                           : QStringLiteral("ADD CONSTRAINT (builds an index)"),
                !usingIndex);
            return;
        }
        default:
            break;
        }
        break;
    }
    case T::PG_QUERY__ALTER_TABLE_TYPE__AT_ValidateConstraint:
        out << lock(table, M::ShareUpdateExclusive, QStringLiteral("VALIDATE CONSTRAINT"), true);
        return;
    case T::PG_QUERY__ALTER_TABLE_TYPE__AT_SetStatistics:
    case T::PG_QUERY__ALTER_TABLE_TYPE__AT_SetOptions:
    case T::PG_QUERY__ALTER_TABLE_TYPE__AT_ResetOptions:
    case T::PG_QUERY__ALTER_TABLE_TYPE__AT_SetRelOptions:
    case T::PG_QUERY__ALTER_TABLE_TYPE__AT_ResetRelOptions:
    case T::PG_QUERY__ALTER_TABLE_TYPE__AT_ClusterOn:
    case T::PG_QUERY__ALTER_TABLE_TYPE__AT_DropCluster:
        out << lock(table, M::ShareUpdateExclusive, QStringLiteral("ALTER TABLE SET"));
        return;
    case T::PG_QUERY__ALTER_TABLE_TYPE__AT_EnableTrig:
    case T::PG_QUERY__ALTER_TABLE_TYPE__AT_EnableAlwaysTrig:
    case T::PG_QUERY__ALTER_TABLE_TYPE__AT_EnableReplicaTrig:
    case T::PG_QUERY__ALTER_TABLE_TYPE__AT_DisableTrig:
    case T::PG_QUERY__ALTER_TABLE_TYPE__AT_EnableTrigAll:
    case T::PG_QUERY__ALTER_TABLE_TYPE__AT_DisableTrigAll:
    case T::PG_QUERY__ALTER_TABLE_TYPE__AT_EnableTrigUser:
    case T::PG_QUERY__ALTER_TABLE_TYPE__AT_DisableTrigUser:
        out << lock(table, M::ShareRowExclusive, QStringLiteral("ENABLE/DISABLE TRIGGER"));
        return;
    case T::PG_QUERY__ALTER_TABLE_TYPE__AT_SetLogged:
    case T::PG_QUERY__ALTER_TABLE_TYPE__AT_SetUnLogged:
    case T::PG_QUERY__ALTER_TABLE_TYPE__AT_SetAccessMethod:
    case T::PG_QUERY__ALTER_TABLE_TYPE__AT_SetTableSpace:
        out << lock(
            table, M::AccessExclusive, QStringLiteral("ALTER TABLE SET (storage)"), false, true);
        return;
    case T::PG_QUERY__ALTER_TABLE_TYPE__AT_AttachPartition: {
        out << lock(table, M::ShareUpdateExclusive, QStringLiteral("ATTACH PARTITION"));
        if (cmd->def && cmd->def->node_case == PG_QUERY__NODE__NODE_PARTITION_CMD)
            out << lock(NodeText::relation(cmd->def->partition_cmd->name), M::AccessExclusive,
                QStringLiteral("ATTACH PARTITION (the partition)"), true);
        return;
    }
    case T::PG_QUERY__ALTER_TABLE_TYPE__AT_DetachPartition: {
        const bool concurrent = cmd->def
            && cmd->def->node_case == PG_QUERY__NODE__NODE_PARTITION_CMD
            && cmd->def->partition_cmd->concurrent;
        const M mode = concurrent ? M::ShareUpdateExclusive : M::AccessExclusive;
        out << lock(table, mode, QStringLiteral("DETACH PARTITION"));
        if (cmd->def && cmd->def->node_case == PG_QUERY__NODE__NODE_PARTITION_CMD)
            out << lock(NodeText::relation(cmd->def->partition_cmd->name), mode,
                QStringLiteral("DETACH PARTITION (the partition)"));
        return;
    }
    case T::PG_QUERY__ALTER_TABLE_TYPE__AT_DetachPartitionFinalize:
        out << lock(table, M::ShareUpdateExclusive, QStringLiteral("DETACH PARTITION FINALIZE"));
        return;
    default:
        break;
    }
    out << lock(table, M::AccessExclusive, QStringLiteral("ALTER TABLE"));
}

// Several subcommands on one table: one lock, the strongest mode, with the
// work of all of them.
QList<RelationLock> merged(const QList<RelationLock> &locks)
{
    QList<RelationLock> out;
    for (const RelationLock &l : locks) {
        auto same = std::find_if(out.begin(), out.end(),
            [&](const RelationLock &o) { return o.relation == l.relation; });
        if (same == out.end()) {
            out << l;
            continue;
        }
        if (l.mode > same->mode) {
            same->mode = l.mode;
            same->why = l.why;
        }
        same->rewrites |= l.rewrites;
        same->scans |= l.scans;
    }
    return out;
}

QStringList dropNames(const PgQuery__DropStmt *drop)
{
    QStringList names;
    for (size_t i = 0; i < drop->n_objects; ++i)
        names << NodeText::dotted(drop->objects[i]);
    return names;
}

// The table an index belongs to, when only the index is named: the
// catalog loader does not read index names, so it stays a description.
QString tableOf(const QString &index)
{
    return QStringLiteral("the table of %1").arg(index);
}

// REINDEX builds each index again from its table: SHARE on the table (reads
// go on, writes wait) and ACCESS EXCLUSIVE on the index being rebuilt,
// which blocks the reads that would use it. CONCURRENTLY takes SHARE UPDATE
// EXCLUSIVE on both.
void reindexLocks(const PgQuery__ReindexStmt *reindex, QList<RelationLock> &out)
{
    const bool concurrent = hasOption(reindex->params, reindex->n_params, "concurrently");
    const QString why =
        concurrent ? QStringLiteral("REINDEX CONCURRENTLY") : QStringLiteral("REINDEX");
    const M tableMode = concurrent ? M::ShareUpdateExclusive : M::Share;
    const M indexMode = concurrent ? M::ShareUpdateExclusive : M::AccessExclusive;
    const QString name = reindex->relation ? NodeText::relation(reindex->relation)
                                           : QString::fromUtf8(reindex->name);
    QString tables;
    QString indexes;
    switch (reindex->kind) {
    case PG_QUERY__REINDEX_OBJECT_TYPE__REINDEX_OBJECT_INDEX:
        tables = tableOf(name);
        indexes = name;
        break;
    case PG_QUERY__REINDEX_OBJECT_TYPE__REINDEX_OBJECT_TABLE:
        tables = name;
        indexes = QStringLiteral("each index of %1").arg(name);
        break;
    case PG_QUERY__REINDEX_OBJECT_TYPE__REINDEX_OBJECT_SCHEMA:
        tables = QStringLiteral("each table of schema %1").arg(name);
        indexes = QStringLiteral("each index of schema %1").arg(name);
        break;
    default:
        tables = QStringLiteral("each table of the database");
        indexes = QStringLiteral("each index of the database");
        break;
    }
    out << lock(tables, tableMode, why, true);
    out << lock(indexes, indexMode, why);
}

// COMMENT ON a table, column, index, view, sequence, or a table's
// constraint, trigger, policy or rule takes SHARE UPDATE EXCLUSIVE on the
// relation (get_object_address): it waits behind VACUUM, CREATE INDEX
// CONCURRENTLY and every ALTER TABLE.
void commentLocks(const PgQuery__CommentStmt *comment, QList<RelationLock> &out)
{
    using O = PgQuery__ObjectType;
    if (!comment->object || comment->object->node_case != PG_QUERY__NODE__NODE_LIST)
        return;
    QStringList names =
        NodeText::strings(comment->object->list->items, comment->object->list->n_items);
    switch (comment->objtype) {
    case O::PG_QUERY__OBJECT_TYPE__OBJECT_TABLE:
    case O::PG_QUERY__OBJECT_TYPE__OBJECT_VIEW:
    case O::PG_QUERY__OBJECT_TYPE__OBJECT_MATVIEW:
    case O::PG_QUERY__OBJECT_TYPE__OBJECT_INDEX:
    case O::PG_QUERY__OBJECT_TYPE__OBJECT_SEQUENCE:
    case O::PG_QUERY__OBJECT_TYPE__OBJECT_FOREIGN_TABLE:
        break;
    case O::PG_QUERY__OBJECT_TYPE__OBJECT_COLUMN:
    case O::PG_QUERY__OBJECT_TYPE__OBJECT_TABCONSTRAINT:
    case O::PG_QUERY__OBJECT_TYPE__OBJECT_TRIGGER:
    case O::PG_QUERY__OBJECT_TYPE__OBJECT_POLICY:
    case O::PG_QUERY__OBJECT_TYPE__OBJECT_RULE:
        if (!names.isEmpty())
            names.removeLast();
        break;
    default:
        return; // types, functions …: no query locks those
    }
    if (!names.isEmpty())
        out << lock(
            names.join(QLatin1Char('.')), M::ShareUpdateExclusive, QStringLiteral("COMMENT ON"));
}

M lockStmtMode(int mode)
{
    // LockStmt.mode is PostgreSQL's LOCKMODE: 1 AccessShare … 8 AccessExclusive.
    return mode >= 1 && mode <= 8 ? M(mode - 1) : M::AccessExclusive;
}
} // namespace

QList<RelationLock> LockModel::locksOf(const PgQuery__Node *node, const Context &c)
{
    QList<RelationLock> out;
    if (!node)
        return out;
    switch (node->node_case) {
    case PG_QUERY__NODE__NODE_ALTER_TABLE_STMT: {
        const PgQuery__AlterTableStmt *alter = node->alter_table_stmt;
        const QString table = NodeText::relation(alter->relation);
        for (size_t i = 0; i < alter->n_cmds; ++i) {
            if (alter->cmds[i]->node_case == PG_QUERY__NODE__NODE_ALTER_TABLE_CMD)
                alterCommand(table, alter->cmds[i]->alter_table_cmd, c, out);
        }
        return merged(out);
    }
    case PG_QUERY__NODE__NODE_INDEX_STMT: {
        const PgQuery__IndexStmt *index = node->index_stmt;
        out << lock(NodeText::relation(index->relation),
            index->concurrent ? M::ShareUpdateExclusive : M::Share,
            index->concurrent ? QStringLiteral("CREATE INDEX CONCURRENTLY")
                              : QStringLiteral("CREATE INDEX"),
            true);
        return out;
    }
    case PG_QUERY__NODE__NODE_DROP_STMT: {
        const PgQuery__DropStmt *drop = node->drop_stmt;
        const bool relationKind = drop->remove_type == PG_QUERY__OBJECT_TYPE__OBJECT_TABLE
            || drop->remove_type == PG_QUERY__OBJECT_TYPE__OBJECT_INDEX
            || drop->remove_type == PG_QUERY__OBJECT_TYPE__OBJECT_VIEW
            || drop->remove_type == PG_QUERY__OBJECT_TYPE__OBJECT_MATVIEW
            || drop->remove_type == PG_QUERY__OBJECT_TYPE__OBJECT_SEQUENCE;
        if (!relationKind)
            return out;
        const bool concurrent = drop->concurrent;
        const bool index = drop->remove_type == PG_QUERY__OBJECT_TYPE__OBJECT_INDEX;
        const M mode = concurrent ? M::ShareUpdateExclusive : M::AccessExclusive;
        for (const QString &name : dropNames(drop)) {
            // An index's table is locked in the same mode: a plain DROP
            // INDEX blocks every read and write of the table.
            if (index)
                out << lock(tableOf(name), mode, QStringLiteral("DROP INDEX (its table)"));
            out << lock(name, mode,
                concurrent ? QStringLiteral("DROP INDEX CONCURRENTLY") : QStringLiteral("DROP"));
        }
        return out;
    }
    case PG_QUERY__NODE__NODE_REINDEX_STMT:
        reindexLocks(node->reindex_stmt, out);
        return out;
    case PG_QUERY__NODE__NODE_ALTER_DOMAIN_STMT: {
        // Adding or validating a domain's constraint (or SET NOT NULL)
        // checks every column of that domain, under SHARE on each table.
        const PgQuery__AlterDomainStmt *domain = node->alter_domain_stmt;
        const char kind = domain->subtype ? domain->subtype[0] : '\0';
        const bool notValid = kind == 'C' && domain->def
            && domain->def->node_case == PG_QUERY__NODE__NODE_CONSTRAINT
            && domain->def->constraint->skip_validation;
        if ((kind == 'C' && !notValid) || kind == 'V' || kind == 'O')
            out << lock(QStringLiteral("each table using domain %1")
                            .arg(NodeText::strings(domain->type_name, domain->n_type_name)
                                     .join(QLatin1Char('.'))),
                M::Share, QStringLiteral("ALTER DOMAIN"), true);
        return out;
    }
    case PG_QUERY__NODE__NODE_RENAME_STMT: {
        const PgQuery__RenameStmt *rename = node->rename_stmt;
        if (!rename->relation)
            return out;
        // Renaming an index takes SHARE UPDATE EXCLUSIVE from PostgreSQL 12.
        const bool index = rename->rename_type == PG_QUERY__OBJECT_TYPE__OBJECT_INDEX;
        out << lock(NodeText::relation(rename->relation),
            index && c.serverVersion >= 120000 ? M::ShareUpdateExclusive : M::AccessExclusive,
            QStringLiteral("RENAME"));
        return out;
    }
    case PG_QUERY__NODE__NODE_TRUNCATE_STMT: {
        const PgQuery__TruncateStmt *truncate = node->truncate_stmt;
        for (size_t i = 0; i < truncate->n_relations; ++i) {
            if (truncate->relations[i]->node_case == PG_QUERY__NODE__NODE_RANGE_VAR)
                out << lock(NodeText::relation(truncate->relations[i]->range_var),
                    M::AccessExclusive, QStringLiteral("TRUNCATE"));
        }
        return out;
    }
    case PG_QUERY__NODE__NODE_VACUUM_STMT: {
        const PgQuery__VacuumStmt *vacuum = node->vacuum_stmt;
        const bool full =
            vacuum->is_vacuumcmd && hasOption(vacuum->options, vacuum->n_options, "full");
        if (full && vacuum->n_rels == 0)
            out << lock(QStringLiteral("each table of the database"), M::AccessExclusive,
                QStringLiteral("VACUUM FULL"), false, true);
        for (size_t i = 0; i < vacuum->n_rels; ++i) {
            if (vacuum->rels[i]->node_case != PG_QUERY__NODE__NODE_VACUUM_RELATION)
                continue;
            out << lock(NodeText::relation(vacuum->rels[i]->vacuum_relation->relation),
                full ? M::AccessExclusive : M::ShareUpdateExclusive,
                full
                    ? QStringLiteral("VACUUM FULL")
                    : (vacuum->is_vacuumcmd ? QStringLiteral("VACUUM") : QStringLiteral("ANALYZE")),
                !full, full);
        }
        return out;
    }
    case PG_QUERY__NODE__NODE_CLUSTER_STMT:
        // Without a table, CLUSTER redoes every table clustered before.
        out << lock(node->cluster_stmt->relation ? NodeText::relation(node->cluster_stmt->relation)
                                                 : QStringLiteral("each table clustered before"),
            M::AccessExclusive, QStringLiteral("CLUSTER"), false, true);
        return out;
    case PG_QUERY__NODE__NODE_CREATE_TRIG_STMT:
        out << lock(NodeText::relation(node->create_trig_stmt->relation), M::ShareRowExclusive,
            QStringLiteral("CREATE TRIGGER"));
        return out;
    case PG_QUERY__NODE__NODE_CREATE_STMT: {
        const PgQuery__CreateStmt *create = node->create_stmt;
        // The new table is nobody else's yet; but a partition locks its
        // parent and a foreign key the referenced table.
        if (create->partbound && create->n_inh_relations > 0
            && create->inh_relations[0]->node_case == PG_QUERY__NODE__NODE_RANGE_VAR)
            out << lock(NodeText::relation(create->inh_relations[0]->range_var), M::AccessExclusive,
                QStringLiteral("CREATE TABLE … PARTITION OF"));
        for (size_t i = 0; i < create->n_table_elts; ++i) {
            const PgQuery__Node *element = create->table_elts[i];
            auto references = [&](const PgQuery__Constraint *con) {
                if (con->contype == PG_QUERY__CONSTR_TYPE__CONSTR_FOREIGN)
                    out << lock(NodeText::relation(con->pktable), M::ShareRowExclusive,
                        QStringLiteral("CREATE TABLE … REFERENCES"));
            };
            if (element->node_case == PG_QUERY__NODE__NODE_CONSTRAINT)
                references(element->constraint);
            if (element->node_case == PG_QUERY__NODE__NODE_COLUMN_DEF) {
                for (size_t k = 0; k < element->column_def->n_constraints; ++k)
                    references(element->column_def->constraints[k]->constraint);
            }
        }
        return merged(out);
    }
    case PG_QUERY__NODE__NODE_REFRESH_MAT_VIEW_STMT: {
        const bool concurrent = node->refresh_mat_view_stmt->concurrent;
        out << lock(NodeText::relation(node->refresh_mat_view_stmt->relation),
            concurrent ? M::Exclusive : M::AccessExclusive,
            QStringLiteral("REFRESH MATERIALIZED VIEW"), true);
        return out;
    }
    case PG_QUERY__NODE__NODE_INSERT_STMT:
        out << lock(NodeText::relation(node->insert_stmt->relation), M::RowExclusive,
            QStringLiteral("INSERT"));
        return out;
    case PG_QUERY__NODE__NODE_UPDATE_STMT:
        out << lock(NodeText::relation(node->update_stmt->relation), M::RowExclusive,
            QStringLiteral("UPDATE"), node->update_stmt->where_clause == nullptr);
        return out;
    case PG_QUERY__NODE__NODE_DELETE_STMT:
        out << lock(NodeText::relation(node->delete_stmt->relation), M::RowExclusive,
            QStringLiteral("DELETE"), node->delete_stmt->where_clause == nullptr);
        return out;
    case PG_QUERY__NODE__NODE_MERGE_STMT:
        out << lock(NodeText::relation(node->merge_stmt->relation), M::RowExclusive,
            QStringLiteral("MERGE"));
        return out;
    case PG_QUERY__NODE__NODE_LOCK_STMT: {
        const PgQuery__LockStmt *l = node->lock_stmt;
        for (size_t i = 0; i < l->n_relations; ++i) {
            if (l->relations[i]->node_case == PG_QUERY__NODE__NODE_RANGE_VAR)
                out << lock(NodeText::relation(l->relations[i]->range_var), lockStmtMode(l->mode),
                    QStringLiteral("LOCK TABLE"));
        }
        return out;
    }
    case PG_QUERY__NODE__NODE_COMMENT_STMT:
        commentLocks(node->comment_stmt, out);
        return out;
    case PG_QUERY__NODE__NODE_ALTER_SEQ_STMT:
        // nextval() takes ROW EXCLUSIVE on the sequence: while ALTER
        // SEQUENCE waits for or holds SHARE ROW EXCLUSIVE, every insert that
        // draws from it (the owning table's default) waits too.
        out << lock(NodeText::relation(node->alter_seq_stmt->sequence), M::ShareRowExclusive,
            QStringLiteral("ALTER SEQUENCE"));
        return out;
    case PG_QUERY__NODE__NODE_ALTER_ENUM_STMT: {
        // ADD VALUE locks the type against concurrent changes; RENAME VALUE
        // updates pg_enum under the same lock. Queries never lock a type.
        RelationLock type =
            lock(QStringLiteral("type %1").arg(NodeText::strings(
                     node->alter_enum_stmt->type_name, node->alter_enum_stmt->n_type_name)
                                                   .join(QLatin1Char('.'))),
                M::Exclusive, QStringLiteral("ALTER TYPE"));
        type.objectOnly = true;
        out << type;
        return out;
    }
    case PG_QUERY__NODE__NODE_CREATE_POLICY_STMT:
        out << lock(NodeText::relation(node->create_policy_stmt->table), M::AccessExclusive,
            QStringLiteral("CREATE POLICY"));
        return out;
    case PG_QUERY__NODE__NODE_RULE_STMT:
        out << lock(NodeText::relation(node->rule_stmt->relation), M::AccessExclusive,
            QStringLiteral("CREATE RULE"));
        return out;
    default:
        return out;
    }
}

const RelationLock *LockModel::strongest(const QList<RelationLock> &locks)
{
    const RelationLock *best = nullptr;
    for (const RelationLock &l : locks) {
        if (!best || l.mode > best->mode || (l.mode == best->mode && l.rewrites && !best->rewrites))
            best = &l;
    }
    return best;
}

} // namespace tusk::core
