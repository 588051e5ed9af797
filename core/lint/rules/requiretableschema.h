#pragma once

#include "core/lint/rule.h"

namespace tusk::core {

// CREATE / ALTER / DROP TABLE with an unqualified name: which table it
// means depends on the session's search_path.
class RequireTableSchema : public Rule {
public:
    const RuleInfo &info() const override;
    QList<int> nodeKinds() const override;
    void checkStatement(const LintInput &input, const ParsedStatement &statement,
        QList<Finding> &out) const override;
};

} // namespace tusk::core
