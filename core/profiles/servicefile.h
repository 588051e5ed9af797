#pragma once

#include "profile.h"

#include <QList>
#include <QStringList>

namespace tusk::core {

// libpq's connection service files (pg_service.conf): [service] sections of
// keyword=value lines. Read so their services can become profiles; the
// password keyword is never carried over (it belongs in ~/.pgpass).
class ServiceFile {
public:
    // $PGSERVICEFILE or ~/.pg_service.conf, then $PGSYSCONFDIR/pg_service.conf
    // (Debian: /etc/postgresql-common/pg_service.conf); those that exist.
    static QStringList defaultPaths();
    // Services as profiles, names made to fit ^[a-z0-9_]+$. `skipped` gets
    // what could not be used (a password left behind, unknown keywords).
    static QList<Profile> read(const QString &path, QStringList *skipped, QString *error);
    static QString profileNameFor(const QString &service);
};

} // namespace tusk::core
