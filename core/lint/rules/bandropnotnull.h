#pragma once

#include "breakingalterrule.h"

namespace tusk::core {

// ALTER COLUMN … DROP NOT NULL: code that relies on the column never being
// NULL starts meeting NULLs.
class BanDropNotNull : public BreakingAlterRule {
public:
    const RuleInfo &info() const override;

protected:
    PgQuery__AlterTableType subtype() const override;
    QString message() const override;
};

} // namespace tusk::core
