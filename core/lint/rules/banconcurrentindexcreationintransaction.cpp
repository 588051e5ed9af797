#include "banconcurrentindexcreationintransaction.h"

#include "core/lint/outsidetransaction.h"

#include <pg_query/pg_query.pb-c.h>

namespace tusk::core {

const RuleInfo &BanConcurrentIndexCreationInTransaction::info() const
{
    static const RuleInfo info {
        QStringLiteral("ban-concurrent-index-creation-in-transaction"),
        Severity::Error,
        QStringLiteral("A CONCURRENTLY command inside a transaction block fails"),
        QStringLiteral("CREATE INDEX CONCURRENTLY, DROP INDEX CONCURRENTLY, REINDEX CONCURRENTLY "
                       "and DETACH PARTITION CONCURRENTLY commit internally between their "
                       "phases, so PostgreSQL refuses them inside BEGIN … COMMIT (or a migration "
                       "tool's implicit transaction): \"cannot run inside a transaction block\". "
                       "The migration stops there, and everything before it in the transaction "
                       "is rolled back."),
        QStringLiteral("Run the statement outside any transaction: end the transaction before "
                       "it (COMMIT; CREATE INDEX CONCURRENTLY …;), or put it in a migration of "
                       "its own with the tool's transaction turned off (Rails "
                       "disable_ddl_transaction!, Flyway executeInTransaction=false, "
                       "graphile-migrate --! no-transaction)."),
        {QStringLiteral("squawk")},
        false,
    };
    return info;
}

QList<int> BanConcurrentIndexCreationInTransaction::nodeKinds() const
{
    return {PG_QUERY__NODE__NODE_INDEX_STMT, PG_QUERY__NODE__NODE_DROP_STMT,
        PG_QUERY__NODE__NODE_REINDEX_STMT, PG_QUERY__NODE__NODE_ALTER_TABLE_STMT};
}

void BanConcurrentIndexCreationInTransaction::checkStatement(
    const LintInput &input, const ParsedStatement &statement, QList<Finding> &out) const
{
    const StatementState &state = input.states.at(statement.index);
    if (!state.inTransaction)
        return;
    // The maintenance commands (VACUUM, …) are not this rule's: only the
    // CONCURRENTLY ones are written into migrations by mistake.
    const OutsideTransaction::Command outside = OutsideTransaction::of(statement.node);
    if (!outside.concurrently)
        return;
    const QString &command = outside.name;
    const QString &relation = outside.relation;
    Finding f = finding(input, statement,
        QStringLiteral("%1 cannot run inside a transaction block: this statement fails")
            .arg(command));
    f.relation = relation;
    // PostgreSQL refuses the statement before it locks anything.
    f.lock = QStringLiteral("none: the statement is refused before it takes a lock");
    f.note = input.options.assumeInTransaction
        ? QStringLiteral("the file runs inside one transaction (assumed for the whole file)")
        : QStringLiteral("inside the transaction opened by BEGIN");
    out << std::move(f);
}

} // namespace tusk::core
