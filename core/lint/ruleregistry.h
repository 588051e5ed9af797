#pragma once

#include "rule.h"

#include <memory>
#include <vector>

namespace tusk::core {

// Every rule Tusk has, one file each under core/lint/rules/.
class RuleRegistry {
public:
    static std::vector<std::unique_ptr<Rule>> createAll();
};

} // namespace tusk::core
