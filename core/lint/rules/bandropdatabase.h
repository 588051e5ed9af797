#pragma once

#include "core/lint/rule.h"

namespace tusk::core {

// DROP DATABASE in a migration.
class BanDropDatabase : public Rule {
public:
    const RuleInfo &info() const override;
    QList<int> nodeKinds() const override;
    void checkStatement(const LintInput &input, const ParsedStatement &statement,
        QList<Finding> &out) const override;
};

} // namespace tusk::core
