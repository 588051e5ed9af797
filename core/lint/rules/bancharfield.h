#pragma once

#include "columntyperule.h"

namespace tusk::core {

// char(n) / character(n): blank-padded, slower and larger than text, and
// its padding surprises comparisons.
class BanCharField : public ColumnTypeRule {
public:
    const RuleInfo &info() const override;

protected:
    void checkType(const LintInput &input, const ParsedStatement &statement,
        const DeclaredType &declared, QList<Finding> &out) const override;
};

} // namespace tusk::core
