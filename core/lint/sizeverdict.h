#pragma once

#include "finding.h"

namespace tusk::core {

struct TableFacts;
struct RelationLock;

// With schema facts, a lock finding's weight follows the table it locks: a
// large one is an outage in the making (Error), with an estimate of how
// long the lock is held. A tiny one costs nothing (Info) only when the sizes
// are the target's (`sizesFromTarget`): sizes read from a developer's local
// database say nothing of production, so the finding stays and its note
// says what the local size means and what it depends on.
class SizeVerdict {
public:
    static void apply(
        Finding &finding, const RelationLock &lock, const TableFacts &table, bool sizesFromTarget);
    // The rough lock duration in seconds for the work a lock covers; -1 when
    // it is only a catalog change.
    static double estimatedSeconds(const RelationLock &lock, qint64 bytes);
    static QString humanBytes(qint64 bytes);
    static QString humanSeconds(double seconds);
};

} // namespace tusk::core
