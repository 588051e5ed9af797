#pragma once

#include "core/lint/rule.h"

namespace tusk::core {

// VACUUM FULL and CLUSTER rewrite the table under ACCESS EXCLUSIVE for the
// whole copy; pg_repack / pg_squeeze (REPACK CONCURRENTLY from 19) do not.
class PreferRepack : public Rule {
public:
    const RuleInfo &info() const override;
    QList<int> nodeKinds() const override;
    void checkStatement(const LintInput &input, const ParsedStatement &statement,
        QList<Finding> &out) const override;
};

} // namespace tusk::core
