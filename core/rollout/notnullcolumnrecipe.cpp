#include "notnullcolumnrecipe.h"

#include "core/migrations/nodesql.h"
#include "core/sql/sqlidentifier.h"

#include <pg_query/pg_query.pb-c.h>

#include <algorithm>
#include <cctype>

namespace tusk::core {

namespace {
struct Column {
    QString rel; // as written
    QString name; // quoted
    QString bare;
    QString type; // as written
    QString defaultSql; // as written
};

// The text between two byte offsets of the statement, trimmed.
QString slice(const QByteArray &source, int from, int to)
{
    return QString::fromUtf8(source.mid(from, to - from)).trimmed();
}

std::optional<Column> addedColumn(const PgQuery__Node *node, const QByteArray &source)
{
    if (!node || node->node_case != PG_QUERY__NODE__NODE_ALTER_TABLE_STMT
        || node->alter_table_stmt->n_cmds != 1
        || node->alter_table_stmt->cmds[0]->node_case != PG_QUERY__NODE__NODE_ALTER_TABLE_CMD)
        return std::nullopt;
    const PgQuery__AlterTableCmd *cmd = node->alter_table_stmt->cmds[0]->alter_table_cmd;
    if (cmd->subtype != PG_QUERY__ALTER_TABLE_TYPE__AT_AddColumn || !cmd->def
        || cmd->def->node_case != PG_QUERY__NODE__NODE_COLUMN_DEF)
        return std::nullopt;
    const PgQuery__ColumnDef *def = cmd->def->column_def;
    if (!def->type_name)
        return std::nullopt;
    bool notNull = false;
    int defaultAt = -1;
    QList<int> starts; // where each constraint begins: the ends of the others
    for (size_t i = 0; i < def->n_constraints; ++i) {
        const PgQuery__Node *c = def->constraints[i];
        if (c->node_case != PG_QUERY__NODE__NODE_CONSTRAINT)
            return std::nullopt;
        const PgQuery__Constraint *k = c->constraint;
        starts << k->location;
        if (k->contype == PG_QUERY__CONSTR_TYPE__CONSTR_NOTNULL)
            notNull = true;
        else if (k->contype == PG_QUERY__CONSTR_TYPE__CONSTR_DEFAULT)
            defaultAt = k->location;
        else // a CHECK, a reference, a generated column: not this recipe's
            return std::nullopt;
    }
    if (!notNull || defaultAt < 0)
        return std::nullopt;
    std::sort(starts.begin(), starts.end());
    int end = int(source.size());
    while (end > 0
        && (source.at(end - 1) == ';'
            || std::isspace(static_cast<unsigned char>(source.at(end - 1)))))
        --end;
    const auto next = std::upper_bound(starts.begin(), starts.end(), defaultAt);
    QString dflt = slice(source, defaultAt, next == starts.end() ? end : *next);
    if (!dflt.startsWith(QLatin1String("DEFAULT"), Qt::CaseInsensitive))
        return std::nullopt;
    dflt = dflt.mid(7).trimmed();
    const QString bare = QString::fromUtf8(def->colname);
    return Column {NodeSql::relation(node->alter_table_stmt->relation).sql,
        SqlIdentifier::quote(bare), bare, slice(source, def->type_name->location, starts.first()),
        dflt};
}
} // namespace

std::optional<QList<RolloutStep>> NotNullColumnRecipe::steps(
    const PgQuery__Node *statement, const QByteArray &source)
{
    const std::optional<Column> c = addedColumn(statement, source);
    if (!c)
        return std::nullopt;
    const QString check = SqlIdentifier::quote(SqlIdentifier::withSuffix(
        NodeSql::relation(statement->alter_table_stmt->relation).name + QLatin1Char('_') + c->bare,
        QStringLiteral("_not_null")));
    QList<RolloutStep> out;
    const auto step = [&](RolloutStep::Phase phase, const QString &up, const QString &rollback,
                          LockMode mode, bool scans, const QString &lock) {
        RolloutStep s;
        s.phase = phase;
        s.up = up;
        s.rollback = rollback;
        s.heldLock = RelationLock::on(c->rel, mode, scans);
        s.lock = lock.arg(c->rel);
        s.gate = ChangeVerifier::checksFor(up.toUtf8());
        out << s;
        return &out.last();
    };
    const auto expand = RolloutStep::Phase::Expand;
    step(expand, QStringLiteral("ALTER TABLE %1 ADD COLUMN %2 %3;").arg(c->rel, c->name, c->type),
        QStringLiteral("ALTER TABLE %1 DROP COLUMN %2;").arg(c->rel, c->name),
        LockMode::AccessExclusive, false,
        QStringLiteral("ACCESS EXCLUSIVE on %1, catalog only: brief"));
    step(expand,
        QStringLiteral("ALTER TABLE %1 ALTER COLUMN %2 SET DEFAULT %3;")
            .arg(c->rel, c->name, c->defaultSql),
        QStringLiteral("ALTER TABLE %1 ALTER COLUMN %2 DROP DEFAULT;").arg(c->rel, c->name),
        LockMode::AccessExclusive, false,
        QStringLiteral("ACCESS EXCLUSIVE on %1, catalog only: brief (new rows get the default)"));
    RolloutStep *fill = step(RolloutStep::Phase::Backfill,
        QStringLiteral("UPDATE %1 SET %2 = %3 WHERE %2 IS NULL;")
            .arg(c->rel, c->name, c->defaultSql),
        QStringLiteral("-- nothing to undo: the first step's rollback drops %1")
            .arg(SqlIdentifier::commentText(c->name)),
        LockMode::RowExclusive, true, QStringLiteral("ROW EXCLUSIVE on %1, row locks per batch"));
    fill->backfill =
        RolloutStep::Backfill {c->rel, QStringLiteral("%1 = %2").arg(c->name, c->defaultSql),
            QStringLiteral("%1 IS NULL").arg(c->name)};
    fill->gate = {{QStringLiteral("no row of %1 has %2 NULL").arg(c->rel, c->bare),
        QStringLiteral("SELECT n = 0, n || ' rows are NULL' FROM (SELECT count(*) FROM %1 WHERE "
                       "%2 IS NULL) AS c(n)")
            .arg(c->rel, c->name),
        {}, false, QString()}};
    step(expand,
        QStringLiteral("ALTER TABLE %1 ADD CONSTRAINT %2 CHECK (%3 IS NOT NULL) NOT VALID;")
            .arg(c->rel, check, c->name),
        QStringLiteral("ALTER TABLE %1 DROP CONSTRAINT %2;").arg(c->rel, check),
        LockMode::AccessExclusive, false,
        QStringLiteral("ACCESS EXCLUSIVE on %1, catalog only: brief"));
    step(expand, QStringLiteral("ALTER TABLE %1 VALIDATE CONSTRAINT %2;").arg(c->rel, check),
        QStringLiteral("-- nothing to undo"), LockMode::ShareUpdateExclusive, true,
        QStringLiteral("SHARE UPDATE EXCLUSIVE on %1, scans the table: reads and writes go on"));
    step(expand,
        QStringLiteral("ALTER TABLE %1 ALTER COLUMN %2 SET NOT NULL;").arg(c->rel, c->name),
        QStringLiteral("ALTER TABLE %1 ALTER COLUMN %2 DROP NOT NULL;").arg(c->rel, c->name),
        LockMode::AccessExclusive, false,
        QStringLiteral("ACCESS EXCLUSIVE on %1, no scan (the validated check proves it): brief"));
    step(expand, QStringLiteral("ALTER TABLE %1 DROP CONSTRAINT %2;").arg(c->rel, check),
        QStringLiteral("ALTER TABLE %1 ADD CONSTRAINT %2 CHECK (%3 IS NOT NULL);")
            .arg(c->rel, check, c->name),
        LockMode::AccessExclusive, false,
        QStringLiteral("ACCESS EXCLUSIVE on %1, catalog only: brief"));
    return out;
}

} // namespace tusk::core
