#pragma once

#include <QStringList>

namespace tusk::app {

// `tusk rollout plan FILE|- [--format md|json] [--db URL | --profile P]`:
// the pending SQL as a rollout (core's RolloutPlanner): each statement
// classified (safe as written, safe in its online form, breaking), its
// steps with the lock, transaction, rollback and gate. With --db or
// --profile the target's catalog gives the rollbacks what a statement
// loses and the lints their sizes. Exit codes: 0 every statement has a
// safe plan, 1 one breaks running code (it needs a recipe), 2 usage or an
// unreadable input.
class RolloutCommand {
public:
    static int run(const QStringList &arguments);

private:
    static int runPlan(const QStringList &arguments);
};

} // namespace tusk::app
