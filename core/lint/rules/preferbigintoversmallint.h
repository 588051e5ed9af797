#pragma once

#include "preferbigintrule.h"

namespace tusk::core {

// smallint / smallserial: 32767 values, and widening the column later
// rewrites the table under ACCESS EXCLUSIVE.
class PreferBigintOverSmallint : public PreferBigintRule {
public:
    const RuleInfo &info() const override;

protected:
    const NarrowType &narrowType() const override;
};

} // namespace tusk::core
