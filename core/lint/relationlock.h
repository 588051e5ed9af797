#pragma once

#include "lockmode.h"

#include <QString>

namespace tusk::core {

// One lock a statement takes: on what, in which mode, and the work done
// while holding it (a rewrite copies every row; a scan reads every row).
struct RelationLock {
    QString relation; // as written: "shop.orders", or an index name
    LockMode mode = LockMode::AccessExclusive;
    bool rewrites = false;
    bool scans = false;
    QString why; // "ALTER COLUMN TYPE", "ADD CONSTRAINT … FOREIGN KEY"
    // A lock on an object queries never lock (an enum type): it queues
    // only other changes of that object, never reads or writes.
    bool objectOnly = false;

    static RelationLock on(const QString &relation, LockMode mode, bool scans = false)
    {
        RelationLock lock;
        lock.relation = relation;
        lock.mode = mode;
        lock.scans = scans;
        return lock;
    }

    // "ACCESS EXCLUSIVE on orders, rewrites the table: blocks reads and writes"
    QString describe() const;
    bool operator==(const RelationLock &other) const = default;
};

} // namespace tusk::core
