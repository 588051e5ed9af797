#pragma once

#include "core/lint/rule.h"

namespace tusk::core {

// More work in a transaction after it took ACCESS EXCLUSIVE on an existing
// table: the lock is held until COMMIT, so every later statement lengthens
// the outage (eugene E4).
class StatementsAfterAccessExclusive : public Rule {
public:
    const RuleInfo &info() const override;
    QList<int> nodeKinds() const override { return {}; }
    void checkScript(const LintInput &input, QList<Finding> &out) const override;
};

} // namespace tusk::core
