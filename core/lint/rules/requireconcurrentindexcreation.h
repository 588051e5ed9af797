#pragma once

#include "core/lint/rule.h"

namespace tusk::core {

// CREATE INDEX without CONCURRENTLY holds SHARE on the table for the whole
// build: no INSERT, UPDATE or DELETE until it ends.
class RequireConcurrentIndexCreation : public Rule {
public:
    const RuleInfo &info() const override;
    QList<int> nodeKinds() const override;
    void checkStatement(const LintInput &input, const ParsedStatement &statement,
        QList<Finding> &out) const override;
};

} // namespace tusk::core
