#include "stepestimate.h"

#include "rolloutplan.h"

#include "core/lint/lockmode.h"
#include "core/lint/sizeverdict.h"

namespace tusk::core {

namespace {
// Below this many rows on the scratch side a measured time says more
// about round trips than about the work, so it is not scaled up.
constexpr qint64 kRowsWorthScaling = 1000;

const DbRelation *relationIn(const CatalogSnapshot &snapshot, const QString &name)
{
    if (snapshot.isNull() || name.isEmpty())
        return nullptr;
    QString bare = name;
    bare.remove(QLatin1Char('"'));
    return snapshot.findRelation(bare);
}
} // namespace

QString StepEstimate::duration(double ms)
{
    if (ms < 10)
        return QStringLiteral("< 10 ms");
    if (ms < 1000)
        return QStringLiteral("%1 ms").arg(qRound(ms));
    if (ms < 90'000)
        return QStringLiteral("%1 s").arg(ms / 1000, 0, 'f', ms < 10'000 ? 1 : 0);
    if (ms < 5'400'000)
        return QStringLiteral("%1 min").arg(qRound(ms / 60'000));
    return QStringLiteral("%1 h").arg(ms / 3'600'000, 0, 'f', 1);
}

QString StepEstimate::rows(qint64 count)
{
    if (count < 10'000)
        return QString::number(std::max<qint64>(count, 0));
    if (count < 10'000'000)
        return QStringLiteral("%1 k").arg(qRound(double(count) / 1000));
    return QStringLiteral("%1 M").arg(qRound(double(count) / 1'000'000));
}

QString StepEstimate::describe(const RolloutStep &step, qint64 scratchMs,
    const CatalogSnapshot &scratch, const CatalogSnapshot &target)
{
    const RelationLock &lock = step.heldLock;
    if (lock.relation.isEmpty() || scratchMs < 0)
        return {};
    const QString mode = LockModes::name(lock.mode);
    const bool grows = lock.rewrites || lock.scans || step.phase == RolloutStep::Phase::Backfill;
    const DbRelation *there = relationIn(target, lock.relation);
    const DbRelation *here = relationIn(scratch, lock.relation);
    if (!grows) {
        return QStringLiteral("catalog only: holds %1 on %2 for %3 here, and about as long on "
                              "any size")
            .arg(mode, lock.relation, duration(double(scratchMs)));
    }
    if (!there || there->rowsEstimate < 0) {
        return QStringLiteral("time grows with the rows of %1: %2 here; the target's size is not "
                              "known (no catalog of the target was read)")
            .arg(lock.relation, duration(double(scratchMs)));
    }
    // A batched backfill holds row locks one batch at a time; the others
    // hold their lock for the whole step.
    const QString hold = step.backfill
        ? QStringLiteral("row locks one batch at a time")
        : QStringLiteral("holds %1 on %2 as long").arg(mode, lock.relation);
    const qint64 targetRows = there->rowsEstimate;
    if (here && here->rowsEstimate >= kRowsWorthScaling) {
        const double ms = double(scratchMs) * double(targetRows) / double(here->rowsEstimate);
        return QStringLiteral("on the target (%1 rows of %2): ≈ %3, scaled from %4 rows here; %5")
            .arg(rows(targetRows), lock.relation, duration(ms), rows(here->rowsEstimate), hold);
    }
    const double seconds = SizeVerdict::estimatedSeconds(
        lock.scans || lock.rewrites ? lock : RelationLock::on(lock.relation, lock.mode, true),
        there->tableBytes + there->indexBytes);
    return QStringLiteral("on the target (%1 rows of %2, %3): ≈ %4 by the lock model (the scratch "
                          "database had too few rows to measure: add --data); %5")
        .arg(rows(targetRows), lock.relation,
            SizeVerdict::humanBytes(there->tableBytes + there->indexBytes),
            duration(std::max(0.0, seconds) * 1000), hold);
}

} // namespace tusk::core
