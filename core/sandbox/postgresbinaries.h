#pragma once

#include <QString>
#include <QStringList>

namespace tusk::core {

// Where the installed PostgreSQL server programs (initdb, pg_ctl, postgres)
// live. Looks at an explicit folder first (pg_bin_path), then Debian's
// /usr/lib/postgresql/<major>/bin, newest first, then PATH. Reads the file
// system only; runs nothing.
class PostgresBinaries {
public:
    // Empty when no folder with initdb and pg_ctl was found.
    static QString findBinDir(const QString &preferred = {});
    // Debian's /usr/lib/postgresql/<major>/bin folders, newest major first.
    static QStringList debianBinDirs();
    // Major version from the folder name (/usr/lib/postgresql/15/bin) or 0.
    static int majorVersionOf(const QString &binDir);
};

} // namespace tusk::core
