#pragma once

#include <QString>

namespace tusk::core {

// Which migration tool a file belongs to, guessed from its name, its
// first lines and the files around it, and whether that tool runs the
// file inside one transaction, which changes what the linter says (a
// CREATE INDEX CONCURRENTLY cannot run there; a lock is held to the end).
struct MigrationFramework {
    // "graphile-migrate", "Flyway", "dbmate", "golang-migrate", "sqitch", "Prisma",
    // "plain SQL"
    QString name;
    bool inTransaction = false;
    QString reason; // one line for the status bar: what gave it away

    // `head` is the start of the file's text (its first lines are enough).
    static MigrationFramework detect(const QString &filePath, const QString &head);
};

} // namespace tusk::core
