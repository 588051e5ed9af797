#pragma once

#include "core/lint/rule.h"

namespace tusk::core {

struct RelationLock;

// The shared half of require-lock-timeout and require-statement-timeout
// (squawk split require-timeout-settings in two so either can be turned
// off alone): the first statement of the file that waits for a lock on an
// object the file did not create, with no `SET <setting>` before it.
// Reported once per file; --fix inserts the SET before that statement.
class TimeoutRule : public Rule {
public:
    QList<int> nodeKinds() const override { return {}; }
    void checkScript(const LintInput &input, QList<Finding> &out) const override;

    // The lock of `statement` that needs a timeout, or null: the strongest
    // lock from SHARE UPDATE EXCLUSIVE up on something the script did not
    // create, except the CONCURRENTLY forms and VACUUM / ANALYZE.
    static const RelationLock *lockNeedingTimeout(const LintInput &input, int statement);
    // "an ACCESS EXCLUSIVE", "a SHARE": the mode with its article.
    static QString modeWithArticle(const RelationLock &lock);

protected:
    virtual QLatin1String setting() const = 0; // "lock_timeout"
    virtual QByteArray setStatement() const = 0; // "SET lock_timeout = '5s';\n"
    virtual QString message(const RelationLock &lock) const = 0;
    // True when SET <setting> = 0 is a deliberate answer, not a missing one.
    virtual bool zeroIsAChoice() const { return false; }
};

} // namespace tusk::core
