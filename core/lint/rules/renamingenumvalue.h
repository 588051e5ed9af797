#pragma once

#include "core/lint/rule.h"

namespace tusk::core {

// ALTER TYPE … RENAME VALUE: every client and stored piece of code that
// spells the old label fails.
class RenamingEnumValue : public Rule {
public:
    const RuleInfo &info() const override;
    QList<int> nodeKinds() const override;
    void checkStatement(const LintInput &input, const ParsedStatement &statement,
        QList<Finding> &out) const override;
};

} // namespace tusk::core
