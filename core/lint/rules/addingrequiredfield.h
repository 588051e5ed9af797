#pragma once

#include "core/lint/rule.h"

namespace tusk::core {

// ADD COLUMN … NOT NULL without a default: fails on a table with rows, and
// old code that does not know the column can no longer INSERT.
class AddingRequiredField : public Rule {
public:
    const RuleInfo &info() const override;
    QList<int> nodeKinds() const override;
    void checkStatement(const LintInput &input, const ParsedStatement &statement,
        QList<Finding> &out) const override;
};

} // namespace tusk::core
