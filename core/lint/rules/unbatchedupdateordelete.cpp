#include "unbatchedupdateordelete.h"

#include "core/lint/columntype.h"
#include "core/lint/keysetbatch.h"
#include "core/lint/nodetext.h"
#include "core/lint/schemafacts.h"

#include <pg_query/pg_query.pb-c.h>

#include <QRegularExpression>

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

    KeysetBatch batch;
    batch.table = table;
    batch.isDelete = isDelete;
    batch.key = QStringLiteral("id");
    const TableFacts *known = input.catalog ? input.catalog->table(table) : nullptr;
    const bool keyKnown = known && known->primaryKey.size() == 1;
    if (keyKnown) {
        batch.key = known->primaryKey.first();
        if (const ColumnFacts *column = known->column(batch.key))
            batch.keyType = column->type;
    }
    // The SET list and the condition, as written, for the batched version.
    thread_local const QRegularExpression shape(
        QStringLiteral("^UPDATE\\s+(?:ONLY\\s+)?\\S+(?:\\s+(?:AS\\s+)?\\w+)?\\s+SET\\s+(.*?)(?:\\s+"
                       "WHERE\\s+(.*))?$"),
        QRegularExpression::CaseInsensitiveOption | QRegularExpression::DotMatchesEverythingOption);
    const QString sql = QString::fromUtf8(text(input, statement));
    bool rewritable = !hasJoin && !returns;
    if (!isDelete) {
        const QRegularExpressionMatch m = shape.match(sql);
        rewritable = rewritable && m.hasMatch()
            && !m.captured(1).contains(QLatin1String("where"), Qt::CaseInsensitive);
        batch.assignments = m.captured(1).trimmed();
        batch.where = m.captured(2).trimmed();
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
