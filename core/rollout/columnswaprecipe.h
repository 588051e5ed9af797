#pragma once

#include "rolloutplan.h"

#include "core/catalog/catalogsnapshot.h"

#include <optional>

struct PgQuery__Node;

namespace tusk::core {

// The expand/contract recipe for a column rename and a column type change
// (seed 001: never break running code): add the new column, keep both in
// step with a trigger in both directions, backfill, let the application
// move its reads and writes (a checklist step), then contract: drop the
// trigger, its function and the old column. Each step has its rollback;
// the contract's is not safe (the old column's data is gone) and says so.
// Needs the column's type from the catalog before the change for a
// rename; nullopt for any other statement, or when the catalog lacks it
// (`why` then says what is missing).
class ColumnSwapRecipe {
public:
    static std::optional<QList<RolloutStep>> steps(
        const PgQuery__Node *statement, const CatalogSnapshot &before, QString *why);
};

} // namespace tusk::core
