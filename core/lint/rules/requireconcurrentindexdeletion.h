#pragma once

#include "core/lint/rule.h"

namespace tusk::core {

// DROP INDEX without CONCURRENTLY holds ACCESS EXCLUSIVE on the index's
// table: reads and writes wait, and so does everything queued behind it.
class RequireConcurrentIndexDeletion : public Rule {
public:
    const RuleInfo &info() const override;
    QList<int> nodeKinds() const override;
    void checkStatement(const LintInput &input, const ParsedStatement &statement,
        QList<Finding> &out) const override;
};

} // namespace tusk::core
