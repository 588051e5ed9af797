#include "ruleregistry.h"

#include "rules/requireconcurrentindexcreation.h"

namespace tusk::core {

std::vector<std::unique_ptr<Rule>> RuleRegistry::createAll()
{
    std::vector<std::unique_ptr<Rule>> rules;
    rules.push_back(std::make_unique<RequireConcurrentIndexCreation>());
    return rules;
}

} // namespace tusk::core
