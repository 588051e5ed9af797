#include "requireconcurrentreindex.h"

#include "statementfix.h"

#include "core/lint/nodetext.h"

#include <pg_query/pg_query.pb-c.h>

namespace tusk::core {

const RuleInfo &RequireConcurrentReindex::info() const
{
    static const RuleInfo info {
        QStringLiteral("require-concurrent-reindex"),
        Severity::Warning,
        QStringLiteral("REINDEX without CONCURRENTLY blocks the table while indexes rebuild"),
        QStringLiteral("A plain REINDEX takes SHARE on the table (every INSERT, UPDATE and "
                       "DELETE waits) and ACCESS EXCLUSIVE on each index it rebuilds, which "
                       "stops reads too: planning any query on the table opens all of its "
                       "indexes. Both are held until the rebuild ends, minutes on a large table."),
        QStringLiteral("REINDEX INDEX CONCURRENTLY name; (or TABLE / SCHEMA / DATABASE "
                       "CONCURRENTLY), PostgreSQL 12 and later, outside a transaction block. It "
                       "builds a new copy under SHARE UPDATE EXCLUSIVE and swaps it in; a failed "
                       "run leaves an INVALID *_ccnew index to drop. Before 12: CREATE INDEX "
                       "CONCURRENTLY a replacement, DROP INDEX CONCURRENTLY the old one, rename."),
        {QStringLiteral("squawk")},
        true,
        true,
    };
    return info;
}

QList<int> RequireConcurrentReindex::nodeKinds() const
{
    return {PG_QUERY__NODE__NODE_REINDEX_STMT};
}

void RequireConcurrentReindex::checkStatement(
    const LintInput &input, const ParsedStatement &statement, QList<Finding> &out) const
{
    const PgQuery__ReindexStmt *reindex = statement.node->reindex_stmt;
    // REINDEX SYSTEM rebuilds catalogs, which cannot be rebuilt concurrently.
    if (reindex->kind == PG_QUERY__REINDEX_OBJECT_TYPE__REINDEX_OBJECT_SYSTEM
        || StatementFix::hasOption(reindex->params, reindex->n_params, "concurrently"))
        return;
    const bool index = reindex->kind == PG_QUERY__REINDEX_OBJECT_TYPE__REINDEX_OBJECT_INDEX;
    const bool table = reindex->kind == PG_QUERY__REINDEX_OBJECT_TYPE__REINDEX_OBJECT_TABLE;
    const QString target = reindex->relation ? NodeText::relation(reindex->relation)
                                             : QString::fromUtf8(reindex->name);
    QString what;
    if (index)
        what = QStringLiteral("REINDEX INDEX %1 blocks writes to its table, and reads that "
                              "plan with its indexes, until it is rebuilt")
                   .arg(target);
    else if (table)
        what = QStringLiteral("REINDEX TABLE %1 blocks writes to it, and reads that plan with "
                              "its indexes, until every index is rebuilt")
                   .arg(target);
    else
        what = QStringLiteral("REINDEX of all of %1 blocks each table in turn while its "
                              "indexes rebuild")
                   .arg(target.isEmpty() ? QStringLiteral("the database") : target);
    Finding f = finding(input, statement, what,
        reindex->relation ? wordAt(input, statement, reindex->relation->location) : ByteRange {});
    f.relation = target;
    f.lock = QStringLiteral("SHARE on %1 and ACCESS EXCLUSIVE on %2: %3")
                 .arg(index ? QStringLiteral("the table of %1").arg(target)
                            : (table ? target : QStringLiteral("each table")),
                     index ? target : QStringLiteral("each index being rebuilt"),
                     LockModes::describeImpact(LockMode::AccessExclusive));
    const int version = input.options.serverVersion;
    const bool inTransaction = input.states.at(statement.index).inTransaction;
    if (version < 120000) {
        f.note = QStringLiteral("PostgreSQL %1 has no REINDEX CONCURRENTLY (it came in 12): "
                                "build a replacement index CONCURRENTLY instead")
                     .arg(version / 10000);
        out << std::move(f);
        return;
    }
    if (inTransaction) {
        f.note = QStringLiteral("REINDEX CONCURRENTLY cannot run inside a transaction block: "
                                "move it to a migration of its own");
        out << std::move(f);
        return;
    }
    thread_local const QRegularExpression head(
        QStringLiteral("^REINDEX(\\s*\\([^)]*\\))?\\s+(INDEX|TABLE|SCHEMA|DATABASE)\\b"),
        QRegularExpression::CaseInsensitiveOption);
    const qsizetype at = StatementFix::afterHead(input, statement, head);
    if (at >= 0)
        f.fix << TextEdit {{at, at}, " CONCURRENTLY"};
    out << std::move(f);
}

} // namespace tusk::core
