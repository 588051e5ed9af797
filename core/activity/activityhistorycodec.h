#pragma once

#include "activityhistorystate.h"

#include <QByteArray>
#include <QList>

namespace tusk::core {

// How ActivityHistory keeps a sample in a few bytes: a record of what
// changed from the previous sample's ActivityHistoryState (the sessions
// that appeared or changed, field by field; the pids that left; the lists
// that differ), written as variable-length integers. A keyframe is a
// record against an empty state. Pure functions over the history's own
// data; one thread.
class ActivityHistoryCodec {
public:
    // What turns `previous` into `next`; a keyframe when `previous` is an
    // empty state. Every text id written is referenced in `strings`.
    static QByteArray encode(const ActivityHistoryState &previous, const ActivityHistoryState &next,
        bool keyframe, ActivityHistoryStrings &strings);
    // Applies `record` (of the sample taken at `takenAt`) to `state`, which
    // must be the previous sample's, or empty for a keyframe. `ids`, when
    // given, receives every text id the record holds (to unreference them).
    static void decode(const QByteArray &record, qint64 takenAt, ActivityHistoryState &state,
        QList<quint32> *ids = nullptr);
    static bool isKeyframe(const QByteArray &record);
};

} // namespace tusk::core
