#pragma once

#include "core/lint/rule.h"

namespace tusk::core {

// ALTER SCHEMA … RENAME TO: every qualified name the application, views'
// definitions kept in code and other services spell stops resolving at once.
class RenamingSchema : public Rule {
public:
    const RuleInfo &info() const override;
    QList<int> nodeKinds() const override;
    void checkStatement(const LintInput &input, const ParsedStatement &statement,
        QList<Finding> &out) const override;
};

} // namespace tusk::core
