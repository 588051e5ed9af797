#pragma once

#include "rolloutplan.h"

#include "core/migrations/pendingrewrite.h"

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

namespace tusk::core {

// A rollout's steps as the migrations folder's pending files (issue 23,
// point 4): one ordered `N_prerelease.sql` per step, in place of the
// pending files they came from, each headed by what a reviewer needs in
// the file itself (the step, its lock, its gate, and its rollback as a
// comment, Tusk's layout having no down files) and carrying the plan's
// settings. The application's step becomes the head of the next file (the
// point to stop and deploy). A backfill step is written as the batched
// procedure and its CALL (a COMMIT per batch: outside a transaction), not
// as one long UPDATE. Handed to MigrationsWriter::apply() like a split:
// previewed, written in one step, CHANGELOG entries moved along.
class RolloutFiles {
public:
    using Pending = QList<QPair<QString, QByteArray>>;
    static PendingRewrite rewrite(const Pending &pending, const RolloutPlan &plan);
    // The pending files of `folder` (name, bytes) in the order they run;
    // `error` names the first that cannot be read (nothing is returned).
    static Pending readPending(const QString &folder, QString *error);
    // Their statements as one script, for the planner.
    static QByteArray joined(const Pending &pending);
};

} // namespace tusk::core
