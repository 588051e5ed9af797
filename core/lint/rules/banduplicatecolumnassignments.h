#pragma once

#include "core/lint/rule.h"

namespace tusk::core {

// The same column twice in one list: SET of UPDATE, ON CONFLICT DO UPDATE
// and MERGE; the column list of INSERT and of MERGE's INSERT; the columns
// of CREATE TABLE, CREATE TABLE AS, a view, SELECT INTO. PostgreSQL
// rejects the statement when it runs (42701), so the migration stops half
// applied (squawk: ban-duplicate-column-assignments).
class BanDuplicateColumnAssignments : public Rule {
public:
    const RuleInfo &info() const override;
    QList<int> nodeKinds() const override;
    void checkStatement(const LintInput &input, const ParsedStatement &statement,
        QList<Finding> &out) const override;
};

} // namespace tusk::core
