#pragma once

#include "preferbigintrule.h"

namespace tusk::core {

// integer / serial: 2^31 values run out on busy tables, and widening the
// column then rewrites the table under ACCESS EXCLUSIVE.
class PreferBigintOverInt : public PreferBigintRule {
public:
    const RuleInfo &info() const override;

protected:
    const NarrowType &narrowType() const override;
};

} // namespace tusk::core
