#include "addingserialprimarykeyfield.h"

#include "lint/lintcatalog.h"
#include "lint/nodetext.h"

#include <pg_query/pg_query.pb-c.h>

namespace tusk::core {

namespace {
// The key columns the catalog knows to be nullable: the USING INDEX route
// then also sets them NOT NULL, which scans the table.
QStringList nullableKeys(const LintInput &input, const QString &table, const QStringList &keys)
{
    QStringList out;
    const CatalogTable *t = input.catalog ? input.catalog->table(table) : nullptr;
    for (const QString &key : keys) {
        const CatalogColumn *c = t ? t->column(key) : nullptr;
        if (c && !c->notNull)
            out << key;
    }
    return out;
}
} // namespace

const RuleInfo &AddingSerialPrimaryKeyField::info() const
{
    static const RuleInfo info {
        QStringLiteral("adding-serial-primary-key-field"),
        Severity::Warning,
        QStringLiteral("ADD PRIMARY KEY builds its index while the table is locked"),
        QStringLiteral("Adding a primary key builds its unique index inside the ALTER TABLE, "
                       "holding ACCESS EXCLUSIVE on the table: no reads, no writes until every "
                       "row is indexed. A new column declared PRIMARY KEY (serial or identity) "
                       "also fills every row first."),
        QStringLiteral("CREATE UNIQUE INDEX CONCURRENTLY t_pkey ON t (id); (outside a "
                       "transaction) then ALTER TABLE t ADD CONSTRAINT t_pkey PRIMARY KEY USING "
                       "INDEX t_pkey; which only attaches the ready index. The key columns must "
                       "already be NOT NULL (use the CHECK-then-SET NOT NULL steps first), else "
                       "the ADD sets them NOT NULL with a full scan under the lock."),
        {QStringLiteral("squawk"), QStringLiteral("strong_migrations")},
    };
    return info;
}

QList<int> AddingSerialPrimaryKeyField::nodeKinds() const
{
    return {PG_QUERY__NODE__NODE_ALTER_TABLE_STMT};
}

void AddingSerialPrimaryKeyField::checkStatement(
    const LintInput &input, const ParsedStatement &statement, QList<Finding> &out) const
{
    const PgQuery__AlterTableStmt *alter = statement.node->alter_table_stmt;
    const QString table = NodeText::relation(alter->relation);
    for (size_t i = 0; i < alter->n_cmds; ++i) {
        if (alter->cmds[i]->node_case != PG_QUERY__NODE__NODE_ALTER_TABLE_CMD)
            continue;
        const PgQuery__AlterTableCmd *cmd = alter->cmds[i]->alter_table_cmd;
        if (!cmd->def)
            continue;
        if (cmd->subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_AddColumn
            && cmd->def->node_case == PG_QUERY__NODE__NODE_COLUMN_DEF) {
            const PgQuery__ColumnDef *column = cmd->def->column_def;
            for (size_t c = 0; c < column->n_constraints; ++c) {
                const PgQuery__Constraint *con = column->constraints[c]->constraint;
                if (con->contype != PG_QUERY__CONSTR_TYPE__CONSTR_PRIMARY)
                    continue;
                Finding f = finding(input, statement,
                    QStringLiteral("ADD COLUMN %1 … PRIMARY KEY fills and indexes every row of "
                                   "%2 while it is locked ACCESS EXCLUSIVE")
                        .arg(QString::fromUtf8(column->colname), table),
                    wordAt(input, statement, con->location));
                f.relation = table;
                f.note = QStringLiteral("add the column, fill it in batches, set it NOT NULL "
                                        "safely, then attach a concurrently built index");
                out << f;
            }
            continue;
        }
        if (cmd->subtype != PG_QUERY__ALTER_TABLE_TYPE__AT_AddConstraint
            || cmd->def->node_case != PG_QUERY__NODE__NODE_CONSTRAINT)
            continue;
        const PgQuery__Constraint *con = cmd->def->constraint;
        // USING INDEX attaches an index built beforehand: the safe route.
        if (con->contype != PG_QUERY__CONSTR_TYPE__CONSTR_PRIMARY
            || (con->indexname && *con->indexname))
            continue;
        const QStringList keys = NodeText::strings(con->keys, con->n_keys);
        Finding f = finding(input, statement,
            QStringLiteral("ADD PRIMARY KEY (%1) builds a unique index on %2 while it is locked "
                           "ACCESS EXCLUSIVE: reads and writes wait")
                .arg(keys.join(QStringLiteral(", ")), table),
            wordAt(input, statement, con->location));
        f.relation = table;
        const QStringList nullable = nullableKeys(input, table, keys);
        if (!nullable.isEmpty())
            f.note = QStringLiteral("%1 may hold NULLs: make it NOT NULL the safe way before "
                                    "attaching the index, or the ADD scans for NULLs under "
                                    "the lock")
                         .arg(nullable.join(QStringLiteral(", ")));
        out << f;
    }
}

} // namespace tusk::core
