#include "columnswaprecipe.h"

#include "core/lint/columntype.h"
#include "core/sql/sqlidentifier.h"

#include <pg_query/pg_query.pb-c.h>

namespace tusk::core {

namespace {
QString text(const char *s)
{
    return s ? QString::fromUtf8(s) : QString();
}

struct Swap {
    QString schema;
    QString table; // bare name
    QString oldColumn;
    QString newColumn;
    QString newType; // SQL
    QString toNew; // expression of NEW.old giving the new value
    QString toOld; // expression of NEW.new giving the old value
};

ChangeVerifier::Check sameEverywhere(const QString &rel, const Swap &s)
{
    const QString differing = QStringLiteral("SELECT count(*) FROM %1 WHERE %2 IS DISTINCT FROM %3")
                                  .arg(rel, SqlIdentifier::quote(s.newColumn),
                                      s.toNew.arg(SqlIdentifier::quote(s.oldColumn)));
    return {
        QStringLiteral("every row of %1 has %2 filled from %3").arg(rel, s.newColumn, s.oldColumn),
        QStringLiteral("SELECT n = 0, n || ' rows still differ' FROM (%1) AS c(n)").arg(differing),
        {}, false, QString()};
}

QList<RolloutStep> build(const Swap &s)
{
    const QString rel = s.schema.isEmpty() ? SqlIdentifier::quote(s.table)
                                           : SqlIdentifier::qualified(s.schema, s.table);
    const QString oldCol = SqlIdentifier::quote(s.oldColumn);
    const QString newCol = SqlIdentifier::quote(s.newColumn);
    const QString base = SqlIdentifier::withSuffix(
        s.table + QLatin1Char('_') + s.newColumn, QStringLiteral("_sync"));
    const QString function =
        s.schema.isEmpty() ? SqlIdentifier::quote(base) : SqlIdentifier::qualified(s.schema, base);
    const QString trigger = SqlIdentifier::quote(base);
    const QString toNew = s.toNew.arg(QStringLiteral("NEW.") + oldCol);
    const QString toOld = s.toOld.arg(QStringLiteral("NEW.") + newCol);
    QList<RolloutStep> out;
    RolloutStep add;
    add.up = QStringLiteral("ALTER TABLE %1 ADD COLUMN %2 %3;").arg(rel, newCol, s.newType);
    add.rollback = QStringLiteral("ALTER TABLE %1 DROP COLUMN %2;").arg(rel, newCol);
    add.lock = QStringLiteral("ACCESS EXCLUSIVE on %1, catalog only: brief").arg(rel);
    add.heldLock = RelationLock::on(rel, LockMode::AccessExclusive);
    out << add;
    RolloutStep sync;
    sync.up = QStringLiteral("CREATE FUNCTION %1() RETURNS trigger LANGUAGE plpgsql AS $$\n"
                             "BEGIN\n"
                             "    IF TG_OP = 'INSERT' THEN\n"
                             "        IF NEW.%2 IS NULL THEN NEW.%2 := %4; END IF;\n"
                             "        IF NEW.%3 IS NULL THEN NEW.%3 := %5; END IF;\n"
                             "    ELSIF NEW.%3 IS DISTINCT FROM OLD.%3 THEN\n"
                             "        NEW.%2 := %4;\n"
                             "    ELSIF NEW.%2 IS DISTINCT FROM OLD.%2 THEN\n"
                             "        NEW.%3 := %5;\n"
                             "    END IF;\n"
                             "    RETURN NEW;\n"
                             "END $$;")
                  .arg(function, newCol, oldCol, toNew, toOld);
    sync.rollback = QStringLiteral("DROP FUNCTION %1();").arg(function);
    sync.lock = QStringLiteral("none held for long");
    out << sync;
    RolloutStep trig;
    trig.up = QStringLiteral("CREATE TRIGGER %1 BEFORE INSERT OR UPDATE ON %2 FOR EACH ROW "
                             "EXECUTE FUNCTION %3();")
                  .arg(trigger, rel, function);
    trig.rollback = QStringLiteral("DROP TRIGGER %1 ON %2;").arg(trigger, rel);
    trig.lock = QStringLiteral("SHARE ROW EXCLUSIVE on %1: blocks writes briefly").arg(rel);
    trig.heldLock = RelationLock::on(rel, LockMode::ShareRowExclusive);
    out << trig;
    RolloutStep fill;
    fill.phase = RolloutStep::Phase::Backfill;
    fill.up = QStringLiteral("UPDATE %1 SET %2 = %3 WHERE %2 IS DISTINCT FROM %3;")
                  .arg(rel, newCol, s.toNew.arg(oldCol));
    fill.rollback = QStringLiteral("-- nothing to undo: the expand step's rollback drops %1")
                        .arg(SqlIdentifier::commentText(newCol));
    fill.lock = QStringLiteral("ROW EXCLUSIVE on %1, row locks per batch").arg(rel);
    fill.heldLock = RelationLock::on(rel, LockMode::RowExclusive, true);
    fill.backfill =
        RolloutStep::Backfill {rel, QStringLiteral("%1 = %2").arg(newCol, s.toNew.arg(oldCol)),
            QStringLiteral("%1 IS DISTINCT FROM %2").arg(newCol, s.toNew.arg(oldCol))};
    fill.gate << sameEverywhere(rel, s);
    out << fill;
    out << RolloutStep::migrateReads(
        QStringLiteral("deploy the application reading and writing %1; the trigger keeps %2 in "
                       "step for the old version")
            .arg(newCol, oldCol));
    RolloutStep contract;
    contract.phase = RolloutStep::Phase::Contract;
    contract.up = QStringLiteral("DROP TRIGGER %1 ON %2;\nDROP FUNCTION %3();\nALTER TABLE %2 DROP "
                                 "COLUMN %4;")
                      .arg(trigger, rel, function, oldCol);
    contract.rollback =
        QStringLiteral("-- the point of no return: %1's data is gone; restore from a backup")
            .arg(SqlIdentifier::commentText(oldCol));
    contract.rollbackSafe = false;
    contract.lock = QStringLiteral("ACCESS EXCLUSIVE on %1, catalog only: brief").arg(rel);
    contract.heldLock = RelationLock::on(rel, LockMode::AccessExclusive);
    out << contract;
    return out;
}

const DbColumn *columnOf(
    const CatalogSnapshot &before, const PgQuery__RangeVar *range, const QString &column)
{
    // As SQL: findRelation() reads quotes and folds what is bare, so the
    // parser's "MixedCase" written bare would find mixedcase.
    const QString name = text(range->schemaname).isEmpty()
        ? SqlIdentifier::quote(text(range->relname))
        : SqlIdentifier::qualified(text(range->schemaname), text(range->relname));
    const DbRelation *relation = before.findRelation(name);
    if (!relation)
        return nullptr;
    for (int i : relation->columns) {
        if (before.columns().at(i).name == column)
            return &before.columns().at(i);
    }
    return nullptr;
}
} // namespace

std::optional<QList<RolloutStep>> ColumnSwapRecipe::steps(
    const PgQuery__Node *node, const CatalogSnapshot &before, QString *why)
{
    if (!node)
        return std::nullopt;
    if (node->node_case == PG_QUERY__NODE__NODE_RENAME_STMT
        && node->rename_stmt->rename_type == PG_QUERY__OBJECT_TYPE__OBJECT_COLUMN
        && node->rename_stmt->relation) {
        const PgQuery__RenameStmt *rename = node->rename_stmt;
        const DbColumn *column = columnOf(before, rename->relation, text(rename->subname));
        if (!column) {
            *why = QStringLiteral("the expand/contract recipe needs the column's type from the "
                                  "target's catalog (--db or --profile)");
            return std::nullopt;
        }
        return build({text(rename->relation->schemaname), text(rename->relation->relname),
            text(rename->subname), text(rename->newname), column->type, QStringLiteral("%1"),
            QStringLiteral("%1")});
    }
    if (node->node_case == PG_QUERY__NODE__NODE_ALTER_TABLE_STMT
        && node->alter_table_stmt->n_cmds == 1
        && node->alter_table_stmt->cmds[0]->node_case == PG_QUERY__NODE__NODE_ALTER_TABLE_CMD) {
        const PgQuery__AlterTableStmt *alter = node->alter_table_stmt;
        const PgQuery__AlterTableCmd *cmd = alter->cmds[0]->alter_table_cmd;
        if (cmd->subtype != PG_QUERY__ALTER_TABLE_TYPE__AT_AlterColumnType || !cmd->def
            || cmd->def->node_case != PG_QUERY__NODE__NODE_COLUMN_DEF
            || cmd->def->column_def->raw_default) // USING …: the user's own conversion
            return std::nullopt;
        const ColumnType type = ColumnType::fromTypeName(cmd->def->column_def->type_name);
        const DbColumn *column = columnOf(before, alter->relation, text(cmd->name));
        if (!type.isKnown() || !column) {
            *why = QStringLiteral("the expand/contract recipe needs the column's old type from "
                                  "the target's catalog (--db or --profile)");
            return std::nullopt;
        }
        const QString newType = type.spelled();
        return build({text(alter->relation->schemaname), text(alter->relation->relname),
            text(cmd->name), SqlIdentifier::withSuffix(text(cmd->name), QStringLiteral("_new")),
            newType, QStringLiteral("(%1)::") + newType, QStringLiteral("(%1)::") + column->type});
    }
    return std::nullopt;
}

} // namespace tusk::core
