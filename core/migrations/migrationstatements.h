#pragma once

#include <QByteArray>

namespace tusk::core {

// What of a text belongs in a migration: its statements that change
// something or set the session up (SET lock_timeout, BEGIN … COMMIT), as
// written and each closed with ';', without the queries that only read
// (SELECT, SHOW, EXPLAIN) that a developer runs beside them to look.
class MigrationStatements {
public:
    // `count`, when given, gets how many statements were kept.
    static QByteArray of(const QByteArray &sql, int *count = nullptr);
    // True when `sql` changes the database's structure (a DDL statement,
    // or one the grammar cannot read and so might).
    static bool changeStructure(const QByteArray &sql);
};

} // namespace tusk::core
