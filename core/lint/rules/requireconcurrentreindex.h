#pragma once

#include "core/lint/rule.h"

namespace tusk::core {

// REINDEX without CONCURRENTLY blocks writes to the table and every query
// that would use the index being rebuilt.
class RequireConcurrentReindex : public Rule {
public:
    const RuleInfo &info() const override;
    QList<int> nodeKinds() const override;
    void checkStatement(const LintInput &input, const ParsedStatement &statement,
        QList<Finding> &out) const override;
};

} // namespace tusk::core
