#pragma once

#include "lint/rule.h"

namespace tusk::core {

// ALTER COLUMN … DROP NOT NULL: code that relies on the column never being
// NULL starts meeting NULLs.
class BanDropNotNull : public Rule {
public:
    const RuleInfo &info() const override;
    QList<int> nodeKinds() const override;
    void checkStatement(const LintInput &input, const ParsedStatement &statement,
        QList<Finding> &out) const override;
};

} // namespace tusk::core
