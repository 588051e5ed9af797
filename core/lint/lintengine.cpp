#include "lintengine.h"

#include "lintcatalog.h"
#include "lockmodel.h"
#include "ruleregistry.h"
#include "scriptfacts.h"
#include "sizeverdict.h"
#include "suppressions.h"

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
        m_byId.insert(rule->info().id, rule.get());
        m_knownIds.insert(rule->info().id);
    }
    m_knownIds.insert(QStringLiteral("syntax-error"));
}

LintEngine::~LintEngine() = default;

const Rule *LintEngine::rule(const QString &id) const
{
    return m_byId.value(id);
}

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

void LintEngine::finish(const LintInput &input, Finding &f) const
{
    if (f.statement < 0 || f.statement >= input.locks.size())
        return;
    const QList<RelationLock> &locks = input.locks.at(f.statement);
    const RelationLock *lock = nullptr;
    if (!f.relation.isEmpty()) {
        for (const RelationLock &l : locks) {
            if (l.relation == f.relation && (!lock || l.mode > lock->mode))
                lock = &l;
        }
    }
    if (!lock)
        lock = LockModel::strongest(locks);
    if (lock && f.lock.isEmpty())
        f.lock = lock->describe();
    if (lock && f.relation.isEmpty())
        f.relation = lock->relation;
    if (lock && input.catalog) {
        const Rule *rule = m_byId.value(f.rule);
        if (rule && rule->info().aboutExistingData) {
            if (const CatalogTable *table = input.catalog->table(lock->relation))
                SizeVerdict::apply(f, *lock, *table);
        }
    }
}

LintResult LintEngine::lint(
    const ParsedScript &script, const LintOptions &options, const LintCatalog *catalog) const
{
    LintResult result;
    result.statementCount = int(script.statements().size());
    const QList<StatementState> states = trackTransactions(script, options);
    const ScriptFacts facts(script);
    result.locks.reserve(result.statementCount);
    LockModel::Context context;
    context.serverVersion = options.serverVersion;
    context.facts = &facts;
    context.catalog = catalog;
    for (const ParsedStatement &statement : script.statements()) {
        context.statement = statement.index;
        result.locks << LockModel::locksOf(statement.node, context);
    }
    const LintInput input {script, options, states, result.locks, facts, catalog};
    QList<Finding> found;
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
            found << f;
            continue;
        }
        const auto rules = m_byKind.constFind(int(statement.node->node_case));
        if (rules == m_byKind.constEnd())
            continue;
        for (const Rule *rule : *rules)
            rule->checkStatement(input, statement, found);
    }
    for (const Rule *rule : m_scriptRules)
        rule->checkScript(input, found);

    const Suppressions suppressions(script, m_knownIds);
    result.findings.reserve(found.size());
    for (Finding &f : found) {
        finish(input, f);
        // A lock on a table this script created holds up nobody.
        const Rule *rule = m_byId.value(f.rule);
        if (rule && rule->info().aboutExistingData && f.statement >= 0
            && facts.createdBefore(f.relation, f.statement - 1))
            continue;
        if (!suppressions.suppresses(f))
            result.findings << std::move(f);
    }
    result.findings << suppressions.problems();
    std::stable_sort(result.findings.begin(), result.findings.end(),
        [](const Finding &a, const Finding &b) { return a.range.begin < b.range.begin; });
    return result;
}

} // namespace tusk::core
