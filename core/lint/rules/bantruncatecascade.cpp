#include "bantruncatecascade.h"

#include "core/lint/nodetext.h"

#include <pg_query/pg_query.pb-c.h>

#include <QRegularExpression>

namespace tusk::core {

const RuleInfo &BanTruncateCascade::info() const
{
    static const RuleInfo info {
        QStringLiteral("ban-truncate-cascade"),
        Severity::Warning,
        QStringLiteral("TRUNCATE … CASCADE empties every table that references the named ones"),
        QStringLiteral("CASCADE makes TRUNCATE follow foreign keys backwards: every table with "
                       "a foreign key to a truncated table is truncated too, then the tables "
                       "referencing those, however far the chain goes. None of them appears in "
                       "the statement, and each is locked ACCESS EXCLUSIVE and emptied."),
        QStringLiteral("Name every table to empty in one TRUNCATE without CASCADE (TRUNCATE a, "
                       "b, c;): it fails if a table outside the list still references one of "
                       "them, instead of silently emptying it."),
        {QStringLiteral("squawk")},
        false,
    };
    return info;
}

QList<int> BanTruncateCascade::nodeKinds() const
{
    return {PG_QUERY__NODE__NODE_TRUNCATE_STMT};
}

void BanTruncateCascade::checkStatement(
    const LintInput &input, const ParsedStatement &statement, QList<Finding> &out) const
{
    const PgQuery__TruncateStmt *truncate = statement.node->truncate_stmt;
    if (truncate->behavior != PG_QUERY__DROP_BEHAVIOR__DROP_CASCADE)
        return;
    QStringList tables;
    for (size_t i = 0; i < truncate->n_relations; ++i) {
        if (truncate->relations[i]->node_case == PG_QUERY__NODE__NODE_RANGE_VAR)
            tables << NodeText::relation(truncate->relations[i]->range_var);
    }
    // CASCADE closes the statement; the parser keeps no position for it.
    thread_local const QRegularExpression keyword(
        QStringLiteral("\\bCASCADE\\b"), QRegularExpression::CaseInsensitiveOption);
    const QByteArray sql = text(input, statement);
    ByteRange range;
    QRegularExpressionMatchIterator it = keyword.globalMatch(QString::fromLatin1(sql));
    while (it.hasNext()) {
        // Latin-1 keeps one character per byte, so positions are byte offsets.
        const QRegularExpressionMatch m = it.next();
        range = {
            statement.range.begin + m.capturedStart(), statement.range.begin + m.capturedEnd()};
    }
    Finding f = finding(input, statement,
        QStringLiteral("TRUNCATE %1 CASCADE also empties every table with a foreign key to %2, "
                       "and theirs in turn")
            .arg(tables.join(QStringLiteral(", ")),
                tables.size() == 1 ? tables.first() : QStringLiteral("them")),
        range);
    f.relation = tables.value(0);
    out << std::move(f);
}

} // namespace tusk::core
