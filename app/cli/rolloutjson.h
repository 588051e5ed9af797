#pragma once

#include "core/rollout/dryrunstep.h"
#include "core/rollout/rolloutplan.h"

#include <QJsonObject>

namespace tusk::app {

// The rollout commands' `--format json` shapes, in one place so `plan`,
// `dry-run` and `sheet` agree on a step's fields.
class RolloutJson {
public:
    static QJsonObject step(const core::RolloutStep &step);
    static QJsonObject plan(const core::RolloutPlan &plan);
    static QJsonObject dryRun(const core::DryRunReport &report);
};

} // namespace tusk::app
