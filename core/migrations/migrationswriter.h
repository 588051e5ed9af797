#pragma once

#include "migrationsfolder.h"
#include "pendingrewrite.h"

#include <QDate>
#include <QList>
#include <QMutex>
#include <QPair>
#include <QString>
#include <QStringList>

namespace tusk::core {

class Changelog;

// Every change Tusk makes to a migrations folder, in one place: adding
// statements to the latest pending file, keeping CHANGELOG.md current, and
// releasing the pending files into a new dated released folder. Files are
// written through UserFileWriter with the folder protected, so nothing
// inside an existing released part is ever written; release creates its
// folder by staging a copy beside it and renaming it into place, and
// refuses a name that exists. Each operation checks the folder's rules
// first (two files with one number: nothing is written) and says what it
// did or why not.
class MigrationsWriter {
public:
    explicit MigrationsWriter(QString folder);

    struct Outcome {
        bool ok = false;
        QString message; // what was done, or why nothing was
        QStringList changelogEntries; // the entries added (add, changelog)
        QString file; // the pending file written, or the released folder made
    };

    // Makes a missing migrations folder with an empty CHANGELOG.md.
    Outcome create() const;
    // Appends `sql` (statements, as they ran) to the latest pending file,
    // creating prerelease.sql when there is none, and adds its CHANGELOG
    // entries under `date`.
    Outcome add(const QByteArray &sql, const QDate &date) const;
    // Replaces Tusk's CHANGELOG entries under `key` (a marker that names no
    // pending file, such as the rollout sign-off) with `entries` under `date`.
    Outcome replaceEntries(const QDate &date, const QString &key, const QStringList &entries) const;
    // Adds the CHANGELOG entries the pending files lack, under `date`.
    Outcome updateChangelog(const QDate &date) const;
    // The entries updateChangelog() would add ("file: words"), for `tusk
    // migrate check`; an unreadable pending file is named in `error`.
    QStringList missingChangelogEntries(QString *error) const;
    // What release() would do, for the confirmation: the files it moves and
    // the folder it makes. Empty message when it can go ahead.
    Outcome planRelease(const QDate &date) const;
    // Moves every pending file into <date>_released/ (names kept) and
    // removes their CHANGELOG entries.
    Outcome release(const QDate &date) const;
    // The split of a pending file (PendingSplit) or the compaction of files
    // (PendingCompaction) the folder calls for, to preview; null with `why`.
    PendingRewrite planSplit(const QString &fileName, int maxStatements, QString *why) const;
    PendingRewrite planCompaction(QString *why) const;
    // Writes a planned rewrite in one step: the new files are staged, the
    // replaced ones set aside, then the staged ones moved in and CHANGELOG
    // entries moved after their statements; any failure puts everything
    // back. Nothing happens when a file it replaces changed since the plan.
    Outcome apply(const PendingRewrite &rewrite) const;

    // Held by every write to a migrations folder (this class's and
    // FrameworkRelease's), so two never interleave in one process.
    static QMutex &folderLock();

private:
    static bool missingByFile(const MigrationsFolder &folder, const Changelog &log,
        QList<QPair<QString, QStringList>> *out, QString *error);
    Outcome blocked(const MigrationsFolder &folder) const;
    QString releasedFolderName(const QDate &date) const;

    QString m_folder;
};

} // namespace tusk::core
