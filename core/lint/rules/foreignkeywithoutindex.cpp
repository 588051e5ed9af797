#include "foreignkeywithoutindex.h"

#include "altercommands.h"
#include "statementfix.h"

#include "core/lint/nodetext.h"
#include "core/lint/schemafacts.h"
#include "core/lint/scriptfacts.h"
#include "core/sql/sqlidentifier.h"

#include <pg_query/pg_query.pb-c.h>

#include <QSet>

#include <climits>

namespace tusk::core {

namespace {
struct ForeignKey {
    const PgQuery__Constraint *constraint;
    QStringList columns;
};

// An index serves the key's lookups when the key's columns, in any order,
// are its leading columns.
bool leads(const QStringList &index, const QStringList &columns)
{
    if (index.size() < columns.size())
        return false;
    const QStringList head = index.mid(0, columns.size());
    return QSet<QString>(head.begin(), head.end()) == QSet<QString>(columns.begin(), columns.end());
}

// A key declared on a column (REFERENCES) references from that column; one
// declared on its own (FOREIGN KEY (…)) names its columns.
ForeignKey foreignKey(const PgQuery__Constraint *con, const PgQuery__ColumnDef *column)
{
    if (column)
        return {con, {QString::fromUtf8(column->colname)}};
    return {con, NodeText::strings(con->fk_attrs, con->n_fk_attrs)};
}

// The foreign keys a CREATE TABLE or ALTER TABLE declares, with their
// referencing columns.
QList<ForeignKey> foreignKeys(const PgQuery__Node *node)
{
    QList<ForeignKey> out;
    if (node->node_case != PG_QUERY__NODE__NODE_CREATE_STMT) {
        const AlterCommands commands(node->alter_table_stmt);
        for (const auto &[con, column] :
            commands.addedConstraints(PG_QUERY__CONSTR_TYPE__CONSTR_FOREIGN))
            out << foreignKey(con, column);
        return out;
    }
    auto add = [&](const PgQuery__Constraint *con, const PgQuery__ColumnDef *column) {
        if (con->contype == PG_QUERY__CONSTR_TYPE__CONSTR_FOREIGN)
            out << foreignKey(con, column);
    };
    const PgQuery__CreateStmt *create = node->create_stmt;
    for (size_t i = 0; i < create->n_table_elts; ++i) {
        const PgQuery__Node *e = create->table_elts[i];
        if (e->node_case == PG_QUERY__NODE__NODE_COLUMN_DEF) {
            for (size_t c = 0; c < e->column_def->n_constraints; ++c)
                add(e->column_def->constraints[c]->constraint, e->column_def);
        } else if (e->node_case == PG_QUERY__NODE__NODE_CONSTRAINT) {
            add(e->constraint, nullptr);
        }
    }
    return out;
}
} // namespace

const RuleInfo &ForeignKeyWithoutIndex::info() const
{
    static const RuleInfo info {
        QStringLiteral("foreign-key-without-index"),
        Severity::Warning,
        QStringLiteral("A foreign key without an index on its columns makes deletes on the "
                       "referenced table scan the referencing one"),
        QStringLiteral("PostgreSQL indexes the referenced side of a foreign key (its primary "
                       "key) but not the referencing columns. Every DELETE, and every UPDATE of "
                       "the key, on the referenced table then looks for referencing rows with a "
                       "sequential scan of the referencing table, holding its row locks the "
                       "while: a delete of one customer reads all of orders, and ON DELETE "
                       "CASCADE multiplies it."),
        QStringLiteral("Index the referencing columns (as the leading columns of some index), "
                       "built CONCURRENTLY on a table that has rows."),
        {},
        false,
    };
    return info;
}

QList<int> ForeignKeyWithoutIndex::nodeKinds() const
{
    return {PG_QUERY__NODE__NODE_CREATE_STMT, PG_QUERY__NODE__NODE_ALTER_TABLE_STMT};
}

void ForeignKeyWithoutIndex::checkStatement(
    const LintInput &input, const ParsedStatement &statement, QList<Finding> &out) const
{
    const PgQuery__RangeVar *range = statement.node->node_case == PG_QUERY__NODE__NODE_CREATE_STMT
        ? statement.node->create_stmt->relation
        : statement.node->alter_table_stmt->relation;
    const QList<ForeignKey> keys = foreignKeys(statement.node);
    if (keys.isEmpty())
        return;
    const QString table = NodeText::relation(range);
    // A table this file creates is empty when the key is added: no delete
    // scans it yet, so the missing index is a note, not a warning.
    const bool newTable = statement.node->node_case == PG_QUERY__NODE__NODE_CREATE_STMT
        || input.facts.createdBefore(table, statement.index - 1);
    const TableFacts *known = input.catalog ? input.catalog->table(table) : nullptr;
    // Every index the script builds on the table counts, before or after
    // this statement: the gap between them is part of one deploy.
    QList<QStringList> indexes = input.facts.indexKeys(table, INT_MAX);
    if (known)
        indexes << known->indexKeys;
    for (const ForeignKey &key : keys) {
        if (key.columns.isEmpty())
            continue;
        // Without a catalog only columns the script declares are fully
        // known: an existing column may be indexed already.
        const bool declared = std::all_of(key.columns.begin(), key.columns.end(),
            [&](const QString &c) { return input.facts.columnType(table, c, INT_MAX).isKnown(); });
        if (!known && !declared)
            continue;
        if (std::any_of(indexes.begin(), indexes.end(),
                [&](const QStringList &index) { return leads(index, key.columns); }))
            continue;
        const QString columns = key.columns.join(QStringLiteral(", "));
        const QString referenced = NodeText::relation(key.constraint->pktable);
        Finding f = finding(input, statement,
            QStringLiteral("foreign key %1 (%2) → %3 has no index on %1 (%2): each DELETE on %3 "
                           "scans %1")
                .arg(table, columns, referenced),
            wordAt(input, statement, key.constraint->location));
        f.relation = table;
        if (newTable) {
            f.severity = Severity::Info;
            f.note = QStringLiteral("%1 is created in this file and still empty: index it before "
                                    "it fills, while that is free")
                         .arg(table);
        }
        // The cost comes later, on the referenced table's deletes, not from
        // this statement's own locks.
        f.lock = QStringLiteral("later: each DELETE on %1 holds its row locks while it scans %2")
                     .arg(referenced, table);
        QStringList quoted;
        for (const QString &c : key.columns)
            quoted << StatementFix::ident(c);
        const QString index =
            StatementFix::ident(SqlIdentifier::withSuffix(QString::fromUtf8(range->relname)
                    + QLatin1Char('_') + key.columns.join(QLatin1Char('_')),
                QStringLiteral("_idx")));
        f.alternative =
            QStringLiteral("CREATE INDEX CONCURRENTLY %1 ON %2 (%3);")
                .arg(index, StatementFix::relation(range), quoted.join(QStringLiteral(", ")))
            + QLatin1Char(' ') + info().alternative;
        out << std::move(f);
    }
}

} // namespace tusk::core
