#pragma once

#include "migrationsfolder.h"

#include <QByteArray>
#include <QHash>
#include <QMetaType>
#include <QStringList>

namespace tusk::core {

// Everything the Rollout page and `tusk migrate status|check` show of a
// migrations folder, read at once (off the GUI thread: it parses the
// pending files): the folder, its CHANGELOG.md, the entries the pending
// files lack, the entries that still describe released migrations, and
// the files inside the released parts. A value; reading never writes.
struct MigrationsOverview {
    MigrationsFolder folder;
    QByteArray changelog; // empty when missing
    bool hasChangelog = false;
    QHash<QString, int> entriesPerFile; // Tusk's CHANGELOG entries by pending file
    QStringList missingEntries; // "2_prerelease.sql: shop.orders: column note added (…)"
    QStringList staleEntries; // one sentence per entry describing a released migration
    QStringList releasedFiles; // paths inside released parts, relative to the folder
    // The migration tool the folder belongs to ("plain SQL" when none) and
    // the tool's own migrations in it (its history: everything that is not
    // pending, released or CHANGELOG.md), relative, at most a few hundred.
    QString framework;
    QStringList toolFiles;
    QString readError; // a pending file that could not be read
    // Released files git sees edited or deleted since HEAD, one sentence
    // each; asked only when `askGit`, and a note when git could not say.
    QStringList editedReleased;
    QString gitNote;
    // What the folder's rules propose, one sentence each ("split
    // prerelease.sql into 3 files: CREATE INDEX CONCURRENTLY cannot …").
    QStringList suggestions;

    // Runs git when `askGit`: call it off the GUI thread.
    // `maxStatements`: the most a pending file should hold before a split
    // is proposed (the user's setting).
    static MigrationsOverview read(
        const QString &folder, bool askGit = false, int maxStatements = 25);
    // Every rule the folder breaks, one sentence each (lint aside).
    QStringList problems() const;
};

} // namespace tusk::core

Q_DECLARE_METATYPE(tusk::core::MigrationsOverview)
