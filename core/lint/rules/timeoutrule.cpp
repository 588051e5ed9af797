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

namespace {
// What a statement does to the setting: gives it a value, takes it away
// (RESET, SET … TO DEFAULT, RESET ALL, or 0 where 0 is not a choice), or
// nothing.
enum class Effect { None, Set, Unset };
Effect effectOn(const ParsedStatement &s, QLatin1String setting, bool zeroIsAChoice)
{
    if (!s.node || s.node->node_case != PG_QUERY__NODE__NODE_VARIABLE_SET_STMT)
        return Effect::None;
    const PgQuery__VariableSetStmt *set = s.node->variable_set_stmt;
    if (set->kind == PG_QUERY__VARIABLE_SET_KIND__VAR_RESET_ALL)
        return Effect::Unset;
    if (QString::fromUtf8(set->name).compare(setting, Qt::CaseInsensitive) != 0)
        return Effect::None;
    if (set->kind != PG_QUERY__VARIABLE_SET_KIND__VAR_SET_VALUE || set->n_args != 1)
        return Effect::Unset;
    const PgQuery__Node *value = set->args[0];
    const bool zero = value->node_case == PG_QUERY__NODE__NODE_A_CONST
        && ((value->a_const->val_case == PG_QUERY__A__CONST__VAL_IVAL
                && (!value->a_const->ival || value->a_const->ival->ival == 0))
            || (value->a_const->val_case == PG_QUERY__A__CONST__VAL_SVAL && value->a_const->sval
                && qstrcmp(value->a_const->sval->sval, "0") == 0));
    return zero && !zeroIsAChoice ? Effect::Unset : Effect::Set;
}
} // namespace

void TimeoutRule::checkScript(const LintInput &input, QList<Finding> &out) const
{
    bool set = false;
    for (const ParsedStatement &s : input.script.statements()) {
        switch (effectOn(s, setting(), zeroIsAChoice())) {
        case Effect::Set:
            set = true;
            continue;
        case Effect::Unset:
            set = false;
            continue;
        case Effect::None:
            break;
        }
        if (set)
            continue;
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
