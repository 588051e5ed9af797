#pragma once

#include "core/lint/rule.h"

namespace tusk::core {

// BEGIN inside a transaction, or COMMIT / ROLLBACK of the transaction a
// migration tool opened around the file (squawk: transaction-nesting).
class TransactionNesting : public Rule {
public:
    const RuleInfo &info() const override;
    QList<int> nodeKinds() const override { return {}; }
    void checkScript(const LintInput &input, QList<Finding> &out) const override;
};

} // namespace tusk::core
