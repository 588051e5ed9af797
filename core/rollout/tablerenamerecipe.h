#pragma once

#include "rolloutplan.h"

#include <optional>

struct PgQuery__Node;

namespace tusk::core {

// ALTER TABLE … RENAME TO as a rollout that breaks no running client: the
// rename and a view under the old name (simple, so PostgreSQL lets old
// clients read and write through it) in one transaction; the application
// moves to the new name; the contract drops the view. nullopt for any
// other statement.
class TableRenameRecipe {
public:
    static std::optional<QList<RolloutStep>> steps(const PgQuery__Node *statement);
};

} // namespace tusk::core
