#pragma once

#include "columntyperule.h"

namespace tusk::core {

// varchar(n): the limit is hard to change later (shortening rewrites the
// table under ACCESS EXCLUSIVE) and buys nothing over text.
class PreferTextField : public ColumnTypeRule {
public:
    const RuleInfo &info() const override;

protected:
    void checkType(const LintInput &input, const ParsedStatement &statement,
        const DeclaredType &declared, QList<Finding> &out) const override;
};

} // namespace tusk::core
