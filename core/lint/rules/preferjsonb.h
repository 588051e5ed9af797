#pragma once

#include "columntyperule.h"

namespace tusk::core {

// json: no equality operator, so SELECT DISTINCT, UNION and GROUP BY over
// the row fail once the column exists; jsonb has one.
class PreferJsonb : public ColumnTypeRule {
public:
    const RuleInfo &info() const override;

protected:
    void checkType(const LintInput &input, const ParsedStatement &statement,
        const DeclaredType &declared, QList<Finding> &out) const override;
};

} // namespace tusk::core
