#pragma once

#include "finding.h"

namespace tusk::core {

struct TableFacts;
struct RelationLock;

// With a catalog, a lock finding's weight follows the table it locks: an
// empty or tiny table costs nothing (Info), a large one is an outage in the
// making (Error), with an estimate of how long the lock is held.
class SizeVerdict {
public:
    static void apply(Finding &finding, const RelationLock &lock, const TableFacts &table);
    // The rough lock duration in seconds for the work a lock covers; -1 when
    // it is only a catalog change.
    static double estimatedSeconds(const RelationLock &lock, qint64 bytes);
    static QString humanBytes(qint64 bytes);
    static QString humanSeconds(double seconds);
};

} // namespace tusk::core
