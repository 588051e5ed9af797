#pragma once

#include "columntyperule.h"

namespace tusk::core {

// integer / serial: 2^31 values run out on busy tables, and widening the
// column then rewrites the table under ACCESS EXCLUSIVE.
class PreferBigintOverInt : public ColumnTypeRule {
public:
    const RuleInfo &info() const override;

protected:
    void checkType(const LintInput &input, const ParsedStatement &statement,
        const DeclaredType &declared, QList<Finding> &out) const override;
};

} // namespace tusk::core
