#include "rolloutplanner.h"

#include "batchedupdaterecipe.h"
#include "columnswaprecipe.h"
#include "dropcontractrecipe.h"
#include "notnullcolumnrecipe.h"
#include "tablerenamerecipe.h"

#include "core/lint/fixapplier.h"
#include "core/lint/lintengine.h"
#include "core/lint/lockmodel.h"
#include "core/lint/outsidetransaction.h"
#include "core/lint/scriptfacts.h"
#include "core/migrations/backfill/backfillspec.h"
#include "core/migrations/statementreverse.h"
#include "core/sql/parsedscript.h"
#include "core/sql/sqlidentifier.h"
#include "core/support/severity.h"

#include <pg_query/pg_query.pb-c.h>

namespace tusk::core {

namespace {
// Findings about the session or about rerunning a file, not about the
// change: the plan's settings and its steps' gates cover them.
bool aboutTheChange(const Finding &f)
{
    static const QStringList session {QStringLiteral("require-lock-timeout"),
        QStringLiteral("require-statement-timeout"), QStringLiteral("prefer-robust-stmts"),
        QStringLiteral("ban-concurrent-index-creation-in-transaction")};
    return f.severity >= Severity::Warning && !session.contains(f.rule);
}

QString textOf(const ParsedScript &script, const ParsedStatement &st)
{
    return QString::fromUtf8(script.source().bytes().mid(st.range.begin, st.range.size())).trimmed()
        + QLatin1Char(';');
}

RolloutStep::Phase phaseOf(const PgQuery__Node *node)
{
    switch (node->node_case) {
    case PG_QUERY__NODE__NODE_DROP_STMT:
        return RolloutStep::Phase::Contract;
    case PG_QUERY__NODE__NODE_UPDATE_STMT:
    case PG_QUERY__NODE__NODE_DELETE_STMT:
    case PG_QUERY__NODE__NODE_INSERT_STMT:
        return RolloutStep::Phase::Backfill;
    case PG_QUERY__NODE__NODE_ALTER_TABLE_STMT:
        for (size_t i = 0; i < node->alter_table_stmt->n_cmds; ++i) {
            const PgQuery__Node *cmd = node->alter_table_stmt->cmds[i];
            if (cmd->node_case == PG_QUERY__NODE__NODE_ALTER_TABLE_CMD
                && (cmd->alter_table_cmd->subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_DropColumn
                    || cmd->alter_table_cmd->subtype
                        == PG_QUERY__ALTER_TABLE_TYPE__AT_DropConstraint))
                return RolloutStep::Phase::Contract;
        }
        return RolloutStep::Phase::Expand;
    default:
        return RolloutStep::Phase::Expand;
    }
}

bool isSetting(const PgQuery__Node *node)
{
    return node->node_case == PG_QUERY__NODE__NODE_VARIABLE_SET_STMT;
}

// Backfills keep their progress, drop contracts their usage points, in
// Tusk's own schema in the target: the rollout's last step drops it.
void addBookkeepingContract(RolloutPlan &plan)
{
    bool used = false;
    for (const RolloutItem &item : std::as_const(plan.items)) {
        for (const RolloutStep &step : item.steps)
            used |= step.backfill.has_value()
                || step.up.contains(DropContractRecipe::schemaName() + QLatin1Char('.'));
    }
    if (!used)
        return;
    RolloutItem item;
    item.kind = RolloutItem::Kind::Safe;
    item.statement = QStringLiteral("-- Tusk's bookkeeping in the target: %1")
                         .arg(DropContractRecipe::schemaName());
    item.why = QStringLiteral("backfill progress and usage points are kept in the schema %1 of "
                              "the target while the rollout runs")
                   .arg(DropContractRecipe::schemaName());
    RolloutStep step;
    step.phase = RolloutStep::Phase::Contract;
    step.up = BackfillSpec::dropSql().trimmed();
    step.rollback = QStringLiteral("-- Tusk's bookkeeping is gone (backfill progress, usage "
                                   "points), nothing of the application's; a new backfill makes "
                                   "it again");
    step.rollbackSafe = false;
    step.fromRecipe = true;
    step.lock = QStringLiteral("ACCESS EXCLUSIVE on Tusk's own tables only");
    step.gate = ChangeVerifier::checksFor(step.up.toUtf8());
    item.steps << step;
    plan.items << item;
}
} // namespace

RolloutPlan RolloutPlanner::plan(const QByteArray &sql, const CatalogSnapshot &before,
    const SchemaFacts *facts, int serverVersion)
{
    static const LintEngine engine; // stateless rules: safe to share
    LintOptions options;
    options.serverVersion = serverVersion;
    options.threads = 1;
    RolloutPlan plan;
    const ParsedScript script(sql, 1);
    for (const ParsedStatement &st : script.statements()) {
        if (!st.isValid())
            continue;
        const QString text = textOf(script, st);
        if (isSetting(st.node)) {
            plan.settings << text;
            continue;
        }
        if (st.node->node_case == PG_QUERY__NODE__NODE_TRANSACTION_STMT)
            continue;
        RolloutItem item;
        item.statement = text;
        const ParsedScript alone(text.toUtf8(), 1);
        const LintResult linted = engine.lint(alone, options, facts);
        QList<Finding> relevant;
        QStringList unfixed;
        for (const Finding &f : linted.findings) {
            if (!aboutTheChange(f))
                continue;
            relevant << f;
            item.why += (item.why.isEmpty() ? QString() : QStringLiteral("; "))
                + QStringLiteral("%1 %2: %3").arg(severityName(f.severity), f.rule, f.message);
            if (f.fix.isEmpty())
                unfixed << f.rule;
        }
        QByteArray steps = text.toUtf8();
        if (relevant.isEmpty()) {
            item.kind = RolloutItem::Kind::Safe;
        } else if (unfixed.isEmpty()) {
            item.kind = RolloutItem::Kind::Online;
            steps = FixApplier::apply(steps, relevant).text;
        } else {
            item.kind = RolloutItem::Kind::Breaking;
            QString missing;
            std::optional<QList<RolloutStep>> recipe = TableRenameRecipe::steps(st.node);
            const QByteArray own = script.source().bytes().mid(st.range.begin, st.range.size());
            if (!recipe)
                recipe = NotNullColumnRecipe::steps(st.node, own);
            if (!recipe)
                recipe = BatchedUpdateRecipe::steps(st.node, own);
            if (!recipe)
                recipe = DropContractRecipe::steps(st.node, text);
            if (!recipe)
                recipe = ColumnSwapRecipe::steps(st.node, before, &missing);
            if (recipe) {
                item.kind = RolloutItem::Kind::Recipe;
                for (RolloutStep step : *recipe) {
                    step.fromRecipe = true;
                    item.steps << step;
                }
                plan.items << item;
                continue;
            }
            if (!missing.isEmpty())
                item.why += QStringLiteral("; ") + missing;
        }
        const ParsedScript rewritten(steps, 1);
        for (const ParsedStatement &s : rewritten.statements()) {
            if (!s.isValid() || isSetting(s.node))
                continue;
            RolloutStep step;
            step.up = textOf(rewritten, s);
            step.phase = phaseOf(s.node);
            step.inTransaction = OutsideTransaction::of(s.node).isNull();
            if (s.node->node_case == PG_QUERY__NODE__NODE_INDEX_STMT
                && s.node->index_stmt->concurrent && s.node->index_stmt->idxname
                && *s.node->index_stmt->idxname && s.node->index_stmt->relation) {
                const PgQuery__RangeVar *rel = s.node->index_stmt->relation;
                const QString name = QString::fromUtf8(s.node->index_stmt->idxname);
                step.concurrentIndex = rel->schemaname && *rel->schemaname
                    ? SqlIdentifier::qualified(QString::fromUtf8(rel->schemaname), name)
                    : SqlIdentifier::quote(name);
            }
            item.steps << step;
        }
        plan.items << item;
    }
    // Rollbacks in the context of every step before them; locks with the
    // script's own facts (a table made earlier is no one's to wait for).
    QString all;
    for (const RolloutItem &item : plan.items) {
        for (const RolloutStep &step : item.steps)
            all += step.fromRecipe ? QStringLiteral("SELECT;\n") : step.up + QLatin1Char('\n');
    }
    // A step is rolled back right after it runs, before the later steps: its
    // inverse is the last of the script up to it (a later DROP of what it
    // made does not stand in for it).
    const StatementReverse reverse(before);
    QString prefix;
    QList<StatementReverse::Inverse> inverses;
    for (const RolloutItem &item : plan.items) {
        for (const RolloutStep &step : item.steps) {
            if (step.fromRecipe) {
                inverses << StatementReverse::Inverse();
                continue;
            }
            prefix += step.up + QLatin1Char('\n');
            const QList<StatementReverse::Inverse> upTo = reverse.reverse(prefix);
            inverses << (upTo.isEmpty() ? StatementReverse::Inverse() : upTo.last());
        }
    }
    const ParsedScript whole(all.toUtf8(), 1);
    const ScriptFacts scriptFacts(whole);
    qsizetype index = 0;
    for (RolloutItem &item : plan.items) {
        for (RolloutStep &step : item.steps) {
            const qsizetype at = index++;
            if (step.fromRecipe)
                continue;
            if (at < inverses.size()) {
                const StatementReverse::Inverse &inverse = inverses.at(at);
                step.rollbackSafe = inverse.safe;
                step.rollback = inverse.sql.isEmpty() ? QStringLiteral("-- nothing to undo")
                                                      : inverse.sql.trimmed();
                if (!inverse.safe && !inverse.reason.isEmpty()
                    && !step.rollback.startsWith(QLatin1String("--")))
                    step.rollback =
                        QStringLiteral("-- %1\n%2")
                            .arg(SqlIdentifier::commentText(inverse.reason), step.rollback);
            }
            step.lock = QStringLiteral("no lock held for long");
            if (at < whole.statements().size()) {
                LockModel::Context context;
                context.statement = int(at);
                context.serverVersion = serverVersion;
                context.facts = &scriptFacts;
                context.catalog = facts;
                const QList<RelationLock> locks =
                    LockModel::locksOf(whole.statements().at(at).node, context);
                if (const RelationLock *lock = LockModel::strongest(locks)) {
                    step.lock = lock->describe();
                    step.heldLock = *lock;
                }
            }
            step.gate = ChangeVerifier::checksFor(step.up.toUtf8());
        }
    }
    if (plan.settings.isEmpty() && plan.stepCount() > 0)
        plan.settings << QStringLiteral("SET lock_timeout = '5s';");
    addBookkeepingContract(plan);
    return plan;
}

RolloutPlan RolloutPlanner::handWritten(const QByteArray &up, const QByteArray &down)
{
    RolloutPlan plan;
    RolloutItem item;
    item.statement = QString::fromUtf8(up).trimmed();
    item.kind = RolloutItem::Kind::Safe;
    RolloutStep step;
    step.up = item.statement;
    step.rollback = QString::fromUtf8(down).trimmed();
    step.fromRecipe = true; // the rollback is given: run as written
    step.lock = QStringLiteral("as the statements take them");
    const ParsedScript script(up, 1);
    for (const ParsedStatement &st : script.statements()) {
        if (!st.isValid())
            continue;
        if (isSetting(st.node))
            plan.settings << textOf(script, st);
        else if (!OutsideTransaction::of(st.node).isNull())
            step.inTransaction = false;
    }
    step.gate = ChangeVerifier::checksFor(up);
    item.steps << step;
    plan.items << item;
    return plan;
}

} // namespace tusk::core
