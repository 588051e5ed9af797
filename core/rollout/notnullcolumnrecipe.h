#pragma once

#include "rolloutplan.h"

#include <QByteArray>

#include <optional>

struct PgQuery__Node;

namespace tusk::core {

// The recipe for adding a NOT NULL column whose default the server must
// compute row by row (a volatile default rewrites the table under ACCESS
// EXCLUSIVE): add it nullable; set the default so new rows get it; backfill
// the old rows in batches; CHECK (col IS NOT NULL) NOT VALID; VALIDATE
// (reads and writes go on); SET NOT NULL, which the validated check lets
// PostgreSQL 12+ do without a scan; drop the check. Each step has its
// rollback and gate. nullopt for any other statement. `source` is the
// statement's own text, which the node's locations point into.
class NotNullColumnRecipe {
public:
    static std::optional<QList<RolloutStep>> steps(
        const PgQuery__Node *statement, const QByteArray &source);
};

} // namespace tusk::core
