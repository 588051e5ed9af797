#include "indexwithmanycolumns.h"

#include "core/lint/nodetext.h"

#include <pg_query/pg_query.pb-c.h>

namespace tusk::core {

namespace {
constexpr int kMostColumns = 3;
} // namespace

const RuleInfo &IndexWithManyColumns::info() const
{
    static const RuleInfo info {
        QStringLiteral("index-with-many-columns"),
        Severity::Info,
        QStringLiteral("An index over more than three columns"),
        QStringLiteral("A B-tree index helps a query only through its leading columns, so the "
                       "fourth and later ones rarely pay for themselves: they make the index "
                       "larger, every insert and update of the table slower, and its build "
                       "longer. strong_migrations notes it for the same reason."),
        QStringLiteral("Index the columns queries filter on most selectively, three at most; "
                       "move columns only read into INCLUDE (…) for an index-only scan, or "
                       "split the index."),
        {QStringLiteral("strong_migrations")},
        false,
    };
    return info;
}

QList<int> IndexWithManyColumns::nodeKinds() const
{
    return {PG_QUERY__NODE__NODE_INDEX_STMT};
}

void IndexWithManyColumns::checkStatement(
    const LintInput &input, const ParsedStatement &statement, QList<Finding> &out) const
{
    const PgQuery__IndexStmt *index = statement.node->index_stmt;
    // INCLUDE columns are not key columns and are not counted.
    if (int(index->n_index_params) <= kMostColumns)
        return;
    Finding f = finding(input, statement,
        QStringLiteral("index %1 on %2 has %3 key columns; only the leading ones help queries")
            .arg(index->idxname && *index->idxname ? QString::fromUtf8(index->idxname)
                                                   : QStringLiteral("(unnamed)"),
                NodeText::relation(index->relation))
            .arg(index->n_index_params));
    f.relation = NodeText::relation(index->relation);
    out << std::move(f);
}

} // namespace tusk::core
