#pragma once

#include <QString>

namespace tusk::core {

// PostgreSQL's table-level lock modes, weakest first
// (https://www.postgresql.org/docs/15/explicit-locking.html).
enum class LockMode {
    AccessShare, // SELECT
    RowShare, // SELECT FOR UPDATE/SHARE
    RowExclusive, // INSERT, UPDATE, DELETE, MERGE
    ShareUpdateExclusive, // VACUUM, ANALYZE, CREATE INDEX CONCURRENTLY, VALIDATE CONSTRAINT
    Share, // CREATE INDEX
    ShareRowExclusive, // CREATE TRIGGER, ADD FOREIGN KEY (on both tables)
    Exclusive, // REFRESH MATERIALIZED VIEW CONCURRENTLY
    AccessExclusive, // most ALTER TABLE, DROP, TRUNCATE, VACUUM FULL, CLUSTER
};

// What a lock stops other sessions from doing while it is held.
struct LockImpact {
    bool blocksReads = false; // SELECT
    bool blocksWrites = false; // INSERT, UPDATE, DELETE
    bool blocksDdl = false; // other schema changes, VACUUM, CREATE INDEX
};

class LockModes {
public:
    // "ACCESS EXCLUSIVE", as PostgreSQL's documentation and pg_locks spell it.
    static QString name(LockMode mode);
    static bool conflicts(LockMode a, LockMode b);
    static LockImpact impact(LockMode mode);
    // "blocks reads and writes", "blocks writes", "blocks other DDL" …
    static QString describeImpact(LockMode mode);
};

} // namespace tusk::core
