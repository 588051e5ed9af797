#pragma once

#include <QStringList>

namespace tusk::app {

// `tusk rollout dry-run FILE|- [--down FILE] [--db URL | --profile P]
// [--scratch URL] [--data] [--keep] [--format text|json]`: the rollout of
// FILE (or FILE with its hand-written down script) run on a scratch
// database holding the target's schema (the demo database when no target
// is named), every step's rollback proven (core's RolloutDryRun). Prints a
// ✓ or an explained ✗ per step. Exit codes: 0 every step holds, 1 a step
// failed or the dry run could not run, 2 usage.
class RolloutDryRunCommand {
public:
    static int run(const QStringList &arguments);
};

} // namespace tusk::app
