#pragma once

#include "migrationsfolder.h"

#include "core/catalog/catalogsnapshot.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

namespace tusk::core {

// Release into a migration tool (the folder's rules: docs/migrations-folder.md): when the
// migrations folder belongs to one (MigrationFramework: Flyway,
// golang-migrate, dbmate, sqitch, graphile-migrate, Prisma), the pending
// files are released as that tool's next migration instead of a
// <date>_released/ folder, with the down or revert script the tool keeps
// written by StatementReverse from the catalog as it was before the
// change. A statement without a safe inverse is commented in the down
// script and flagged in the plan, never skipped. plan() reads only;
// apply() writes through UserFileWriter with the folder protected, never
// over an existing file, and puts everything back when a step fails.
// Any thread; apply() holds MigrationsWriter::folderLock(), so it never
// interleaves with another write to a migrations folder.
class FrameworkRelease {
public:
    using FileBytes = QPair<QString, QByteArray>; // absolute path, bytes

    struct Plan {
        bool ok = false;
        QString framework; // MigrationFramework::name
        // What it does, or why nothing can be done.
        QString message;
        QList<FileBytes> writes; // new files, never existing ones
        QList<FileBytes> appends; // bytes added at the end of a file
        // Every file the plan was made from (the pending files, the files
        // it appends to): apply() stops when one has changed since.
        QList<FileBytes> read;
        // The pending files that go, with their CHANGELOG entries.
        QStringList pendingFiles;
        // The new migrations, as the tool names them ("V3__add_phone.sql").
        QStringList migrations;
        // One line per statement whose down script cannot bring the old
        // state back whole: "<statement>: no safe inverse (<why>)", or
        // "partial inverse"; empty when the tool keeps no down script.
        QStringList flagged;
        QStringList notes; // what the user should know about the tool's habits

        // The plan for a confirmation: each file with its size, the lines
        // appended, the pending files removed, the flags and notes. Paths
        // relative to `folder`.
        QString preview(const QString &folder) const;
    };

    struct Outcome {
        bool ok = false;
        QString message;
        QStringList written; // the files written or extended, absolute
    };

    // `before`: the catalog before the pending SQL ran (null: every
    // inverse that needs the old state is flagged). `now` names and dates
    // the migration (its UTC time is used). `name`: the migration's name;
    // empty to take it from the first change the pending SQL makes.
    static Plan plan(const MigrationsFolder &folder, const CatalogSnapshot &before,
        const QDateTime &now, const QString &name = {});
    // Writes `plan` into `folder`: the new files first, then the appends,
    // CHANGELOG.md without the pending files' entries, and last removes
    // the pending files. Refuses when a target exists or a file the plan
    // read has changed; any failure undoes what was done.
    static Outcome apply(const Plan &plan, const QString &folder);

    // The migration tool a folder belongs to, from the tool's files in it
    // (and .gmrc or sqitch.plan above it); "plain SQL" when none.
    static QString frameworkOf(const QString &folder);
    // A name for a file: lower case, runs of anything but letters and
    // digits as one "_", at most `maxLength` characters.
    static QString slug(const QString &text, int maxLength = 50);
};

} // namespace tusk::core
