#pragma once

#include <QStringList>

namespace tusk::app {

// `tusk explain --impact MIGRATION.sql (--queries FILE | --top N) [--db URL
// | --profile P] [--scratch URL] [--data] [--keep] [--factor F] [--format
// text|json]`: the plan impact of a migration (core's PlanImpact). A
// scratch database gets the target's schema (and its rows with --data;
// the demo's always), the queries are explained there before and after
// the migration runs, and the comparisons are printed worst first. Exit
// codes: 0 no query got worse, 1 some did (or it could not run), 2 usage.
class ImpactCommand {
public:
    static int run(const QStringList &arguments);
};

} // namespace tusk::app
