#pragma once

#include "columntyperule.h"

namespace tusk::core {

// serial / bigserial / smallserial: a sequence loosely attached by a
// default, where an identity column is the standard, owned form.
class PreferIdentity : public ColumnTypeRule {
public:
    const RuleInfo &info() const override;

protected:
    void checkType(const LintInput &input, const ParsedStatement &statement,
        const DeclaredType &declared, QList<Finding> &out) const override;
};

} // namespace tusk::core
