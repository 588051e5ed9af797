#pragma once

#include "finding.h"

#include <QHash>
#include <QList>
#include <QSet>
#include <QString>

namespace tusk::core {

class ParsedScript;

// The ignore comments of a script: `-- tusk:ignore id[, id]` (or
// `-- squawk-ignore …`) silences those rules, or all of them when none is
// named, on the next statement; `-- tusk:ignore-file [ids]` (or
// `-- squawk-ignore-file …`) on the whole file. An id that names no rule is
// reported as `unknown-rule`, so a typo never silently ignores nothing.
class Suppressions {
public:
    Suppressions(const ParsedScript &script, const QSet<QString> &knownRules);

    bool suppresses(const Finding &finding) const;
    // `-- squawk-disable-assume-in-transaction` (or `tusk:`) in the file:
    // its tool does not wrap it in a transaction, whatever the options say.
    bool disablesAssumeInTransaction() const { return m_noAssumedTransaction; }
    // `unknown-rule` findings for ids that name no rule.
    const QList<Finding> &problems() const { return m_problems; }

    // squawk's older spellings and Tusk's former ids, mapped to the ids of
    // today; require-timeout-settings stands for both of its halves.
    static QStringList canonicalIds(const QString &id);

private:
    struct Ignore {
        bool all = false;
        QSet<QString> rules;
        bool covers(const QString &rule) const { return all || rules.contains(rule); }
    };
    Ignore m_file;
    bool m_noAssumedTransaction = false;
    QHash<int, Ignore> m_byStatement;
    QList<Finding> m_problems;
};

} // namespace tusk::core
