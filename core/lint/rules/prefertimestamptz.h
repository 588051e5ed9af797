#pragma once

#include "columntyperule.h"

namespace tusk::core {

// timestamp (without time zone): the offset a client sends is dropped.
class PreferTimestamptz : public ColumnTypeRule {
public:
    const RuleInfo &info() const override;

protected:
    void checkType(const LintInput &input, const ParsedStatement &statement,
        const DeclaredType &declared, QList<Finding> &out) const override;
};

} // namespace tusk::core
