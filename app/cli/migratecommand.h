#pragma once

#include <QStringList>

namespace tusk::app {

// `tusk migrate <status|changelog|add|release> [options]`: the migrations
// folder of docs/migrations-folder.md without a display, on core's
// MigrationsFolder and MigrationsWriter. `status` lists the pending files in
// the order they run, the released history and whatever breaks a rule;
// `changelog` adds the CHANGELOG.md entries the pending files lack; `add`
// appends statements to the latest pending file; `release` (shown first,
// done with --yes) moves the pending files into a new dated released
// folder; `check` (for CI) puts every rule together: the pending order,
// CHANGELOG entries for every pending change and none for released ones,
// released files as git's HEAD has them, pending files linting clean at
// --fail-on. Exit codes: 0 ok, 1 the folder breaks a rule or could not be
// written, 2 usage.
class MigrateCommand {
public:
    static int run(const QStringList &arguments);
};

} // namespace tusk::app
