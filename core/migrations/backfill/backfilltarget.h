#pragma once

#include "backfillspec.h"

#include "core/pg/pgerror.h"

#include <QStringList>

#include <functional>

class QObject;

namespace tusk::core {

class Connection;

// The table a backfill walks, as the catalog says right before it starts,
// and the walk chosen for it: the key columns given, else the primary key,
// else ctid. Read in one request on the caller's connection (the GUI
// thread's, never waited for).
struct BackfillTarget {
    quint32 oid = 0;
    QString qualifiedName; // format('%I.%I'): as the progress row records it
    double reltuples = -1; // pg_class; -1 never analysed
    qint64 relpages = 0;
    QStringList primaryKey;
    QStringList keyColumns; // the walk's; empty: ctid
    bool progressTableExists = false;

    using Reply = std::function<void(const BackfillTarget &target, const PgError &error)>;
    // Errors: 42P01 no such table; 42809 not a plain table (a partitioned
    // one is backfilled partition by partition); 42703 a key column that
    // does not exist; 42P10 key columns that are not a unique NOT NULL key.
    static void read(
        Connection &connection, const BackfillSpec &spec, QObject *context, Reply reply);
};

} // namespace tusk::core
