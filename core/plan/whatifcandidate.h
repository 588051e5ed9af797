#pragma once

#include <QString>
#include <QStringList>

#include <optional>

namespace tusk::core {

class Plan;
struct PlanInsight;

// The index a what-if tries for one insight: the table a scan reads and the
// columns its filter compares, equality ones first (a B-tree serves those in
// any order, then one range), at most three. Deliberately simple: no
// expressions, partial or INCLUDE indexes; the user edits the suggestion
// before running it.
struct WhatIfCandidate {
    QString schema; // empty when the plan did not say (no VERBOSE): search_path finds it
    QString table;
    QStringList columns;

    static constexpr int maxColumns = 3;

    // For a "filter removes rows" insight on a scan of a table whose filter
    // names columns; nullopt for any other insight.
    static std::optional<WhatIfCandidate> fromInsight(const Plan &plan, const PlanInsight &insight);

    // "orders (status, region)", names quoted as needed.
    QString target() const;
    // What hypopg_create_index() takes: "CREATE INDEX ON orders (status)".
    QString hypotheticalSql() const;
    // What to run for real, without blocking writes: "CREATE INDEX
    // CONCURRENTLY ON orders (status);".
    QString concurrentlySql() const;
};

} // namespace tusk::core
