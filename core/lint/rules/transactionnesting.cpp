#include "transactionnesting.h"

#include <pg_query/pg_query.pb-c.h>

namespace tusk::core {

const RuleInfo &TransactionNesting::info() const
{
    static const RuleInfo info {
        QStringLiteral("transaction-nesting"),
        Severity::Warning,
        QStringLiteral("BEGIN inside a transaction, or COMMIT of the migration tool's transaction"),
        QStringLiteral("PostgreSQL has no nested transactions: a second BEGIN only warns, and the "
                       "first COMMIT ends the outer transaction, so the statements after it run "
                       "outside any transaction and a failure half-way leaves the schema half "
                       "migrated. When the migration tool wraps the file in a transaction "
                       "(--assume-in-transaction), a COMMIT or ROLLBACK in the file ends the "
                       "tool's transaction early."),
        QStringLiteral("Leave transaction control to the tool, or open exactly one BEGIN … "
                       "COMMIT per file; use SAVEPOINT for a nested unit of work."),
        {QStringLiteral("squawk")},
        false,
    };
    return info;
}

void TransactionNesting::checkScript(const LintInput &input, QList<Finding> &out) const
{
    bool explicitOpen = false;
    const bool assumed = input.options.assumeInTransaction;
    for (const ParsedStatement &s : input.script.statements()) {
        if (!s.node || s.node->node_case != PG_QUERY__NODE__NODE_TRANSACTION_STMT)
            continue;
        switch (s.node->transaction_stmt->kind) {
        case PG_QUERY__TRANSACTION_STMT_KIND__TRANS_STMT_BEGIN:
        case PG_QUERY__TRANSACTION_STMT_KIND__TRANS_STMT_START:
            if (explicitOpen || assumed)
                out << finding(input, s,
                    explicitOpen ? QStringLiteral("BEGIN inside an open transaction is ignored; "
                                                  "its COMMIT will end the outer one")
                                 : QStringLiteral("BEGIN inside the transaction the migration "
                                                  "tool opens is ignored; its COMMIT ends the "
                                                  "tool's transaction"));
            explicitOpen = true;
            break;
        case PG_QUERY__TRANSACTION_STMT_KIND__TRANS_STMT_COMMIT:
        case PG_QUERY__TRANSACTION_STMT_KIND__TRANS_STMT_ROLLBACK:
            if (assumed && !explicitOpen)
                out << finding(input, s,
                    QStringLiteral("this ends the transaction the migration tool opened "
                                   "around the file; later statements run outside it"));
            explicitOpen = false;
            break;
        default:
            break;
        }
    }
}

} // namespace tusk::core
