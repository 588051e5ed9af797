#pragma once

#include "core/lint/rule.h"

namespace tusk::core {

// A statement that waits for a heavy lock on an existing table, with no
// `SET lock_timeout` (or `statement_timeout`) before it in the file
// (squawk: require-timeout-settings).
class RequireTimeoutSettings : public Rule {
public:
    const RuleInfo &info() const override;
    QList<int> nodeKinds() const override { return {}; }
    void checkScript(const LintInput &input, QList<Finding> &out) const override;
};

} // namespace tusk::core
