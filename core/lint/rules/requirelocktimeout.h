#pragma once

#include "timeoutrule.h"

namespace tusk::core {

// A statement waits for a lock on an existing object with no `SET
// lock_timeout` before it: while it waits, everything that conflicts with
// the lock it asks for queues behind it (squawk: require-lock-timeout).
class RequireLockTimeout : public TimeoutRule {
public:
    const RuleInfo &info() const override;

protected:
    QLatin1String setting() const override { return QLatin1String("lock_timeout"); }
    QByteArray setStatement() const override { return "SET lock_timeout = '5s';\n"; }
    QString message(const RelationLock &lock) const override;
};

} // namespace tusk::core
