#include "batchedupdaterecipe.h"

#include "core/lint/rules/statementfix.h"
#include "core/migrations/nodesql.h"
#include "core/sql/sqlidentifier.h"

#include <pg_query/pg_query.pb-c.h>

namespace tusk::core {

namespace {
QString slice(const QByteArray &source, int from, int to)
{
    return QString::fromUtf8(source.mid(from, to - from)).trimmed();
}

QString withoutSemicolon(QString text)
{
    while (text.endsWith(QLatin1Char(';')))
        text = text.chopped(1).trimmed();
    return text;
}
} // namespace

std::optional<QList<RolloutStep>> BatchedUpdateRecipe::steps(
    const PgQuery__Node *statement, const QByteArray &source)
{
    if (!statement || statement->node_case != PG_QUERY__NODE__NODE_UPDATE_STMT)
        return std::nullopt;
    const PgQuery__UpdateStmt *update = statement->update_stmt;
    if (!update->relation || update->n_from_clause || update->n_returning_list
        || update->with_clause || update->n_target_list == 0)
        return std::nullopt;
    const QString rel = NodeSql::relation(update->relation).sql;
    for (size_t i = 0; i < update->n_target_list; ++i) {
        const PgQuery__Node *t = update->target_list[i];
        // SET (a, b) = (…) and SET a[1] = … are not one column each; an
        // alias may be named by the expressions, which the batches lack.
        if (t->node_case != PG_QUERY__NODE__NODE_RES_TARGET || t->res_target->n_indirection
            || !t->res_target->val
            || t->res_target->val->node_case == PG_QUERY__NODE__NODE_MULTI_ASSIGN_REF
            || update->relation->alias)
            return std::nullopt;
    }
    // The SET list's text: from the first target to WHERE (or the end).
    const int setFrom = update->target_list[0]->res_target->location;
    int setTo = int(source.size());
    QString where;
    if (update->where_clause) {
        // The WHERE the scanner reads after the SET list, never the word
        // inside a name ("elsewhere") or a string.
        const QList<StatementFix::Token> tokens = StatementFix::tokens(source);
        qsizetype first = 0;
        while (first < tokens.size() && tokens.at(first).begin < setFrom)
            ++first;
        const qsizetype at = StatementFix::topLevel(tokens, PG_QUERY__TOKEN__WHERE, first);
        if (at < 0)
            return std::nullopt;
        setTo = int(tokens.at(at).begin);
        where = withoutSemicolon(slice(source, int(tokens.at(at).end), int(source.size())));
    }
    const QString set = withoutSemicolon(slice(source, setFrom, setTo));
    // Rows still to do: picked by the WHERE and not yet holding the new
    // values, so a rerun (and the gate) converges for a deterministic SET.
    QStringList differs;
    for (size_t i = 0; i < update->n_target_list; ++i) {
        const int from = update->target_list[i]->res_target->location;
        const int to = i + 1 < update->n_target_list
            ? update->target_list[i + 1]->res_target->location
            : setTo;
        QString assignment = withoutSemicolon(slice(source, from, to));
        if (assignment.endsWith(QLatin1Char(',')))
            assignment.chop(1);
        const qsizetype eq = assignment.indexOf(QLatin1Char('='));
        if (eq < 0)
            return std::nullopt;
        differs << QStringLiteral("%1 IS DISTINCT FROM (%2)")
                       .arg(SqlIdentifier::quote(
                                QString::fromUtf8(update->target_list[i]->res_target->name)),
                           assignment.mid(eq + 1).trimmed());
    }
    const QString pending = (where.isEmpty() ? QString() : QStringLiteral("(%1) AND ").arg(where))
        + QStringLiteral("(%1)").arg(differs.join(QStringLiteral(" OR ")));
    RolloutStep fill;
    fill.phase = RolloutStep::Phase::Backfill;
    fill.up = QString::fromUtf8(source).trimmed();
    if (!fill.up.endsWith(QLatin1Char(';')))
        fill.up += QLatin1Char(';');
    fill.rollback = QStringLiteral("-- a data change: the rows before it are not kept");
    fill.rollbackSafe = false;
    fill.lock = QStringLiteral("ROW EXCLUSIVE on %1, row locks one batch at a time").arg(rel);
    fill.heldLock = RelationLock::on(rel, LockMode::RowExclusive, true);
    fill.backfill = RolloutStep::Backfill {rel, set, pending};
    fill.gate = {{QStringLiteral("the backfill of %1 is done (no row left to update)").arg(rel),
        QStringLiteral("SELECT n = 0, n || ' rows left' FROM (SELECT count(*) FROM %1 WHERE %2) "
                       "AS c(n)")
            .arg(rel, pending),
        {}, false, QString()}};
    return QList<RolloutStep> {fill};
}

} // namespace tusk::core
