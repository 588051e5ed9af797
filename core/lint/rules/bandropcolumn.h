#pragma once

#include "breakingalterrule.h"

namespace tusk::core {

// ALTER TABLE … DROP COLUMN: the data is gone, and clients that still
// select or insert the column fail.
class BanDropColumn : public BreakingAlterRule {
public:
    const RuleInfo &info() const override;

protected:
    PgQuery__AlterTableType subtype() const override;
    QString message() const override;
};

} // namespace tusk::core
