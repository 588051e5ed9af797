#pragma once

#include "core/lint/rule.h"

namespace tusk::core {

// A BEGIN that the file never commits or rolls back (squawk:
// ban-uncommitted-transaction).
class BanUncommittedTransaction : public Rule {
public:
    const RuleInfo &info() const override;
    QList<int> nodeKinds() const override { return {}; }
    void checkScript(const LintInput &input, QList<Finding> &out) const override;
};

} // namespace tusk::core
