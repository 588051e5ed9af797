#pragma once

#include <QString>

namespace tusk::core {

// [configuration].pg_bin_path: the folder of the PostgreSQL client programs
// (psql, pg_dump) that Tusk's command-line helpers put first on PATH.
class PgBinPath {
public:
    // pg_config --bindir, then Debian's /usr/lib/postgresql/<major>/bin
    // (newest first), then the folder of psql on PATH. Empty when none holds
    // psql. Runs pg_config and waits for it (at most 5 s): the command line
    // only; the window uses PgBinPathProbe.
    static QString detect();
    // The same without pg_config: Debian's folders, then PATH. Never waits.
    static QString detectWithoutPgConfig();
    static bool holdsClientPrograms(const QString &folder);
};

} // namespace tusk::core
