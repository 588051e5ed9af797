#pragma once

#include <QString>
#include <QStringList>

namespace tusk::core {

// What a resumable backfill does (docs/backfill.md): `UPDATE table SET set`
// in short batches walked by key, on the rows `predicate` says are still to
// do, with its progress kept in the target database. A plain value, checked
// by validate(); the SQL builders below give the exact statements that
// BackfillRun sends and the plain-SQL procedure executes, so the two share
// one progress row and can resume each other. Pure: no I/O, any thread.
struct BackfillSpec {
    QString name; // the progress row's key: lower-case letters, digits, _
    QString table; // "schema.name" or "name", as SQL spells it
    QString set; // "col = expr" (several, comma-separated, are fine)
    QString predicate; // the rows still to do; empty: defaultPredicate()
    // Column names as the catalog spells them. Empty when running: the
    // primary key, else ctid; empty in the SQL builders: ctid.
    QStringList keyColumns;
    int batchSize = 1000; // rows per batch (ctid: turned into pages)
    int pauseMs = 0; // between batches
    int lockTimeoutMs = 2000;
    int maxRetries = 8; // in a row, on 55P03, 40P01, 40001
    double maxReplicaLagSeconds = 10;

    // One sentence per problem; empty when the spec can run.
    QStringList validate() const;

    // The table's two parts as the catalog spells them (unquoted parts
    // folded to lower case); schema empty when not given. False when
    // `table` is not one or two identifiers.
    bool tableParts(QString *schema, QString *relation) const;
    // The table as SQL: each part quoted as needed.
    QString qualifiedTable() const;
    // The columns `set` assigns, as the catalog spells them; empty when
    // `set` is not a list of `col = expr`.
    QStringList setColumns() const;
    // `col IS DISTINCT FROM (expr)` (a row comparison for several
    // columns): true exactly for the rows the update would change, so a
    // rerun finds nothing left and converges.
    QString defaultPredicate() const;
    QString effectivePredicate() const;
    // <relation>_<first column>, made a valid name.
    static QString defaultName(const QString &table, const QString &set);

    // Rows per batch as pages for a ctid walk, from pg_class's density
    // (50 rows a page when the table was never analysed).
    static qint64 pagesPerBatch(int batchSize, double reltuples, qint64 relpages);

    // --- SQL ---------------------------------------------------------
    static QString schemaName() { return QStringLiteral("tusk_rollout"); }
    // CREATE SCHEMA / TABLE IF NOT EXISTS for tusk_rollout.backfill.
    static QString progressTableSql();
    // The contract step: the schema, the progress rows and procedures.
    static QString dropSql();
    // $1 name: the progress row, or none.
    static QString readProgressSql();
    // $1 name, $2 table (regclass text), $3 set, $4 predicate, $5 key
    // columns as a JSON array. Records the table as format('%I.%I') and,
    // for a ctid walk, the end page ONCE; a row already there is kept.
    static QString insertProgressSql();
    // One batch, one statement: lock the progress row, take the next keys
    // (or pages) after its last key, update the rows among them the
    // predicate selects, and move the progress row, all in one transaction.
    // $1 name, $2 rows (keys) or pages (ctid) per batch. Returns one row:
    // updated, seen, progressed (false: no unfinished row of that name),
    // finished, rows_done, rows_seen, batches, last_key (jsonb text).
    QString batchSql() const;
    // CREATE OR REPLACE PROCEDURE tusk_rollout.backfill_<name>(…):
    // plpgsql, a COMMIT per batch, the same progress row and statements.
    QString procedureName() const;
    QString procedureSql() const;
    QString callSql() const;
};

} // namespace tusk::core
