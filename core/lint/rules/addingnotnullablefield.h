#pragma once

#include "core/lint/rule.h"

namespace tusk::core {

// SET NOT NULL on an existing table checks every row under ACCESS
// EXCLUSIVE, unless (PostgreSQL 12+) a validated CHECK (col IS NOT NULL)
// already proves it.
class AddingNotNullableField : public Rule {
public:
    const RuleInfo &info() const override;
    QList<int> nodeKinds() const override;
    void checkStatement(const LintInput &input, const ParsedStatement &statement,
        QList<Finding> &out) const override;
};

} // namespace tusk::core
