#pragma once

#include "core/lint/rule.h"

namespace tusk::core {

// A validated FOREIGN KEY added to an existing table scans it under SHARE
// ROW EXCLUSIVE on both tables: writes to either wait for the scan.
class AddingForeignKeyConstraint : public Rule {
public:
    const RuleInfo &info() const override;
    QList<int> nodeKinds() const override;
    void checkStatement(const LintInput &input, const ParsedStatement &statement,
        QList<Finding> &out) const override;
};

} // namespace tusk::core
