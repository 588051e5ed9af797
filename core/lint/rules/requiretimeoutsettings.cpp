#include "requiretimeoutsettings.h"

#include "core/lint/scriptfacts.h"

#include <pg_query/pg_query.pb-c.h>

namespace tusk::core {

const RuleInfo &RequireTimeoutSettings::info() const
{
    static const RuleInfo info {
        QStringLiteral("require-timeout-settings"),
        Severity::Warning,
        QStringLiteral("A heavy lock is requested without lock_timeout and statement_timeout"),
        QStringLiteral("A statement that needs SHARE or a stronger lock waits behind any "
                       "long-running query on the table, and while it waits every later query on "
                       "the table queues behind it: one slow SELECT plus one ALTER TABLE is a full "
                       "outage. lock_timeout bounds that wait; statement_timeout bounds the whole "
                       "statement. Reported once per file, at the first such statement."),
        QStringLiteral("Start the migration with SET lock_timeout = '5s'; and SET "
                       "statement_timeout = '15min'; (tuned to the table), and retry on a "
                       "timeout instead of waiting. --fix inserts both."),
        {QStringLiteral("squawk"), QStringLiteral("eugene")},
        true,
        true,
    };
    return info;
}

namespace {
// The setting a SET statement changes, lower case; empty for other statements.
QString setting(const ParsedStatement &s)
{
    if (!s.node || s.node->node_case != PG_QUERY__NODE__NODE_VARIABLE_SET_STMT)
        return {};
    return QString::fromUtf8(s.node->variable_set_stmt->name).toLower();
}
} // namespace

void RequireTimeoutSettings::checkScript(const LintInput &input, QList<Finding> &out) const
{
    bool lockTimeout = false;
    bool statementTimeout = false;
    for (const ParsedStatement &s : input.script.statements()) {
        const QString name = setting(s);
        lockTimeout |= name == QLatin1String("lock_timeout");
        statementTimeout |= name == QLatin1String("statement_timeout");
        if (lockTimeout && statementTimeout)
            return;
        const RelationLock *heavy = nullptr;
        for (const RelationLock &l : input.locks.at(s.index)) {
            if (l.mode >= LockMode::Share && !input.facts.createdBefore(l.relation, s.index - 1)) {
                heavy = &l;
                break;
            }
        }
        if (!heavy)
            continue;
        QStringList missing;
        QByteArray insert;
        if (!lockTimeout) {
            missing << QStringLiteral("lock_timeout");
            insert += "SET lock_timeout = '5s';\n";
        }
        if (!statementTimeout) {
            missing << QStringLiteral("statement_timeout");
            insert += "SET statement_timeout = '15min';\n";
        }
        Finding f = finding(input, s,
            QStringLiteral("%1 waits for %2 on %3 with no %4 set: while it waits, every query on "
                           "%3 queues behind it")
                .arg(heavy->why, LockModes::name(heavy->mode), heavy->relation,
                    missing.join(QStringLiteral(" or "))));
        f.relation = heavy->relation;
        f.fix << TextEdit {{s.range.begin, s.range.begin}, insert};
        out << std::move(f);
        return;
    }
}

} // namespace tusk::core
