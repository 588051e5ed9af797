#pragma once

#include "core/pg/conninfo.h"

#include <QString>

namespace tusk::core {

// libpq's password file (~/.pgpass or $PGPASSFILE; `passfile` in the
// parameters wins). libpq reads it by itself; Tusk reads it only to tell the
// user where a password will come from, and why libpq would ignore it.
class PassFile {
public:
    static QString pathFor(const ConnInfo &info);
    // Whether a line host:port:database:user:password matches (with * and
    // \: as libpq reads them; a Unix socket counts as host "localhost").
    static bool hasEntryFor(const ConnInfo &info);
    // Empty when usable; else why libpq skips the file (group or world
    // may read it).
    static QString problem(const QString &path);
};

} // namespace tusk::core
