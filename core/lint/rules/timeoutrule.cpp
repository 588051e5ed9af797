#include "timeoutrule.h"

#include "core/lint/scriptfacts.h"

#include <pg_query/pg_query.pb-c.h>

namespace tusk::core {

namespace {
// The CONCURRENTLY forms wait for every older transaction by design, and a
// lock_timeout cancels them half done (an INVALID index left behind);
// VACUUM and ANALYZE queue nothing but other maintenance and DDL.
bool exempt(const RelationLock &l)
{
    if (l.mode < LockMode::ShareUpdateExclusive)
        return true;
    if (l.why.endsWith(QLatin1String("CONCURRENTLY")) || l.why == QLatin1String("VACUUM")
        || l.why == QLatin1String("ANALYZE"))
        return true;
    return l.why == QLatin1String("DETACH PARTITION") && l.mode == LockMode::ShareUpdateExclusive;
}
} // namespace

const RelationLock *TimeoutRule::lockNeedingTimeout(const LintInput &input, int statement)
{
    const RelationLock *strongest = nullptr;
    for (const RelationLock &l : input.locks.at(statement)) {
        if (exempt(l))
            continue;
        if (input.facts.createdBefore(l.relation, statement - 1))
            continue;
        if (!strongest || l.mode > strongest->mode)
            strongest = &l;
    }
    return strongest;
}

QString TimeoutRule::modeWithArticle(const RelationLock &lock)
{
    const QString mode = LockModes::name(lock.mode);
    const bool vowel = mode.startsWith(QLatin1Char('A')) || mode.startsWith(QLatin1Char('E'));
    return (vowel ? QStringLiteral("an ") : QStringLiteral("a ")) + mode;
}

void TimeoutRule::checkScript(const LintInput &input, QList<Finding> &out) const
{
    for (const ParsedStatement &s : input.script.statements()) {
        if (s.node && s.node->node_case == PG_QUERY__NODE__NODE_VARIABLE_SET_STMT
            && QString::fromUtf8(s.node->variable_set_stmt->name)
                    .compare(setting(), Qt::CaseInsensitive)
                == 0)
            return; // set before any statement that needs it
        const RelationLock *lock = lockNeedingTimeout(input, s.index);
        if (!lock)
            continue;
        Finding f = finding(input, s, message(*lock));
        f.relation = lock->relation;
        f.lock = lock->describe();
        f.fix << TextEdit {{s.range.begin, s.range.begin}, setStatement()};
        out << std::move(f);
        return;
    }
}

} // namespace tusk::core
