#pragma once

#include "rule.h"

#include <QHash>

#include <memory>
#include <vector>

namespace tusk::core {

struct LintResult {
    QList<Finding> findings; // in script order
    int statementCount = 0;
};

// Runs every rule over a parsed script: statement rules dispatched by node
// kind (one table lookup per statement, however many rules there are),
// script rules once. Also reports each statement the grammar cannot parse
// as `syntax-error`. Thread-safe: rules are stateless.
class LintEngine {
public:
    LintEngine();
    ~LintEngine();

    LintResult lint(const ParsedScript &script, const LintOptions &options) const;
    const std::vector<std::unique_ptr<Rule>> &rules() const { return m_rules; }
    // The per-statement transaction state (BEGIN … COMMIT, or the whole
    // file when assumed).
    static QList<StatementState> trackTransactions(
        const ParsedScript &script, const LintOptions &options);

private:
    std::vector<std::unique_ptr<Rule>> m_rules;
    QHash<int, QList<const Rule *>> m_byKind;
    QList<const Rule *> m_scriptRules;
};

} // namespace tusk::core
