#include "rolloutbackfillcommand.h"

#include "console.h"

namespace tusk::app {

int RolloutBackfillCommand::run(const QStringList &)
{
    err() << "tusk rollout backfill: not built yet\n";
    return 2;
}

} // namespace tusk::app
