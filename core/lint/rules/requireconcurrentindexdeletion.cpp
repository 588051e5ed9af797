#include "requireconcurrentindexdeletion.h"

#include "statementfix.h"

#include "core/lint/nodetext.h"
#include "core/lint/scriptfacts.h"

#include <pg_query/pg_query.pb-c.h>

namespace tusk::core {

namespace {
// The table of an index the script itself built before `statement`, when
// that table is new too: dropping such an index blocks nobody.
bool onNewTable(const LintInput &input, const QString &index, int statement)
{
    const QString name = ScriptFacts::tableName(index);
    for (const ParsedStatement &s : input.script.statements()) {
        if (s.index >= statement)
            break;
        if (!s.node || s.node->node_case != PG_QUERY__NODE__NODE_INDEX_STMT)
            continue;
        const PgQuery__IndexStmt *create = s.node->index_stmt;
        if (QString::fromUtf8(create->idxname) == name)
            return input.facts.createdBefore(NodeText::relation(create->relation), s.index);
    }
    return false;
}
} // namespace

const RuleInfo &RequireConcurrentIndexDeletion::info() const
{
    static const RuleInfo info {
        QStringLiteral("require-concurrent-index-deletion"),
        Severity::Warning,
        QStringLiteral("DROP INDEX without CONCURRENTLY blocks reads and writes of its table"),
        QStringLiteral("A plain DROP INDEX takes ACCESS EXCLUSIVE on the index's table. The "
                       "drop itself is quick, but it must first wait for every running query on "
                       "the table, and while it waits every new SELECT, INSERT, UPDATE and "
                       "DELETE queues behind it: one long report stalls the whole table."),
        QStringLiteral("DROP INDEX CONCURRENTLY name; outside a transaction block, one index per "
                       "statement and without CASCADE. It takes SHARE UPDATE EXCLUSIVE, waits "
                       "for running transactions instead of blocking new ones, and if it fails "
                       "leaves an INVALID index to drop again."),
        {QStringLiteral("squawk"), QStringLiteral("strong_migrations")},
        true,
        true,
    };
    return info;
}

QList<int> RequireConcurrentIndexDeletion::nodeKinds() const
{
    return {PG_QUERY__NODE__NODE_DROP_STMT};
}

void RequireConcurrentIndexDeletion::checkStatement(
    const LintInput &input, const ParsedStatement &statement, QList<Finding> &out) const
{
    const PgQuery__DropStmt *drop = statement.node->drop_stmt;
    if (drop->remove_type != PG_QUERY__OBJECT_TYPE__OBJECT_INDEX || drop->concurrent)
        return;
    QStringList names;
    for (size_t i = 0; i < drop->n_objects; ++i)
        names << NodeText::dotted(drop->objects[i]);
    const bool allNew = std::all_of(names.begin(), names.end(),
        [&](const QString &name) { return onNewTable(input, name, statement.index); });
    if (names.isEmpty() || allNew)
        return;
    Finding f = finding(input, statement,
        QStringLiteral("DROP INDEX %1 takes ACCESS EXCLUSIVE on its table: reads and writes "
                       "wait until it is dropped")
            .arg(names.join(QStringLiteral(", "))));
    f.relation = names.first();
    f.lock = QStringLiteral("ACCESS EXCLUSIVE on the table of %1: %2")
                 .arg(names.first(), LockModes::describeImpact(LockMode::AccessExclusive));
    const bool inTransaction = input.states.at(statement.index).inTransaction;
    const bool cascade = drop->behavior == PG_QUERY__DROP_BEHAVIOR__DROP_CASCADE;
    if (inTransaction)
        f.note = QStringLiteral("DROP INDEX CONCURRENTLY cannot run inside a transaction block: "
                                "move it to a migration of its own");
    else if (names.size() > 1)
        f.note = QStringLiteral("DROP INDEX CONCURRENTLY drops one index: write one statement "
                                "per index");
    else if (cascade)
        f.note = QStringLiteral("DROP INDEX CONCURRENTLY does not take CASCADE: drop the "
                                "dependent objects first");
    if (!inTransaction && names.size() == 1 && !cascade) {
        thread_local const QRegularExpression head(
            QStringLiteral("^DROP\\s+INDEX\\b"), QRegularExpression::CaseInsensitiveOption);
        const qsizetype at = StatementFix::afterHead(input, statement, head);
        if (at >= 0)
            f.fix << TextEdit {{at, at}, " CONCURRENTLY"};
    }
    out << std::move(f);
}

} // namespace tusk::core
