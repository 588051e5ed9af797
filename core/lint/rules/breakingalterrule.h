#pragma once

#include "core/lint/rule.h"

#include <pg_query/pg_query.pb-c.h>

namespace tusk::core {

// The base of the rules about ALTER TABLE subcommands that are quick but
// break the clients of an existing table (ban-drop-column,
// ban-drop-not-null): they differ only in the subcommand and the message.
class BreakingAlterRule : public Rule {
public:
    QList<int> nodeKinds() const override;
    void checkStatement(const LintInput &input, const ParsedStatement &statement,
        QList<Finding> &out) const override;

protected:
    // The subcommand the rule is about.
    virtual PgQuery__AlterTableType subtype() const = 0;
    // The finding's message: %1 is the table, %2 the column.
    virtual QString message() const = 0;
};

} // namespace tusk::core
