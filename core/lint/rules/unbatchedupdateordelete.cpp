#include "unbatchedupdateordelete.h"

#include "statementfix.h"

#include "core/lint/columntype.h"
#include "core/lint/keysetbatch.h"
#include "core/lint/nodetext.h"
#include "core/lint/schemafacts.h"

#include <pg_query/pg_query.pb-c.h>

namespace tusk::core {

const RuleInfo &UnbatchedUpdateOrDelete::info() const
{
    static const RuleInfo info {
        QStringLiteral("unbatched-update-or-delete"),
        Severity::Warning,
        QStringLiteral("A whole-table UPDATE or DELETE runs as one huge transaction"),
        QStringLiteral("One UPDATE over every row writes a new version of each row and holds "
                       "its row lock until COMMIT: concurrent updates of any of those rows wait "
                       "for the whole statement, the table and its indexes grow by the table's "
                       "size until vacuum catches up, and the WAL of all rows arrives at once, so "
                       "replicas fall behind. It cannot be stopped without rolling all of it "
                       "back. A whole-table DELETE is the same. The backfill shape `UPDATE … SET "
                       "c = … WHERE c IS NULL` counts too: right after ADD COLUMN it matches "
                       "every row."),
        QStringLiteral("Batch it by key, committing each batch: a DO block that walks the "
                       "primary key in ranges of 10,000 rows (the finding carries it, generated "
                       "for the table; --fix writes it when the key is known from --profile and "
                       "the file is not in a transaction). Finished batches no longer match, so "
                       "a restart resumes where it stopped."),
        {},
    };
    return info;
}

QList<int> UnbatchedUpdateOrDelete::nodeKinds() const
{
    return {PG_QUERY__NODE__NODE_UPDATE_STMT, PG_QUERY__NODE__NODE_DELETE_STMT};
}

namespace {
QStringList setColumns(const PgQuery__UpdateStmt *update)
{
    QStringList columns;
    for (size_t i = 0; i < update->n_target_list; ++i) {
        const PgQuery__Node *target = update->target_list[i];
        if (target->node_case == PG_QUERY__NODE__NODE_RES_TARGET && target->res_target->name)
            columns << QString::fromUtf8(target->res_target->name);
    }
    return columns;
}

// `WHERE c IS NULL` on a column the UPDATE sets: the classic backfill.
bool isBackfillCondition(const PgQuery__Node *where, const QStringList &columns)
{
    if (!where || where->node_case != PG_QUERY__NODE__NODE_NULL_TEST)
        return false;
    const PgQuery__NullTest *test = where->null_test;
    if (test->nulltesttype != PG_QUERY__NULL_TEST_TYPE__IS_NULL || !test->arg
        || test->arg->node_case != PG_QUERY__NODE__NODE_COLUMN_REF)
        return false;
    const PgQuery__ColumnRef *ref = test->arg->column_ref;
    const QStringList name = NodeText::strings(ref->fields, ref->n_fields);
    return !name.isEmpty() && columns.contains(name.last());
}
} // namespace

void UnbatchedUpdateOrDelete::checkStatement(
    const LintInput &input, const ParsedStatement &statement, QList<Finding> &out) const
{
    const bool isDelete = statement.node->node_case == PG_QUERY__NODE__NODE_DELETE_STMT;
    const PgQuery__RangeVar *relation =
        isDelete ? statement.node->delete_stmt->relation : statement.node->update_stmt->relation;
    const PgQuery__Node *where = isDelete ? statement.node->delete_stmt->where_clause
                                          : statement.node->update_stmt->where_clause;
    const bool hasJoin = isDelete ? statement.node->delete_stmt->n_using_clause > 0
                                  : statement.node->update_stmt->n_from_clause > 0;
    const bool returns = isDelete ? statement.node->delete_stmt->n_returning_list > 0
                                  : statement.node->update_stmt->n_returning_list > 0;
    const bool backfill =
        !isDelete && isBackfillCondition(where, setColumns(statement.node->update_stmt));
    if (where && !backfill)
        return;
    const QString table = NodeText::relation(relation);
    Finding f = finding(input, statement,
        backfill ? QStringLiteral("this backfill of %1 updates every matching row in one "
                                  "transaction; batch it by key")
                       .arg(table)
            : isDelete
            ? QStringLiteral("DELETE FROM %1 without WHERE deletes every row in one "
                             "transaction; batch it by key (or TRUNCATE if that is the intent)")
                  .arg(table)
            : QStringLiteral("UPDATE %1 without WHERE rewrites every row in one "
                             "transaction; batch it by key")
                  .arg(table));
    f.relation = table;

    // The batches name the table and its key as SQL: spelled as written
    // unquoted, "Orders" would be another table.
    KeysetBatch batch;
    batch.table = StatementFix::relation(relation);
    batch.isDelete = isDelete;
    batch.key = QStringLiteral("id");
    const TableFacts *known = input.catalog ? input.catalog->table(table) : nullptr;
    const bool keyKnown = known && known->primaryKey.size() == 1;
    if (keyKnown) {
        batch.key = StatementFix::ident(known->primaryKey.first());
        if (const ColumnFacts *column = known->column(known->primaryKey.first()))
            batch.keyType = column->type;
    }
    bool rewritable = !hasJoin && !returns;
    if (!isDelete) {
        // The SET list and the condition, as written, for the batched
        // version: split at the SET and WHERE the scanner reads, never at
        // such a word inside a name ("elsewhere", "t SET x").
        const QByteArray sql = text(input, statement);
        const QList<StatementFix::Token> tokens = StatementFix::tokens(sql);
        const qsizetype set = StatementFix::topLevel(tokens, PG_QUERY__TOKEN__SET);
        const qsizetype whereAt = StatementFix::topLevel(tokens, PG_QUERY__TOKEN__WHERE, set);
        rewritable = rewritable && set > 0 && !statement.node->update_stmt->with_clause;
        if (rewritable) {
            const qsizetype from = tokens.at(set).end;
            const qsizetype to = whereAt < 0 ? sql.size() : tokens.at(whereAt).begin;
            batch.assignments = QString::fromUtf8(sql.mid(from, to - from)).trimmed();
            if (whereAt >= 0)
                batch.where = QString::fromUtf8(sql.mid(tokens.at(whereAt).end)).trimmed();
            while (batch.where.endsWith(QLatin1Char(';')))
                batch.where = batch.where.chopped(1).trimmed();
            while (batch.assignments.endsWith(QLatin1Char(';')))
                batch.assignments = batch.assignments.chopped(1).trimmed();
        }
    }
    if (!rewritable)
        return void(out << std::move(f));
    const QString generated = batch.sql();
    f.alternative = info().alternative + QStringLiteral("\n")
        + (keyKnown ? QString()
                    : QStringLiteral("-- assuming the key column is id (lint with --profile to "
                                     "read the primary key)\n"))
        + generated + QLatin1Char(';');
    if (keyKnown && !input.states.at(statement.index).inTransaction
        && input.options.serverVersion >= 110000)
        f.fix << TextEdit {statement.range, generated.toUtf8()};
    out << std::move(f);
}

} // namespace tusk::core
