#pragma once

#include "core/lint/rule.h"

namespace tusk::core {

// A domain with CHECK or NOT NULL ties every column of that type to
// constraints that cannot later change without scanning all of them.
class BanCreateDomainWithConstraint : public Rule {
public:
    const RuleInfo &info() const override;
    QList<int> nodeKinds() const override;
    void checkStatement(const LintInput &input, const ParsedStatement &statement,
        QList<Finding> &out) const override;
};

} // namespace tusk::core
