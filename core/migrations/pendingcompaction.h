#pragma once

#include "migrationsfolder.h"
#include "pendingrewrite.h"

namespace tusk::core {

class Changelog;

// docs/migrations-folder.md: when one table or view is changed on the same
// day in more than one pending file, the files between the first and the
// last that change it are better one file. The day is the date of the
// files' CHANGELOG entries (Tusk's markers); a file without one has no
// known day (a modification time says when it was copied or checked out,
// not when it was written) and is never proposed. Files that hold a statement no transaction may
// wrap were split apart for that reason and are never merged back: a run that crosses one is not
// proposed. The merged file keeps the first file's name; the others go, and Tusk's CHANGELOG
// entries follow their statements.
class PendingCompaction {
public:
    // The first compaction the folder calls for; a null rewrite with `why`
    // set when none does (or the folder cannot be read).
    static PendingRewrite plan(const MigrationsFolder &folder, const Changelog &log, QString *why);
};

} // namespace tusk::core
