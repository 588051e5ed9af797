#pragma once

#include "core/lint/rule.h"

namespace tusk::core {

// ALTER TYPE … ADD VALUE without BEFORE/AFTER: the value goes last, which
// changes what < and ORDER BY mean for ordered enums.
class RequireEnumValueOrdering : public Rule {
public:
    const RuleInfo &info() const override;
    QList<int> nodeKinds() const override;
    void checkStatement(const LintInput &input, const ParsedStatement &statement,
        QList<Finding> &out) const override;
};

} // namespace tusk::core
