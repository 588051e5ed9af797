#pragma once

#include "core/lint/rule.h"

namespace tusk::core {

// ADD COLUMN whose fill writes every row: a volatile default, serial,
// identity, a stored generated column, or any default before PostgreSQL 11.
// The table is rewritten under ACCESS EXCLUSIVE.
class AddingFieldWithDefault : public Rule {
public:
    const RuleInfo &info() const override;
    QList<int> nodeKinds() const override;
    void checkStatement(const LintInput &input, const ParsedStatement &statement,
        QList<Finding> &out) const override;
};

} // namespace tusk::core
