#pragma once

class QThreadPool;

namespace tusk::core {

// The pool that runs the calls libpq can only make blocking: host name
// lookups and cancel requests. Separate from the global pool (2 threads on a
// 2-core machine) so a hung lookup or an unreachable cancel target cannot
// starve other work, and sized for several stuck calls at once.
class NetworkThreadPool {
public:
    static QThreadPool *instance();
};

} // namespace tusk::core
