#pragma once

#include "core/lint/rule.h"

namespace tusk::core {

// An identifier over 63 bytes in DDL: PostgreSQL silently truncates it, so
// the object gets another name than the one written, and two long names
// with the same first 63 bytes collide.
class IdentifierTooLong : public Rule {
public:
    const RuleInfo &info() const override;
    QList<int> nodeKinds() const override;
    void checkStatement(const LintInput &input, const ParsedStatement &statement,
        QList<Finding> &out) const override;
};

} // namespace tusk::core
