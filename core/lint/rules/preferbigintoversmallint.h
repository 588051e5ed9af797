#pragma once

#include "columntyperule.h"

namespace tusk::core {

// smallint / smallserial: 32767 values, and widening the column later
// rewrites the table under ACCESS EXCLUSIVE.
class PreferBigintOverSmallint : public ColumnTypeRule {
public:
    const RuleInfo &info() const override;

protected:
    void checkType(const LintInput &input, const ParsedStatement &statement,
        const DeclaredType &declared, QList<Finding> &out) const override;
};

} // namespace tusk::core
