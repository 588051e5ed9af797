#pragma once

#include <QString>

namespace tusk::core {

// A duration as people read it: "85 ms", "1.24 s", "3 min 07 s".
QString durationText(qint64 milliseconds);

} // namespace tusk::core
