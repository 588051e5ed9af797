#pragma once

#include <QStringList>

namespace tusk::app {

// `tusk rollout backfill …` (docs/backfill.md). Placeholder until the
// backfill module lands: the helper that owns it replaces this file.
class RolloutBackfillCommand {
public:
    static int run(const QStringList &arguments);
};

} // namespace tusk::app
