#include "banuncommittedtransaction.h"

#include <pg_query/pg_query.pb-c.h>

namespace tusk::core {

const RuleInfo &BanUncommittedTransaction::info() const
{
    static const RuleInfo info {
        QStringLiteral("ban-uncommitted-transaction"),
        Severity::Warning,
        QStringLiteral("BEGIN without a COMMIT or ROLLBACK before the end of the file"),
        QStringLiteral("An open transaction at the end of a migration keeps every lock it took "
                       "until the session ends (or the tool's own COMMIT), and psql rolls it back "
                       "on exit: the changes may silently vanish, or ACCESS EXCLUSIVE locks stay "
                       "held far longer than planned."),
        QStringLiteral("End the file with COMMIT (add it with --fix)."),
        {QStringLiteral("squawk")},
        false,
        true,
    };
    return info;
}

void BanUncommittedTransaction::checkScript(const LintInput &input, QList<Finding> &out) const
{
    const ParsedStatement *open = nullptr;
    for (const ParsedStatement &s : input.script.statements()) {
        if (!s.node || s.node->node_case != PG_QUERY__NODE__NODE_TRANSACTION_STMT)
            continue;
        switch (s.node->transaction_stmt->kind) {
        case PG_QUERY__TRANSACTION_STMT_KIND__TRANS_STMT_BEGIN:
        case PG_QUERY__TRANSACTION_STMT_KIND__TRANS_STMT_START:
            if (!open)
                open = &s;
            break;
        case PG_QUERY__TRANSACTION_STMT_KIND__TRANS_STMT_COMMIT:
        case PG_QUERY__TRANSACTION_STMT_KIND__TRANS_STMT_ROLLBACK:
        case PG_QUERY__TRANSACTION_STMT_KIND__TRANS_STMT_PREPARE:
            open = nullptr;
            break;
        default:
            break;
        }
    }
    if (!open)
        return;
    Finding f = finding(input, *open,
        QStringLiteral("this transaction is never committed or rolled back in the file"));
    const QByteArray &bytes = input.script.source().bytes();
    const qsizetype end = bytes.size();
    QByteArray commit = "COMMIT;\n";
    if (end > 0 && bytes.at(end - 1) != '\n')
        commit.prepend('\n');
    // A last statement without its ';' would swallow the COMMIT.
    const qsizetype lastEnd = input.script.statements().last().range.end;
    qsizetype next = lastEnd;
    while (next < end && QChar::isSpace(uchar(bytes.at(next))))
        ++next;
    if (next >= end || bytes.at(next) != ';')
        commit.prepend(';');
    f.fix << TextEdit {{end, end}, commit};
    out << std::move(f);
}

} // namespace tusk::core
