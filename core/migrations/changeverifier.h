#pragma once

#include <QByteArray>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QVariantList>

namespace tusk::core {

class Result;

// docs/migrations-folder.md, post-change verification: after a structure
// change succeeds, the least expensive catalog query that confirms it. One
// check per thing a statement promises, read from its parse tree: a column
// exists with its type, nullability and default; an index exists and is
// valid (a CREATE INDEX … IF NOT EXISTS that met an invalid one still
// "succeeds"); a constraint exists and is validated unless NOT VALID was
// asked; a table, view, sequence or function exists, or is gone; a
// renamed thing answers to its new name. Each query reads pg_catalog by
// oid or name through to_regclass()/to_regtype(), which take no lock and
// return NULL instead of failing, and returns at most one row: whether it
// holds, and what was found.
class ChangeVerifier {
public:
    struct Check {
        QString what; // "column shop.orders.tracking_code: text, nullable"
        QString sql; // one row (ok boolean, found text), or none
        QVariantList params;
        bool absentIsOk = false; // a drop: no row is what it promised
        QString absentText; // what "no row" means, for the user
    };
    struct Verdict {
        bool ok = false;
        QString line; // "✓ column shop.orders.tracking_code: text, nullable (found text, nullable)"
    };

    static QList<Check> checksFor(const QByteArray &sql);
    // The checks a script's end state should pass: a later check of the
    // same object replaces an earlier one (a column added, then dropped:
    // only "dropped" holds at the end).
    static QList<Check> finalChecksFor(const QByteArray &sql);
    // `check` as one statement for a script another tool runs (a sqitch
    // verify script): the parameters written in as literals, and a
    // division by zero, so an error, when the check does not hold.
    static QString assertion(const Check &check);
    // The verdict from the check's result (its one row, or none), or from
    // the error the query met (`error` non-empty).
    static Verdict judge(const Check &check, const Result &result, const QString &error = {});
};

} // namespace tusk::core
Q_DECLARE_METATYPE(tusk::core::ChangeVerifier::Verdict)
