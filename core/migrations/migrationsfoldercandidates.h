#pragma once

#include <QList>
#include <QString>

namespace tusk::core {

// Folders under a project root that look like a migrations folder, for a
// profile whose migrations folder is missing (docs/migrations-folder.md:
// offer to create it, or to pick one of these). A folder counts when it
// holds Tusk's own files (prerelease.sql, a *released part, CHANGELOG.md
// beside SQL), a migration tool's layout (sqitch.plan, Flyway V1__x.sql,
// golang-migrate *.up.sql, dbmate's -- migrate:up, Prisma's
// <timestamp>_<name>/migration.sql, graphile-migrate's committed/), or SQL
// files under a name people give such folders (migrations, migrate, db,
// sql, schema). Reading only; bounded in depth and count, and skipping
// dependency and build trees, so it is quick on a big checkout.
class MigrationsFolderCandidates {
public:
    struct Candidate {
        QString path; // absolute
        QString relative; // to the project root, "db/migrations"
        QString why; // "prerelease.sql and 2024-06-01_released/"
        int score = 0; // higher: more certainly a migrations folder
    };

    // Best first; at most `limit`.
    static QList<Candidate> find(const QString &projectRoot, int limit = 12);
};

} // namespace tusk::core
