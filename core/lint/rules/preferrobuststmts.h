#pragma once

#include "core/lint/rule.h"

namespace tusk::core {

// CREATE without IF NOT EXISTS, DROP without IF EXISTS, outside a
// transaction: a migration that fails half-way cannot simply be run again
// (squawk: prefer-robust-stmts).
class PreferRobustStmts : public Rule {
public:
    const RuleInfo &info() const override;
    QList<int> nodeKinds() const override;
    void checkStatement(const LintInput &input, const ParsedStatement &statement,
        QList<Finding> &out) const override;
};

} // namespace tusk::core
