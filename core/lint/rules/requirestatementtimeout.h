#pragma once

#include "timeoutrule.h"

namespace tusk::core {

// A lock-taking statement on an existing object with no `SET
// statement_timeout` before it: nothing bounds how long it runs, and its
// lock is held all that time (squawk: require-statement-timeout).
class RequireStatementTimeout : public TimeoutRule {
public:
    const RuleInfo &info() const override;

protected:
    QLatin1String setting() const override { return QLatin1String("statement_timeout"); }
    QByteArray setStatement() const override { return "SET statement_timeout = '15min';\n"; }
    QString message(const RelationLock &lock) const override;
    // A VACUUM FULL or a big concurrent build may need no bound, on purpose.
    bool zeroIsAChoice() const override { return true; }
};

} // namespace tusk::core
