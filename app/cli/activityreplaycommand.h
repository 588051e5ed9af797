#pragma once

#include <QStringList>

namespace tusk::app {

// `tusk activity replay FILE [--at HH:MM:SS|ISO] [--tree|--queue] [--all]
// [--format text|json]`: a recording made with `tusk activity --watch
// --record FILE` (or the Activity page), read back through core's
// ActivityRecordingReader. Without --at, what the file holds: its server,
// first and last sample, and each sample's time with its counts; with
// --at, the sample at that moment (or the last one before it), printed as
// `tusk activity --once` prints a live one. Exit codes: 0 printed, 1 the
// file could not be read or holds nothing at that moment, 2 usage.
class ActivityReplayCommand {
public:
    static int run(const QStringList &arguments);
};

} // namespace tusk::app
