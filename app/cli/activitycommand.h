#pragma once

#include <QStringList>

namespace tusk::app {

// `tusk activity [--once] [--watch [--record FILE]] [--tree] [--all]
// [--interval MS] [--format text|json] [--db URL | --profile NAME]`: the
// server's sessions (idle ones with --all), or with --tree who blocks whom,
// hard and soft edges, from core's ActivityCollector and BlockingTree.
// --once prints one sample (the default); --watch prints one per interval
// until interrupted, and with --record also writes each to a recording
// (core's ActivityRecording). `tusk activity replay FILE` reads one back
// (ActivityReplayCommand). Exit codes: 0 printed, 1 the server could not
// be sampled or the recording not written, 2 usage.
class ActivityCommand {
public:
    static int run(const QStringList &arguments);
};

} // namespace tusk::app
