#pragma once

#include <QString>

namespace tusk::core {

// A duration as people read it: "85 ms", "1.24 s", "3 min 07 s".
QString durationText(qint64 milliseconds);
// A session's age at a glance: "12 s", "4 min", "2 h"; "-" when unknown
// (negative), as the activity monitor shows transaction and query ages.
QString ageText(qint64 milliseconds);

} // namespace tusk::core
