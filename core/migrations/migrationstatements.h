#pragma once

#include <QByteArray>

namespace tusk::core {

// What of a text belongs in a migration: its statements that change
// something or set the session up (SET lock_timeout, BEGIN … COMMIT), as
// written and each closed with ';', without the queries that only read
// (SELECT, SHOW, EXPLAIN) that a developer runs beside them to look.
class MigrationStatements {
public:
    // `count`, when given, gets how many statements were kept; `leftOut`
    // what was left out that the user may have meant (COPY … FROM stdin,
    // whose data lines are no part of the statement). A SELECT without FROM
    // that calls a function (setval, create_hypertable) is kept: it does
    // something.
    static QByteArray of(const QByteArray &sql, int *count = nullptr, QString *leftOut = nullptr);
    // True when `sql` changes the database's structure (a DDL statement,
    // or one the grammar cannot read and so might).
    static bool changeStructure(const QByteArray &sql);
    // `sql` closed with a ';' that is not swallowed by a trailing -- comment,
    // so text appended after it starts a statement of its own.
    static QByteArray closed(QByteArray sql);
};

} // namespace tusk::core
