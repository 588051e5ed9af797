#include "lintengine.h"

#include "lintcatalog.h"
#include "lockmodel.h"
#include "plpgsqlbodies.h"
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
    return lint(script, options, catalog, false);
}

void LintEngine::lintEmbedded(const ParsedScript &script, const ParsedStatement &statement,
    const LintOptions &options, const LintCatalog *catalog, QList<Finding> &out) const
{
    LintOptions inner = options;
    // A function body or DO block runs inside its caller's transaction.
    inner.assumeInTransaction = true;
    for (const EmbeddedSql &embedded : PlpgsqlBodies::extract(script, statement)) {
        const ParsedScript body(embedded.sql);
        for (Finding f : lint(body, inner, catalog, true).findings) {
            if (embedded.offset >= 0) {
                f.range = {embedded.offset + f.range.begin, embedded.offset + f.range.end};
            } else {
                f.range = statement.range;
            }
            f.start = script.source().position(f.range.begin);
            f.end = script.source().position(f.range.end);
            f.statement = statement.index;
            f.fix.clear(); // a rewrite inside a body is for a person to make
            const QString where = QStringLiteral("inside %1").arg(embedded.where);
            f.note = f.note.isEmpty() ? where : where + QStringLiteral("; ") + f.note;
            out << f;
        }
    }
}

LintResult LintEngine::lint(const ParsedScript &script, const LintOptions &options,
    const LintCatalog *catalog, bool embedded) const
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
            if (embedded)
                continue; // the body parsed as PL/pgSQL; its own grammar is not ours
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
        const auto kind = statement.node->node_case;
        if (!embedded
            && (kind == PG_QUERY__NODE__NODE_DO_STMT
                || kind == PG_QUERY__NODE__NODE_CREATE_FUNCTION_STMT))
            lintEmbedded(script, statement, options, catalog, found);
        const auto rules = m_byKind.constFind(int(kind));
        if (rules == m_byKind.constEnd())
            continue;
        for (const Rule *rule : *rules)
            rule->checkStatement(input, statement, found);
    }
    if (!embedded) {
        for (const Rule *rule : m_scriptRules)
            rule->checkScript(input, found);
    }

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
