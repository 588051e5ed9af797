#pragma once

#include "core/lint/rule.h"

namespace tusk::core {

// ALTER COLUMN … TYPE that rewrites the table (or may: the old type is
// unknown). Binary-compatible changes, known from the script or the
// catalog, stay silent.
class ChangingColumnType : public Rule {
public:
    const RuleInfo &info() const override;
    QList<int> nodeKinds() const override;
    void checkStatement(const LintInput &input, const ParsedStatement &statement,
        QList<Finding> &out) const override;
};

} // namespace tusk::core
