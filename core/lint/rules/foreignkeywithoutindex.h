#pragma once

#include "core/lint/rule.h"

namespace tusk::core {

// A foreign key whose columns lead no index: every DELETE or key UPDATE on
// the referenced table must scan the referencing one to find its rows.
class ForeignKeyWithoutIndex : public Rule {
public:
    const RuleInfo &info() const override;
    QList<int> nodeKinds() const override;
    void checkStatement(const LintInput &input, const ParsedStatement &statement,
        QList<Finding> &out) const override;
};

} // namespace tusk::core
