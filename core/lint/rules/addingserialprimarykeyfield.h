#pragma once

#include "core/lint/rule.h"

namespace tusk::core {

// ADD PRIMARY KEY (or a new column declared PRIMARY KEY) builds the key's
// index under ACCESS EXCLUSIVE on a table that already has rows.
class AddingSerialPrimaryKeyField : public Rule {
public:
    const RuleInfo &info() const override;
    QList<int> nodeKinds() const override;
    void checkStatement(const LintInput &input, const ParsedStatement &statement,
        QList<Finding> &out) const override;
};

} // namespace tusk::core
