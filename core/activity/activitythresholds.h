#pragma once

#include <QtGlobal>

namespace tusk::core {

// When the Activity monitor highlights a session and when it says so on
// the desktop (issue 24, points 4 and 11). Kept in the settings under
// "activity/…" (seconds there); the defaults are what a busy OLTP server
// would already call suspicious.
struct ActivityThresholds {
    qint64 longQueryMs = 60'000; // an active query running longer
    qint64 idleInTransactionMs = 60'000; // a transaction left open while idle
    qint64 blockedAlertMs = 30'000; // notify: some session waited this long on a lock
    qint64 idleAlertMs = 300'000; // notify: idle in transaction this long
    bool notify = true;
};

} // namespace tusk::core
