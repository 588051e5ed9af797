#pragma once

#include "core/lint/rule.h"

namespace tusk::core {

// A whole-table UPDATE or DELETE on an existing table (no WHERE, or the
// backfill shape `WHERE col IS NULL` on the column it sets): one
// transaction that writes every row. Offers a keyset-batched DO block.
class UnbatchedUpdateOrDelete : public Rule {
public:
    const RuleInfo &info() const override;
    QList<int> nodeKinds() const override;
    void checkStatement(const LintInput &input, const ParsedStatement &statement,
        QList<Finding> &out) const override;
};

} // namespace tusk::core
