#pragma once

#include "core/lint/rule.h"

namespace tusk::core {

// CREATE INDEX over more than three columns: large, slow to maintain, and
// used only by queries that filter on its leading columns.
class IndexWithManyColumns : public Rule {
public:
    const RuleInfo &info() const override;
    QList<int> nodeKinds() const override;
    void checkStatement(const LintInput &input, const ParsedStatement &statement,
        QList<Finding> &out) const override;
};

} // namespace tusk::core
