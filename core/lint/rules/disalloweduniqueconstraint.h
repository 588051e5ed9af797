#pragma once

#include "core/lint/rule.h"

namespace tusk::core {

// ADD CONSTRAINT … UNIQUE builds its index under ACCESS EXCLUSIVE; building
// it CONCURRENTLY first and attaching it USING INDEX does not.
class DisallowedUniqueConstraint : public Rule {
public:
    const RuleInfo &info() const override;
    QList<int> nodeKinds() const override;
    void checkStatement(const LintInput &input, const ParsedStatement &statement,
        QList<Finding> &out) const override;
};

} // namespace tusk::core
