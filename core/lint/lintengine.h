#pragma once

#include "rule.h"

#include <QHash>
#include <QSet>

#include <memory>
#include <vector>

namespace tusk::core {

class SchemaFacts;
class Suppressions;

struct LintResult {
    QList<Finding> findings; // in script order
    int statementCount = 0;
    // Per statement: the locks it takes (for `tusk lint --locks`).
    QList<QList<RelationLock>> locks;
};

// Runs every rule over a parsed script: statement rules dispatched by node
// kind (one table lookup per statement, however many rules there are),
// script rules once. Also reports each statement the grammar cannot parse
// as `syntax-error`, fills each finding's lock from the lock model, drops
// lock findings on tables the script created itself, weighs them by size
// when a catalog is given, and applies ignore comments. Thread-safe: rules
// are stateless.
class LintEngine {
public:
    LintEngine();
    ~LintEngine();

    LintResult lint(const ParsedScript &script, const LintOptions &options,
        const SchemaFacts *catalog = nullptr) const;
    const std::vector<std::unique_ptr<Rule>> &rules() const { return m_rules; }
    const Rule *rule(const QString &id) const;
    // Every id an ignore comment may name: the rules and the engine's own
    // (syntax-error).
    const QSet<QString> &knownIds() const { return m_knownIds; }
    // The per-statement transaction state (BEGIN … COMMIT, or the whole
    // file when assumed).
    static QList<StatementState> trackTransactions(
        const ParsedScript &script, const LintOptions &options);

private:
    LintResult lint(const ParsedScript &script, const LintOptions &options,
        const SchemaFacts *catalog, bool embedded) const;
    void checkStatements(const LintInput &input, qsizetype from, qsizetype to, bool embedded,
        QList<Finding> &out) const;
    void finish(const LintInput &input, Finding &finding) const;
    void keep(
        const LintInput &input, const Suppressions &suppressions, QList<Finding> &found) const;
    static Finding syntaxError(const ParsedScript &script, const ParsedStatement &statement);
    static bool inScriptOrder(const Finding &a, const Finding &b);
    // Findings of the SQL inside a DO block or PL/pgSQL body, placed on the
    // outer statement.
    void lintEmbedded(const ParsedScript &script, const ParsedStatement &statement,
        const LintOptions &options, const SchemaFacts *catalog, QList<Finding> &out) const;

    std::vector<std::unique_ptr<Rule>> m_rules;
    QHash<int, QList<const Rule *>> m_byKind;
    QList<const Rule *> m_scriptRules;
    QHash<QString, const Rule *> m_byId;
    QSet<QString> m_knownIds;
};

} // namespace tusk::core
