#pragma once

#include "rolloutplan.h"

#include <QByteArray>

#include <optional>

struct PgQuery__Node;

namespace tusk::core {

// An UPDATE of one table that the linter flags as unbatched becomes a
// backfill step run in batches by key (core/migrations/backfill), each
// batch its own short transaction. The rows still to do are those the
// WHERE picks whose assigned columns still differ from their expressions,
// so a rerun converges; the gate counts them (none left). Its rollback is
// honest: a data change keeps no old values. nullopt for an UPDATE with
// FROM, RETURNING, a CTE or a target that is not a plain column.
// `source` is the statement's own text.
class BatchedUpdateRecipe {
public:
    static std::optional<QList<RolloutStep>> steps(
        const PgQuery__Node *statement, const QByteArray &source);
};

} // namespace tusk::core
