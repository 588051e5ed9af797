#pragma once

#include "core/lint/rule.h"

namespace tusk::core {

// ALTER DOMAIN … ADD CONSTRAINT checks every column of the domain type in
// every table, each locked SHARE (writes wait) for its scan.
class BanAlterDomainWithAddConstraint : public Rule {
public:
    const RuleInfo &info() const override;
    QList<int> nodeKinds() const override;
    void checkStatement(const LintInput &input, const ParsedStatement &statement,
        QList<Finding> &out) const override;
};

} // namespace tusk::core
