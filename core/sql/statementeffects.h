#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

struct PgQuery__Node;

namespace tusk::core {

// What running a statement does to the database, read from its parse tree:
// the editor asks before writes and schema changes on a production profile.
// A SELECT that calls a function with side effects reads as Read; only a
// read-only session (default_transaction_read_only) guarantees nothing is
// written.
enum class StatementEffect {
    Read, // SELECT, VALUES, TABLE, EXPLAIN without ANALYZE, SHOW
    Session, // BEGIN/COMMIT, SET, PREPARE, LISTEN, cursors: no data changes
    Write, // INSERT, UPDATE, DELETE, MERGE, COPY FROM, TRUNCATE, CALL, DO,
           // EXECUTE, SELECT … FOR UPDATE, data-modifying WITH
    Schema, // everything else: DDL, GRANT, VACUUM, …
    Unparsed, // the grammar could not read it: treated as a write
};

class StatementEffects {
public:
    static StatementEffect of(const PgQuery__Node *statement);
    // One effect per statement of `sql`, with each statement's text.
    struct Item {
        StatementEffect effect;
        QString text;
    };
    static QList<Item> ofScript(const QByteArray &sql);
    // True when the effect changes data or schema (or is unknown).
    static bool changesSomething(StatementEffect effect);
    static QString name(StatementEffect effect);
};

} // namespace tusk::core
