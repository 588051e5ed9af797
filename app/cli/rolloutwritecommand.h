#pragma once

#include <QStringList>

namespace tusk::app {

// `tusk rollout write [FOLDER] [--yes] [--db URL | --profile P]`: the
// rollout of the folder's pending files written back as one
// `N_prerelease.sql` per step (core's RolloutFiles), through the folder's
// writer like a split: the preview first, --yes writes it. Exit codes: 0
// shown or written, 1 refused (a file changed, released history, a rule
// the folder breaks), 2 usage.
class RolloutWriteCommand {
public:
    static int run(const QStringList &arguments);
};

} // namespace tusk::app
