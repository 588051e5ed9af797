#pragma once

// The hostile-names fixture shared by the tst_hostilenames* tests: schemas,
// tables, columns and a role named with quotes, semicolons, `--`, line
// breaks, `%1`, unicode, mixed case and 63+ bytes, next to a sentinel table
// `victim` and look-alikes (`public.mixedcase` beside `public."MixedCase"`,
// `"sch""ema; --x"` beside `"Sch""ema; --x"`) that no generated SQL may touch.
// The fixture's SQL is spelled by hand, never by the quoting under test.

#include "core/pg/connection.h"

#include <QMap>
#include <QString>
#include <QVariantList>

namespace tusk::test::hostile {

// Names as the catalog holds them.
QString schema(); // Sch"ema; --x
QString orders(); // Ord"ers;DROP TABLE victim;--, in schema()
QString mixedCase(); // MixedCase, in public (public.mixedcase is its look-alike)
QString unicodeSchema(); // ünï
QString long63(); // what the server keeps of the 70-byte table name in ünï
QString longUmlauts(); // 31 × Ä: what it keeps of a column named with 40
QString percent(); // Pct%1 "x": QString::arg placeholders inside a name

// SQL spellings, by hand.
QString ordersSql(); // "Sch""ema; --x"."Ord""ers;DROP TABLE victim;--"
QString long63Sql(); // "ünï"."Longxxx…" (63 bytes)

// The fixture: see the file's head. Every hostile table has rows.
QString baseSql();

// Runs `sql` one statement at a time (CONCURRENTLY and a DO that commits
// refuse a multi-statement query), as Tusk's own runners do; comment-only
// text runs nothing. False with *error naming the statement that failed.
bool run(core::Connection &connection, const QString &sql, QString *error);
// The first cell of the first row; "<error: …>" when the query failed.
QString scalar(core::Connection &connection, const QString &sql, const QVariantList &params = {});

// A relation's columns (name, type, NOT NULL) and how many indexes,
// constraints and triggers it has; "<no row>" when `relationSql` names none.
QString shape(core::Connection &connection, const QString &relationSql);

// What must not change when SQL for another object runs: each sentinel
// and look-alike's columns and rows (or "absent").
QMap<QString, QString> sentinels(core::Connection &connection);
// The sentinels that changed, one line each; empty when none did.
QString sentinelChanges(const QMap<QString, QString> &before, const QMap<QString, QString> &after);

} // namespace tusk::test::hostile
