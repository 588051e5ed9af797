#pragma once

#include "finding.h"

namespace tusk::core {

// Applies the mechanical rewrites of findings to a script: all edits back
// to front so earlier offsets stay valid; a fix whose edits overlap one
// already taken is left out whole (never half applied) and counted.
struct FixOutcome {
    QByteArray text;
    int applied = 0; // findings whose fix was applied
    int skipped = 0; // findings whose fix overlapped another
};

class FixApplier {
public:
    static FixOutcome apply(const QByteArray &script, const QList<Finding> &findings);
};

} // namespace tusk::core
