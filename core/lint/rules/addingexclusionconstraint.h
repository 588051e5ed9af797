#pragma once

#include "core/lint/rule.h"

namespace tusk::core {

// ADD CONSTRAINT … EXCLUDE builds its index under ACCESS EXCLUSIVE, and
// there is no USING INDEX route for exclusion constraints.
class AddingExclusionConstraint : public Rule {
public:
    const RuleInfo &info() const override;
    QList<int> nodeKinds() const override;
    void checkStatement(const LintInput &input, const ParsedStatement &statement,
        QList<Finding> &out) const override;
};

} // namespace tusk::core
