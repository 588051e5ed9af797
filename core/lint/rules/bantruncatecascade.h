#pragma once

#include "core/lint/rule.h"

namespace tusk::core {

// TRUNCATE … CASCADE also empties every table that references the named
// ones, and the tables referencing those, without naming them.
class BanTruncateCascade : public Rule {
public:
    const RuleInfo &info() const override;
    QList<int> nodeKinds() const override;
    void checkStatement(const LintInput &input, const ParsedStatement &statement,
        QList<Finding> &out) const override;
};

} // namespace tusk::core
