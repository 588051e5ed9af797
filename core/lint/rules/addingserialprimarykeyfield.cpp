#include "addingserialprimarykeyfield.h"

#include "altercommands.h"

#include "core/lint/nodetext.h"
#include "core/lint/schemafacts.h"

#include <pg_query/pg_query.pb-c.h>

namespace tusk::core {

namespace {
// The key columns the catalog knows to be nullable: the USING INDEX route
// then also sets them NOT NULL, which scans the table.
QStringList nullableKeys(const LintInput &input, const QString &table, const QStringList &keys)
{
    QStringList out;
    const TableFacts *t = input.catalog ? input.catalog->table(table) : nullptr;
    for (const QString &key : keys) {
        const ColumnFacts *c = t ? t->column(key) : nullptr;
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
    const AlterCommands commands(alter);
    for (const auto &[con, column] :
        commands.addedConstraints(PG_QUERY__CONSTR_TYPE__CONSTR_PRIMARY)) {
        if (column) {
            Finding f = finding(input, statement,
                QStringLiteral("ADD COLUMN %1 … PRIMARY KEY fills and indexes every row of "
                               "%2 while it is locked ACCESS EXCLUSIVE")
                    .arg(QString::fromUtf8(column->colname), table),
                wordAt(input, statement, con->location));
            f.relation = table;
            f.note = QStringLiteral("add the column, fill it in batches, set it NOT NULL "
                                    "safely, then attach a concurrently built index");
            out << std::move(f);
            continue;
        }
        // USING INDEX attaches an index built beforehand: the safe route.
        if (con->indexname && *con->indexname)
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
        out << std::move(f);
    }
}

} // namespace tusk::core
