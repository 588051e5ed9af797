#pragma once

#include "core/lint/rule.h"

namespace tusk::core {

// The CONCURRENTLY forms (CREATE INDEX, DROP INDEX, REINDEX, DETACH
// PARTITION) refuse to run inside a transaction block: the migration fails.
class BanConcurrentIndexCreationInTransaction : public Rule {
public:
    const RuleInfo &info() const override;
    QList<int> nodeKinds() const override;
    void checkStatement(const LintInput &input, const ParsedStatement &statement,
        QList<Finding> &out) const override;
};

} // namespace tusk::core
