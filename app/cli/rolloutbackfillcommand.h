#pragma once

#include <QStringList>

namespace tusk::app {

// `tusk rollout backfill …` (docs/backfill.md): runs a resumable backfill
// (core::BackfillRun) on the target, progress on stderr at most once a
// second, the final figures on stdout; or, with --sql, prints the same
// backfill as a plpgsql procedure and its CALL. Exit status: 0 done,
// 1 failed, 2 usage. No overall time limit (a backfill may take hours),
// only one for reaching the server.
class RolloutBackfillCommand {
public:
    static int run(const QStringList &arguments);
};

} // namespace tusk::app
