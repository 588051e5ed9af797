#pragma once

#include "core/lint/relationlock.h"
#include "core/migrations/changeverifier.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace tusk::core {

// One step of a rollout (docs/rollout.md): the SQL that moves forward, the
// SQL that takes it back, the lock it takes and what that blocks, whether
// it may run inside a transaction, and the gate that must hold before the
// next step (checks Tusk runs against the catalog, not text).
struct RolloutStep {
    enum class Phase { Expand, Backfill, MigrateReads, Contract };
    Phase phase = Phase::Expand;
    QString up; // one statement, ending with ';'
    QString rollback; // its inverse; a "-- " comment when there is none
    bool rollbackSafe = true; // false: the inverse loses data or is missing (said in rollback)
    QString lock; // "SHARE UPDATE EXCLUSIVE on shop.orders: …"; "none held for long"
    // The strongest lock as the lock model gives it (empty relation: none),
    // so the dry run can say how long it is held on the target's sizes.
    RelationLock heldLock {};
    bool inTransaction = true; // false: CONCURRENTLY and the like
    QList<ChangeVerifier::Check> gate; // all must hold before the next step
    // A backfill run in batches by core/migrations/backfill (the wizard and
    // `tusk rollout backfill`); `up` is the same change as one UPDATE, which
    // the dry run uses on the scratch database's few rows.
    struct Backfill {
        QString table; // qualified
        QString set; // "col = expr"
        QString where; // the rows still to do
    };
    std::optional<Backfill> backfill;
    // The index a CREATE INDEX CONCURRENTLY step builds ("shop.orders_x_idx"):
    // a failed build leaves it INVALID, and a retry drops that one first.
    QString concurrentIndex;
    bool fromRecipe = false; // rollback, lock and gate written by the recipe

    static QString phaseName(Phase phase);
    // SQL that is only comments and blank lines (the application's step, a
    // rollback with nothing to undo): nothing to send.
    static bool isCommentOnly(const QString &sql);
    // The statements of `sql`, one text each (CONCURRENTLY refuses to share
    // a query with another statement).
    static QStringList statementsOf(const QString &sql);
    // The step's SQL in one line, comment lines above it left out.
    static QString oneLine(const QString &sql, int width);
    bool isApplicationStep() const { return isCommentOnly(up); }
    // The application's step of an expand/contract recipe (no SQL): what
    // to deploy, and what keeps the old version working meanwhile.
    static RolloutStep migrateReads(const QString &what);
};

// A pending statement as the rollout sees it, and the steps it becomes.
struct RolloutItem {
    enum class Kind {
        Safe, // safe as written
        Online, // safe in its online form (the linter's rewrite)
        Breaking, // breaks running code or holds a long lock: needs a recipe
        Recipe, // breaking as written: an expand/contract recipe replaces it
    };
    Kind kind = Kind::Safe;
    QString statement; // as written
    QString why; // the findings that made it Online or Breaking, one line each
    QList<RolloutStep> steps;

    static QString kindName(Kind kind);
};

struct RolloutPlan {
    // Session settings the steps run under (SET lock_timeout …).
    QStringList settings;
    QList<RolloutItem> items;

    int stepCount() const;
    // The plan as Markdown, for a pull request and `tusk rollout plan`.
    QString markdown() const;
};

} // namespace tusk::core
