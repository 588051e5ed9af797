#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace tusk::core {

// What the user asked EXPLAIN to do, as the editor's Explain menu offers it.
struct ExplainOptions {
    bool analyze = false;
    bool buffers = false;
    bool verbose = false;
    bool settings = false;
    bool wal = false;

    QStringList names() const; // "ANALYZE", "BUFFERS", …
    static ExplainOptions fromNames(const QStringList &names);
};

// The text the editor sends to explain one statement: EXPLAIN (FORMAT JSON,
// …) around it, and, when ANALYZE would run a statement that changes data
// or schema, a transaction (or a savepoint inside the user's own open
// transaction) rolled back right after, so nothing the statement did stays.
struct ExplainCommand {
    QString sql; // to send as one simple-protocol request
    int statementOffset = 0; // UTF-8 bytes of `sql` before the statement
    bool rolledBack = false; // ANALYZE ran inside BEGIN … ROLLBACK (or a savepoint)
    QStringList dropped; // options left out: the server or the other options do not allow them
    // For the Plan tool: "EXPLAIN (ANALYZE, BUFFERS) ran inside BEGIN …
    // ROLLBACK: the UPDATE's changes were undone."
    QString note;

    // `serverVersion` as PQserverVersion (150004); 0 when unknown (every
    // option is sent and the server judges).
    static ExplainCommand make(const QByteArray &statement, const ExplainOptions &options,
        int serverVersion, bool inTransaction);
};

} // namespace tusk::core
