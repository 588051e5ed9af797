#pragma once

#include "activitysample.h"

#include <QJsonObject>
#include <QString>

#include <optional>

namespace tusk::core {

// An ActivitySample as JSON and back, losslessly: every field of the
// sessions, locks (each tag field, pg_locks' mode name and the parsed
// mode), prepared transactions, command progress and database totals,
// takenAt to the millisecond. The one form of a sample outside the
// process: `tusk activity --format json` prints it (the command adds the
// blocking tree's edges), and ActivityRecording stores it. Key names are
// snake_case as the command has always written them; 64-bit ids that a
// double cannot hold (query_id) are strings. Pure, any thread.
class ActivitySampleJson {
public:
    static QJsonObject toJson(const ActivitySample &sample);
    // nullopt with *error set (when given) on anything that is not a
    // sample: a missing or unreadable taken_at, a list that is not an
    // array, a field of the wrong type. Fields that are absent take their
    // defaults, so a reader can open what an older Tusk wrote.
    static std::optional<ActivitySample> fromJson(const QJsonObject &json, QString *error);
};

} // namespace tusk::core
