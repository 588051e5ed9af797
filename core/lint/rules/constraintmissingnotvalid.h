#pragma once

#include "core/lint/rule.h"

namespace tusk::core {

// ADD CONSTRAINT … CHECK without NOT VALID scans the table under ACCESS
// EXCLUSIVE; so does VALIDATE CONSTRAINT in the transaction that added it.
class ConstraintMissingNotValid : public Rule {
public:
    const RuleInfo &info() const override;
    QList<int> nodeKinds() const override;
    void checkStatement(const LintInput &input, const ParsedStatement &statement,
        QList<Finding> &out) const override;
};

} // namespace tusk::core
