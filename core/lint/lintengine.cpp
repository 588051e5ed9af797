#include "lintengine.h"

#include "ruleregistry.h"

#include <pg_query/pg_query.pb-c.h>

#include <algorithm>

namespace tusk::core {

LintEngine::LintEngine()
    : m_rules(RuleRegistry::createAll())
{
    for (const auto &rule : m_rules) {
        const QList<int> kinds = rule->nodeKinds();
        if (kinds.isEmpty())
            m_scriptRules << rule.get();
        for (int kind : kinds)
            m_byKind[kind] << rule.get();
    }
}

LintEngine::~LintEngine() = default;

QList<StatementState> LintEngine::trackTransactions(
    const ParsedScript &script, const LintOptions &options)
{
    QList<StatementState> states;
    states.reserve(script.statements().size());
    int transactions = 0;
    int current = options.assumeInTransaction ? transactions++ : -1;
    for (const ParsedStatement &s : script.statements()) {
        StatementState state;
        const bool isTransactionStatement =
            s.node && s.node->node_case == PG_QUERY__NODE__NODE_TRANSACTION_STMT;
        const auto kind = isTransactionStatement
            ? s.node->transaction_stmt->kind
            : PG_QUERY__TRANSACTION_STMT_KIND__TRANSACTION_STMT_KIND_UNDEFINED;
        const bool begins = kind == PG_QUERY__TRANSACTION_STMT_KIND__TRANS_STMT_BEGIN
            || kind == PG_QUERY__TRANSACTION_STMT_KIND__TRANS_STMT_START;
        if (begins && current < 0)
            current = transactions++;
        state.inTransaction = current >= 0;
        state.transaction = current;
        states << state;
        const bool ends = kind == PG_QUERY__TRANSACTION_STMT_KIND__TRANS_STMT_COMMIT
            || kind == PG_QUERY__TRANSACTION_STMT_KIND__TRANS_STMT_ROLLBACK
            || kind == PG_QUERY__TRANSACTION_STMT_KIND__TRANS_STMT_PREPARE;
        if (ends)
            current = options.assumeInTransaction ? transactions++ : -1;
    }
    return states;
}

LintResult LintEngine::lint(const ParsedScript &script, const LintOptions &options) const
{
    LintResult result;
    result.statementCount = int(script.statements().size());
    const QList<StatementState> states = trackTransactions(script, options);
    const LintInput input {script, options, states};
    for (const ParsedStatement &statement : script.statements()) {
        if (!statement.isValid()) {
            Finding f;
            f.rule = QStringLiteral("syntax-error");
            f.severity = Severity::Error;
            f.statement = statement.index;
            f.range = statement.errorOffset >= 0 ? ByteRange {statement.errorOffset,
                          std::min(statement.errorOffset + 1, statement.range.end)}
                                                 : statement.range;
            f.start = script.source().position(f.range.begin);
            f.end = script.source().position(f.range.end);
            f.message = QStringLiteral("%1 (PostgreSQL %2 grammar; newer syntax is not known "
                                       "to it, and the rest of the file is still checked)")
                            .arg(statement.syntaxError, ParsedScript::grammarVersion());
            result.findings << f;
            continue;
        }
        const auto rules = m_byKind.constFind(int(statement.node->node_case));
        if (rules == m_byKind.constEnd())
            continue;
        for (const Rule *rule : *rules)
            rule->checkStatement(input, statement, result.findings);
    }
    for (const Rule *rule : m_scriptRules)
        rule->checkScript(input, result.findings);
    std::stable_sort(result.findings.begin(), result.findings.end(),
        [](const Finding &a, const Finding &b) { return a.range.begin < b.range.begin; });
    return result;
}

} // namespace tusk::core
