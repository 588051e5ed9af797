#include "requireconcurrentindexcreation.h"

#include "core/lint/nodetext.h"

#include <pg_query/pg_query.pb-c.h>

#include <QRegularExpression>

namespace tusk::core {

const RuleInfo &RequireConcurrentIndexCreation::info() const
{
    static const RuleInfo info {
        QStringLiteral("require-concurrent-index-creation"),
        Severity::Warning,
        QStringLiteral("CREATE INDEX without CONCURRENTLY blocks writes for the whole build"),
        QStringLiteral("A plain CREATE INDEX takes a SHARE lock on the table and holds it until "
                       "the index is built: every INSERT, UPDATE and DELETE waits, for minutes "
                       "on a large table. Reads go on."),
        QStringLiteral("CREATE INDEX CONCURRENTLY, outside a transaction block. It takes SHARE "
                       "UPDATE EXCLUSIVE (writes go on) and scans the table twice; if it fails "
                       "it leaves an INVALID index to drop and build again."),
        {QStringLiteral("squawk"), QStringLiteral("strong_migrations"), QStringLiteral("eugene")},
    };
    return info;
}

QList<int> RequireConcurrentIndexCreation::nodeKinds() const
{
    return {PG_QUERY__NODE__NODE_INDEX_STMT};
}

void RequireConcurrentIndexCreation::checkStatement(
    const LintInput &input, const ParsedStatement &statement, QList<Finding> &out) const
{
    const PgQuery__IndexStmt *index = statement.node->index_stmt;
    if (index->concurrent)
        return;
    const QString table = NodeText::relation(index->relation);
    Finding f = finding(input, statement,
        QStringLiteral("CREATE INDEX on %1 blocks writes to it until the index is built")
            .arg(table));
    f.relation = table;
    // The mechanical rewrite, where it can run: not inside a transaction.
    thread_local const QRegularExpression keyword(
        QStringLiteral("^CREATE\\s+(UNIQUE\\s+)?INDEX\\b"),
        QRegularExpression::CaseInsensitiveOption);
    const QByteArray &bytes = input.script.source().bytes();
    const QString head = QString::fromUtf8(
        bytes.constData() + statement.range.begin, std::min<qsizetype>(statement.range.size(), 64));
    const QRegularExpressionMatch match = keyword.match(head);
    if (match.hasMatch() && !input.states.at(statement.index).inTransaction) {
        // The head is ASCII up to the keyword, so characters are bytes.
        const qsizetype at = statement.range.begin + match.capturedEnd();
        f.fix << TextEdit {{at, at}, " CONCURRENTLY"};
    }
    out << std::move(f);
}

} // namespace tusk::core
