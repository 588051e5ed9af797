#pragma once

#include "lint/rule.h"

namespace tusk::core {

// ALTER TABLE … DROP COLUMN: the data is gone, and clients that still
// select or insert the column fail.
class BanDropColumn : public Rule {
public:
    const RuleInfo &info() const override;
    QList<int> nodeKinds() const override;
    void checkStatement(const LintInput &input, const ParsedStatement &statement,
        QList<Finding> &out) const override;
};

} // namespace tusk::core
