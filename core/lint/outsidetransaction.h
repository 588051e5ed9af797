#pragma once

#include <QString>

struct PgQuery__Node;

namespace tusk::core {

// Statements PostgreSQL refuses inside a transaction block ("cannot run
// inside a transaction block"), read from the parse tree: the CONCURRENTLY
// commands, which commit between their phases, and the maintenance and
// cluster-wide commands that do the same or cannot be undone. A migration
// tool that wraps a file in one transaction fails on them, so the linter
// reports them and a pending file that mixes them with other statements is
// worth splitting.
class OutsideTransaction {
public:
    struct Command {
        QString name; // "CREATE INDEX CONCURRENTLY"; empty when the statement may run in one
        QString relation; // the table or index it names, as written; may be empty
        bool concurrently = false; // one of the CONCURRENTLY commands

        bool isNull() const { return name.isEmpty(); }
    };

    static Command of(const PgQuery__Node *statement);
};

} // namespace tusk::core
