#pragma once

#include "core/lint/rule.h"

namespace tusk::core {

// ALTER TABLE … RENAME TO: every running client that names the old table
// fails from the moment it commits.
class RenamingTable : public Rule {
public:
    const RuleInfo &info() const override;
    QList<int> nodeKinds() const override;
    void checkStatement(const LintInput &input, const ParsedStatement &statement,
        QList<Finding> &out) const override;
};

} // namespace tusk::core
