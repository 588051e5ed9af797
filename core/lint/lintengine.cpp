#include "lintengine.h"

#include "lockmodel.h"
#include "plpgsqlbodies.h"
#include "psqlvariablenames.h"
#include "ruleregistry.h"
#include "schemafacts.h"
#include "scriptfacts.h"
#include "sizeverdict.h"
#include "suppressions.h"

#include <pg_query/pg_query.pb-c.h>

#include "core/sql/parallelblocks.h"

#include <algorithm>
#include <atomic>
#include <iterator>

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
    // The team's or user's level first: table sizes still weigh it below.
    if (const auto level = input.options.severities.constFind(f.rule);
        level != input.options.severities.cend())
        f.severity = *level;
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
            if (const TableFacts *table = input.catalog->table(lock->relation))
                SizeVerdict::apply(f, *lock, *table, input.catalog->sizesFromTarget);
        }
    }
}

LintResult LintEngine::lint(
    const ParsedScript &script, const LintOptions &options, const SchemaFacts *catalog) const
{
    return lint(script, options, catalog, false);
}

void LintEngine::lintEmbedded(const ParsedScript &script, const ParsedStatement &statement,
    const LintOptions &options, const SchemaFacts *catalog, QList<Finding> &out) const
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
            out << std::move(f);
        }
    }
}

Finding LintEngine::syntaxError(const ParsedScript &script, const ParsedStatement &statement)
{
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
    return f;
}

void LintEngine::checkStatements(
    const LintInput &input, qsizetype from, qsizetype to, bool embedded, QList<Finding> &out) const
{
    const QList<ParsedStatement> &statements = input.script.statements();
    for (qsizetype i = from; i < to; ++i) {
        const ParsedStatement &statement = statements.at(i);
        if (!statement.isValid()) {
            // Inside a body that parsed as PL/pgSQL, its own grammar is not ours.
            if (!embedded)
                out << syntaxError(input.script, statement);
            continue;
        }
        const auto kind = statement.node->node_case;
        if (!embedded
            && (kind == PG_QUERY__NODE__NODE_DO_STMT
                || kind == PG_QUERY__NODE__NODE_CREATE_FUNCTION_STMT))
            lintEmbedded(input.script, statement, input.options, input.catalog, out);
        const auto rules = m_byKind.constFind(int(kind));
        if (rules == m_byKind.constEnd())
            continue;
        for (const Rule *rule : *rules)
            rule->checkStatement(input, statement, out);
    }
}

// Fills in the locks, drops what the script's own tables and the ignore
// comments rule out, and sorts what is left into script order.
void LintEngine::keep(
    const LintInput &input, const Suppressions &suppressions, QList<Finding> &found) const
{
    for (Finding &f : found)
        finish(input, f);
    found.removeIf([&](const Finding &f) {
        // A lock on a table this script created holds up nobody.
        const Rule *rule = m_byId.value(f.rule);
        if (rule && rule->info().aboutExistingData && f.statement >= 0
            && input.facts.createdBefore(f.relation, f.statement - 1))
            return true;
        if (input.options.excludedRules.contains(f.rule))
            return true;
        return suppressions.suppresses(f);
    });
    std::stable_sort(found.begin(), found.end(), inScriptOrder);
}

bool LintEngine::inScriptOrder(const Finding &a, const Finding &b)
{
    return a.range.begin < b.range.begin;
}

LintResult LintEngine::lint(const ParsedScript &script, const LintOptions &given,
    const SchemaFacts *catalog, bool embedded) const
{
    LintResult result;
    const qsizetype count = script.statements().size();
    result.statementCount = int(count);
    const Suppressions suppressions(script, m_knownIds);
    // A file may say its tool does not wrap it in a transaction after all.
    LintOptions options = given;
    if (suppressions.disablesAssumeInTransaction())
        options.assumeInTransaction = false;
    const QList<StatementState> states = trackTransactions(script, options);
    const ScriptFacts facts(script);

    // Statements are independent once the script-wide facts are known: a
    // big migration is checked in blocks, one per core, each with its own
    // findings, concatenated in order at the end.
    const int blocks =
        ParallelBlocks::blockCount(count, ParallelBlocks::statementThreshold, options.threads);
    result.locks.resize(count);
    QList<RelationLock> *locks = result.locks.data();
    ParallelBlocks::run(count, blocks, [&](qsizetype from, qsizetype to, int) {
        LockModel::Context context;
        context.serverVersion = options.serverVersion;
        context.facts = &facts;
        context.catalog = catalog;
        for (qsizetype i = from; i < to; ++i) {
            context.statement = int(i);
            locks[i] = LockModel::locksOf(script.statements().at(i).node, context);
        }
    });

    static std::atomic<quint64> runs {0};
    const LintInput input {script, options, states, result.locks, facts, catalog, ++runs};
    std::vector<QList<Finding>> kept(static_cast<size_t>(blocks));
    ParallelBlocks::run(count, blocks, [&](qsizetype from, qsizetype to, int block) {
        QList<Finding> &found = kept[size_t(block)];
        // Most statements of a migration get a finding or two: room for
        // half again as many, so the list rarely grows (each growth moves
        // every finding).
        found.reserve((to - from) * 3 / 2);
        checkStatements(input, from, to, embedded, found);
        keep(input, suppressions, found);
    });
    QList<Finding> whole;
    if (!embedded) {
        for (const Rule *rule : m_scriptRules)
            rule->checkScript(input, whole);
        keep(input, suppressions, whole);
        whole << suppressions.problems();
        std::stable_sort(whole.begin(), whole.end(), inScriptOrder);
    }

    qsizetype total = whole.size();
    for (const QList<Finding> &block : kept)
        total += block.size();
    // One block's list is the whole; several move once into a list of
    // the right size.
    QList<Finding> perStatement;
    if (kept.size() == 1) {
        perStatement = std::move(kept.front());
    } else {
        perStatement.reserve(total);
        for (QList<Finding> &block : kept) {
            for (Finding &f : block)
                perStatement << std::move(f);
            block = QList<Finding>();
        }
    }
    if (whole.isEmpty()) {
        result.findings = std::move(perStatement);
    } else {
        result.findings.reserve(total);
        std::merge(std::make_move_iterator(perStatement.begin()),
            std::make_move_iterator(perStatement.end()), std::make_move_iterator(whole.begin()),
            std::make_move_iterator(whole.end()), std::back_inserter(result.findings),
            inScriptOrder);
    }
    if (!script.lexed().variables.isEmpty()) {
        const PsqlVariableNames names(script.source().bytes(), script.lexed());
        for (Finding &f : result.findings)
            names.restore(f);
    }
    return result;
}

} // namespace tusk::core
