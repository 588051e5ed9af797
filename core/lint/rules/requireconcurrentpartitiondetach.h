#pragma once

#include "core/lint/rule.h"

namespace tusk::core {

// DETACH PARTITION without CONCURRENTLY takes ACCESS EXCLUSIVE on the
// partitioned table (PostgreSQL 14 added the online form).
class RequireConcurrentPartitionDetach : public Rule {
public:
    const RuleInfo &info() const override;
    QList<int> nodeKinds() const override;
    void checkStatement(const LintInput &input, const ParsedStatement &statement,
        QList<Finding> &out) const override;
};

} // namespace tusk::core
