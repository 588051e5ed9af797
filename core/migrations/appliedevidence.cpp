#include "appliedevidence.h"

#include "core/lint/columntype.h"
#include "core/sql/parsedscript.h"

#include <pg_query/pg_query.pb-c.h>

#include <QSet>

namespace tusk::core {

namespace {
QString text(const char *s)
{
    return s ? QString::fromUtf8(s) : QString();
}

QString nameOf(const PgQuery__RangeVar *range)
{
    if (!range || !range->relname)
        return {};
    return range->schemaname && *range->schemaname
        ? text(range->schemaname) + QLatin1Char('.') + text(range->relname)
        : text(range->relname);
}

class Finder {
public:
    explicit Finder(const CatalogSnapshot &snapshot)
        : m_snapshot(snapshot)
    {
    }
    QStringList found;

    void statement(const PgQuery__Node *node)
    {
        switch (node->node_case) {
        case PG_QUERY__NODE__NODE_CREATE_STMT:
            if (!node->create_stmt->if_not_exists)
                relation(nameOf(node->create_stmt->relation), "table");
            break;
        case PG_QUERY__NODE__NODE_VIEW_STMT:
            if (!node->view_stmt->replace)
                relation(nameOf(node->view_stmt->view), "view");
            break;
        case PG_QUERY__NODE__NODE_CREATE_SEQ_STMT:
            if (!node->create_seq_stmt->if_not_exists)
                relation(nameOf(node->create_seq_stmt->sequence), "sequence");
            break;
        case PG_QUERY__NODE__NODE_INDEX_STMT:
            if (!node->index_stmt->if_not_exists && node->index_stmt->idxname)
                index(node->index_stmt);
            break;
        case PG_QUERY__NODE__NODE_ALTER_TABLE_STMT:
            columns(node->alter_table_stmt);
            break;
        case PG_QUERY__NODE__NODE_DROP_STMT:
            // A name dropped first and made again is no evidence.
            for (size_t i = 0; i < node->drop_stmt->n_objects; ++i) {
                const PgQuery__Node *object = node->drop_stmt->objects[i];
                if (object->node_case != PG_QUERY__NODE__NODE_LIST || !object->list->n_items)
                    continue;
                const PgQuery__Node *last = object->list->items[object->list->n_items - 1];
                if (last->node_case == PG_QUERY__NODE__NODE_STRING)
                    m_dropped.insert(text(last->string->sval));
            }
            break;
        default:
            break;
        }
    }

private:
    const DbRelation *existing(const QString &name) const
    {
        if (name.isEmpty() || m_dropped.contains(name.section(QLatin1Char('.'), -1)))
            return nullptr;
        return m_snapshot.findRelation(name);
    }

    void relation(const QString &name, const char *kind)
    {
        if (existing(name))
            found << QStringLiteral("%1 %2 exists already").arg(QLatin1String(kind), name);
    }

    void index(const PgQuery__IndexStmt *index)
    {
        const QString name = text(index->idxname);
        if (m_dropped.contains(name))
            return;
        const DbRelation *table = existing(nameOf(index->relation));
        if (!table)
            return;
        for (const DbIndex &i : m_snapshot.indexes()) {
            if (i.relationOid == table->oid && i.name == name) {
                found << QStringLiteral("index %1 exists already").arg(name);
                return;
            }
        }
    }

    const DbColumn *column(const DbRelation &table, const QString &name) const
    {
        for (const DbColumn &c : m_snapshot.columns()) {
            if (c.relationOid == table.oid && c.name == name)
                return &c;
        }
        return nullptr;
    }

    // The snapshot already shows what a subcommand makes: a column that is
    // there, gone, of the new type, or NOT NULL already.
    void columns(const PgQuery__AlterTableStmt *alter)
    {
        const QString tableName = nameOf(alter->relation);
        const DbRelation *table = existing(tableName);
        if (!table)
            return;
        for (size_t i = 0; i < alter->n_cmds; ++i) {
            if (alter->cmds[i]->node_case != PG_QUERY__NODE__NODE_ALTER_TABLE_CMD)
                continue;
            const PgQuery__AlterTableCmd *cmd = alter->cmds[i]->alter_table_cmd;
            const QString name = text(cmd->name);
            const DbColumn *named = name.isEmpty() ? nullptr : column(*table, name);
            const QString where = QStringLiteral("%1.%2").arg(tableName, name);
            switch (cmd->subtype) {
            case PG_QUERY__ALTER_TABLE_TYPE__AT_AddColumn:
                if (!cmd->missing_ok && cmd->def
                    && cmd->def->node_case == PG_QUERY__NODE__NODE_COLUMN_DEF) {
                    const QString added = text(cmd->def->column_def->colname);
                    if (column(*table, added))
                        found
                            << QStringLiteral("column %1.%2 exists already").arg(tableName, added);
                }
                break;
            case PG_QUERY__ALTER_TABLE_TYPE__AT_DropColumn:
                if (!cmd->missing_ok && !named)
                    found << QStringLiteral("column %1 is gone already").arg(where);
                break;
            case PG_QUERY__ALTER_TABLE_TYPE__AT_SetNotNull:
                if (named && named->notNull)
                    found << QStringLiteral("column %1 is NOT NULL already").arg(where);
                break;
            case PG_QUERY__ALTER_TABLE_TYPE__AT_AlterColumnType:
                if (named && cmd->def && cmd->def->node_case == PG_QUERY__NODE__NODE_COLUMN_DEF) {
                    const ColumnType wanted =
                        ColumnType::fromTypeName(cmd->def->column_def->type_name);
                    if (wanted.isKnown() && wanted == ColumnType::fromCatalog(named->type))
                        found << QStringLiteral("column %1 is %2 already").arg(where, named->type);
                }
                break;
            default:
                break;
            }
        }
    }

    const CatalogSnapshot &m_snapshot;
    QSet<QString> m_dropped;
};
} // namespace

QStringList AppliedEvidence::find(const CatalogSnapshot &snapshot, const QByteArray &sql)
{
    if (snapshot.isNull())
        return {};
    const ParsedScript script(sql, 1);
    Finder finder(snapshot);
    for (const ParsedStatement &st : script.statements()) {
        if (st.isValid())
            finder.statement(st.node);
    }
    return finder.found;
}

} // namespace tusk::core
