#pragma once

#include "core/activity/activitysample.h"

#include <QJsonObject>
#include <QString>

namespace tusk::core {
class BlockingTree;
}

namespace tusk::app {

// How `tusk activity` prints a sample, live (--once, --watch) or from a
// recording (`tusk activity replay`), so both read the same: the sessions
// grid, the blocking tree or the lock queues as text, or the sample as
// JSON (ActivitySampleJson) with the tree's edges and deadlocks added.
class ActivityOutput {
public:
    enum class View { Sessions, Tree, Queue };
    struct Options {
        View view = View::Sessions;
        bool all = false; // idle sessions too
        bool json = false;
        bool stamp = false; // "== hh:mm:ss" before each text sample (--watch)
    };

    // Writes `sample` to the console's out().
    static void print(const core::ActivitySample &sample, const Options &options);
    static QString text(const core::ActivitySample &sample, const Options &options);
    static QJsonObject json(const core::ActivitySample &sample, const core::BlockingTree &tree);
    static QString sessionsText(const core::ActivitySample &sample, bool all);
};

} // namespace tusk::app
