#include "transactionnesting.h"

#include <pg_query/pg_query.pb-c.h>

namespace tusk::core {

const RuleInfo &TransactionNesting::info() const
{
    static const RuleInfo info {
        QStringLiteral("transaction-nesting"),
        Severity::Warning,
        QStringLiteral("BEGIN inside a transaction, COMMIT of the migration tool's transaction, "
                       "or COMMIT/ROLLBACK with none open"),
        QStringLiteral("PostgreSQL has no nested transactions: a second BEGIN only warns, and the "
                       "first COMMIT ends the outer transaction, so the statements after it run "
                       "outside any transaction and a failure half-way leaves the schema half "
                       "migrated. When the migration tool wraps the file in a transaction "
                       "(--assume-in-transaction), a COMMIT or ROLLBACK in the file ends the "
                       "tool's transaction early. A COMMIT or ROLLBACK with no transaction open "
                       "only warns: the statements it was meant to end, or undo, already ran "
                       "one by one."),
        QStringLiteral("Leave transaction control to the tool, or open exactly one BEGIN … "
                       "COMMIT per file; use SAVEPOINT for a nested unit of work."),
        {QStringLiteral("squawk")},
        false,
    };
    return info;
}

void TransactionNesting::checkScript(const LintInput &input, QList<Finding> &out) const
{
    // The server's own state, one level deep as in PostgreSQL: whether a
    // transaction is open, whether the migration tool opened it, and
    // whether a BEGIN was ignored inside it (its COMMIT is reported there).
    bool open = input.options.assumeInTransaction;
    bool toolOwns = open;
    bool ignoredBegin = false;
    for (const ParsedStatement &s : input.script.statements()) {
        if (!s.node || s.node->node_case != PG_QUERY__NODE__NODE_TRANSACTION_STMT)
            continue;
        switch (s.node->transaction_stmt->kind) {
        case PG_QUERY__TRANSACTION_STMT_KIND__TRANS_STMT_BEGIN:
        case PG_QUERY__TRANSACTION_STMT_KIND__TRANS_STMT_START:
            if (open) {
                out << finding(input, s,
                    toolOwns ? QStringLiteral("BEGIN inside the transaction the migration tool "
                                              "opens is ignored; its COMMIT ends the tool's "
                                              "transaction")
                             : QStringLiteral("BEGIN inside an open transaction is ignored; its "
                                              "COMMIT will end the outer one"));
                ignoredBegin = true;
            } else {
                open = true;
                toolOwns = false;
            }
            break;
        case PG_QUERY__TRANSACTION_STMT_KIND__TRANS_STMT_COMMIT:
        case PG_QUERY__TRANSACTION_STMT_KIND__TRANS_STMT_ROLLBACK: {
            const bool rollback = s.node->transaction_stmt->kind
                == PG_QUERY__TRANSACTION_STMT_KIND__TRANS_STMT_ROLLBACK;
            if (!open)
                out << finding(input, s,
                    rollback ? QStringLiteral("ROLLBACK with no transaction open: PostgreSQL only "
                                              "warns, and nothing is rolled back; the statements "
                                              "before it are committed already")
                             : QStringLiteral("COMMIT with no transaction open: PostgreSQL only "
                                              "warns; the statements before it already ran one "
                                              "by one"));
            else if (toolOwns && !ignoredBegin)
                out << finding(input, s,
                    QStringLiteral("this ends the transaction the migration tool opened "
                                   "around the file; later statements run outside it"));
            open = false;
            toolOwns = false;
            ignoredBegin = false;
            break;
        }
        default:
            break;
        }
    }
}

} // namespace tusk::core
