#include "dropcontractrecipe.h"

#include "core/migrations/nodesql.h"
#include "core/sql/sqlidentifier.h"

#include <pg_query/pg_query.pb-c.h>

namespace tusk::core {

namespace {
struct Dropped {
    NodeSql::Name table;
    QString column; // empty: the table itself
};

std::optional<Dropped> droppedBy(const PgQuery__Node *node)
{
    if (!node)
        return std::nullopt;
    if (node->node_case == PG_QUERY__NODE__NODE_ALTER_TABLE_STMT
        && node->alter_table_stmt->n_cmds == 1
        && node->alter_table_stmt->cmds[0]->node_case == PG_QUERY__NODE__NODE_ALTER_TABLE_CMD) {
        const PgQuery__AlterTableCmd *cmd = node->alter_table_stmt->cmds[0]->alter_table_cmd;
        if (cmd->subtype != PG_QUERY__ALTER_TABLE_TYPE__AT_DropColumn || !cmd->name)
            return std::nullopt;
        return Dropped {
            NodeSql::relation(node->alter_table_stmt->relation), QString::fromUtf8(cmd->name)};
    }
    if (node->node_case == PG_QUERY__NODE__NODE_DROP_STMT
        && node->drop_stmt->remove_type == PG_QUERY__OBJECT_TYPE__OBJECT_TABLE
        && node->drop_stmt->n_objects == 1) {
        const NodeSql::Name name = NodeSql::dotted(node->drop_stmt->objects[0]);
        if (name.isValid())
            return Dropped {name, QString()};
    }
    return std::nullopt;
}

// A regular expression (the server's) for `name` as a word of a
// statement's text, bare or quoted. Every ASCII character but letters and
// digits is escaped (no other is special to it), so "a(b.*" is no pattern
// and "--c" needs no word break (\m wants a word character after it): the
// name as written, between characters no name holds bare.
QString wordPattern(const QString &name)
{
    const auto escaped = [](const QString &text) {
        QString out;
        for (const QChar c : text) {
            if (c.unicode() < 128 && !c.isLetterOrNumber())
                out += QLatin1Char('\\');
            out += c;
        }
        return out;
    };
    const QString edge = QStringLiteral("[^[:alnum:]_$]");
    return QStringLiteral("(^|%1)(%2|%3)(%1|$)")
        .arg(edge, escaped(name), escaped(SqlIdentifier::quote(name)));
}

// Calls of the pg_stat_statements entries whose text names `word` (and
// the table), or NULL when the view cannot be read here (not installed,
// not preloaded): dynamic SQL, so a server without it still parses this.
QString statementCalls(const QString &table, const QString &word)
{
    const QString tableLiteral = SqlIdentifier::literal(wordPattern(table));
    const QString wordLiteral = SqlIdentifier::literal(wordPattern(word));
    const QString inner = QStringLiteral(
        "SELECT coalesce(sum(calls), 0) AS n FROM pg_stat_statements WHERE query ~* %1 AND "
        "query ~* %2 AND query !~* 'tusk_rollout'")
                              .arg(tableLiteral, wordLiteral);
    return QStringLiteral(
        "CASE WHEN to_regclass('pg_stat_statements') IS NOT NULL AND "
        "current_setting('shared_preload_libraries') ~ 'pg_stat_statements' THEN "
        "(xpath('/row/n/text()', query_to_xml(%1, false, true, '')))[1]::text::bigint END")
        .arg(SqlIdentifier::literal(inner));
}
} // namespace

std::optional<QList<RolloutStep>> DropContractRecipe::steps(
    const PgQuery__Node *statement, const QString &statementText)
{
    const std::optional<Dropped> d = droppedBy(statement);
    if (!d)
        return std::nullopt;
    const QString rel = d->table.sql;
    const QString what = d->column.isEmpty() ? rel : rel + QLatin1Char('.') + d->column;
    const QString key = SqlIdentifier::literal(QStringLiteral("drop ") + what);
    const QString word = d->column.isEmpty() ? d->table.name : d->column;
    const QString relLiteral = SqlIdentifier::literal(rel);
    QList<RolloutStep> out;

    RolloutStep record;
    record.up = QStringLiteral(
        "CREATE SCHEMA IF NOT EXISTS tusk_rollout;\n"
        "CREATE TABLE IF NOT EXISTS tusk_rollout.usage_point (name text PRIMARY KEY, at "
        "timestamptz NOT NULL, scans bigint, writes bigint, statements bigint);\n"
        "INSERT INTO tusk_rollout.usage_point\n"
        "SELECT %1, now(), coalesce(s.seq_scan, 0) + coalesce(s.idx_scan, 0),\n"
        "       coalesce(s.n_tup_ins + s.n_tup_upd + s.n_tup_del, 0), %2\n"
        "FROM pg_class c LEFT JOIN pg_stat_user_tables s ON s.relid = c.oid\n"
        "WHERE c.oid = %3::regclass\n"
        "ON CONFLICT (name) DO UPDATE SET at = EXCLUDED.at, scans = EXCLUDED.scans,\n"
        "    writes = EXCLUDED.writes, statements = EXCLUDED.statements;")
                    .arg(key, statementCalls(d->table.name, word), relLiteral);
    record.rollback =
        QStringLiteral("DELETE FROM tusk_rollout.usage_point WHERE name = %1;\n"
                       "DO $$ BEGIN\n"
                       "    IF NOT EXISTS (SELECT FROM tusk_rollout.usage_point) THEN\n"
                       "        DROP TABLE tusk_rollout.usage_point;\n"
                       "    END IF;\n"
                       "    IF NOT EXISTS (SELECT FROM pg_class WHERE relnamespace = "
                       "'tusk_rollout'::regnamespace)\n"
                       "       AND NOT EXISTS (SELECT FROM pg_proc WHERE pronamespace = "
                       "'tusk_rollout'::regnamespace) THEN\n"
                       "        DROP SCHEMA tusk_rollout;\n"
                       "    END IF;\n"
                       "END $$;")
            .arg(key);
    record.lock = QStringLiteral("none held for long (reads statistics views)");
    out << record;

    RolloutStep app = RolloutStep::migrateReads(
        QStringLiteral("deploy the application that no longer uses %1, and let it run; the gate "
                       "counts what used it since the usage point")
            .arg(what));
    // Since the point: a table's scans and writes; statements naming it.
    const QString since = QStringLiteral("FROM tusk_rollout.usage_point p, pg_class c LEFT JOIN "
                                         "pg_stat_user_tables s ON s.relid = c.oid WHERE p.name = "
                                         "%1 AND c.oid = %2::regclass")
                              .arg(key, relLiteral);
    const bool table = d->column.isEmpty();
    if (table) {
        app.gate << ChangeVerifier::Check {
            QStringLiteral("no scan and no write of %1 since the usage point").arg(rel),
            QStringLiteral(
                "SELECT n = 0, n || ' scans and writes since ' || at FROM (SELECT "
                "coalesce(s.seq_scan, 0) + coalesce(s.idx_scan, 0) + coalesce(s.n_tup_ins "
                "+ s.n_tup_upd + s.n_tup_del, 0) - p.scans - p.writes AS n, p.at %1) AS u")
                .arg(since),
            {}, false, QString()};
    }
    // A table's counters are evidence enough without pg_stat_statements; a
    // column has none other, so its gate stays shut and says why.
    const QString missingOk = table ? QStringLiteral("true") : QStringLiteral("false");
    const QString missingText = table
        ? QStringLiteral("'pg_stat_statements is not installed and preloaded here: the table''s "
                         "own counters are the evidence'")
        : QStringLiteral("'no evidence: pg_stat_statements is not installed and preloaded here, "
                         "and nothing else sees a column''s use'");
    app.gate << ChangeVerifier::Check {
        QStringLiteral("no statement naming %1 ran since the usage point (pg_stat_statements)")
            .arg(what),
        QStringLiteral("SELECT CASE WHEN n IS NULL THEN %1 ELSE n = 0 END, CASE WHEN n IS NULL "
                       "THEN %2 ELSE n || ' calls of statements naming it since ' || at END FROM "
                       "(SELECT %3 - p.statements AS n, p.at %4) AS u")
            .arg(missingOk, missingText, statementCalls(d->table.name, word), since),
        {}, false, QString()};
    out << app;

    RolloutStep drop;
    drop.phase = RolloutStep::Phase::Contract;
    drop.up = statementText.trimmed();
    drop.rollback = QStringLiteral("-- the point of no return: %1 and its data are gone; restore "
                                   "from a backup")
                        .arg(SqlIdentifier::commentText(what));
    drop.rollbackSafe = false;
    drop.heldLock = RelationLock::on(rel, LockMode::AccessExclusive);
    drop.lock = QStringLiteral("ACCESS EXCLUSIVE on %1, catalog only: brief").arg(rel);
    drop.gate = ChangeVerifier::checksFor(drop.up.toUtf8());
    out << drop;
    return out;
}

} // namespace tusk::core
