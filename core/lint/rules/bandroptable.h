#pragma once

#include "core/lint/rule.h"

namespace tusk::core {

// DROP TABLE on a table the script did not create: its data is gone.
class BanDropTable : public Rule {
public:
    const RuleInfo &info() const override;
    QList<int> nodeKinds() const override;
    void checkStatement(const LintInput &input, const ParsedStatement &statement,
        QList<Finding> &out) const override;
};

} // namespace tusk::core
