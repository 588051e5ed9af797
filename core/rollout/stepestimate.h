#pragma once

#include "core/catalog/catalogsnapshot.h"

#include <QString>

namespace tusk::core {

struct RolloutStep;

// How long a step would take on the target, from what it took on the
// scratch database: work that grows with the table (a rewrite, a scan, a
// backfill) scales with the ratio of the target's rows to the scratch's;
// a catalog-only change does not. With no rows on the scratch side the
// lock model's throughput estimate on the target's bytes stands in, and
// the line says so. Pure; the dry run and its tests call it.
class StepEstimate {
public:
    // "on the target (shop.orders, 38 M rows): ≈ 4 min; holds ACCESS
    // EXCLUSIVE on shop.orders for about as long"; empty when the step
    // takes no lock on a table.
    static QString describe(const RolloutStep &step, qint64 scratchMs,
        const CatalogSnapshot &scratch, const CatalogSnapshot &target);
    // "12 ms", "3.4 s", "4 min", "1.2 h"
    static QString duration(double ms);
    static QString rows(qint64 count); // "950", "12 k", "38 M"
};

} // namespace tusk::core
