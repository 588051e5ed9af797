#include "preferrepack.h"

#include "statementfix.h"

#include "core/lint/nodetext.h"

#include <pg_query/pg_query.pb-c.h>

namespace tusk::core {

const RuleInfo &PreferRepack::info() const
{
    static const QString explanation =
        QStringLiteral("VACUUM FULL and CLUSTER copy every row into a new file and rebuild every "
                       "index while holding ACCESS EXCLUSIVE on the table: no reads, no writes "
                       "for the whole copy, and twice the table's disk space meanwhile.");
    static const RuleInfo inCore {
        QStringLiteral("prefer-repack"),
        Severity::Warning,
        QStringLiteral("VACUUM FULL or CLUSTER where REPACK (CONCURRENTLY) exists (PostgreSQL "
                       "19+)"),
        explanation
            + QStringLiteral(" Only checked for PostgreSQL 19 and later "
                             "(--pg-version, or the catalog's server); before 19 the "
                             "same statements are prefer-pg-repack."),
        QStringLiteral("REPACK (CONCURRENTLY) t [USING INDEX i] copies while writes go on and "
                       "locks only briefly to swap; --fix rewrites a one-table statement. Often "
                       "a plain VACUUM is enough."),
        {QStringLiteral("squawk")},
        true,
        true,
    };
    static const RuleInfo extension {
        QStringLiteral("prefer-pg-repack"),
        Severity::Warning,
        QStringLiteral("VACUUM FULL and CLUSTER lock the table for a full rewrite (before "
                       "PostgreSQL 19)"),
        explanation
            + QStringLiteral(" Checked for targets before PostgreSQL 19; from 19 the "
                             "same statements are prefer-repack."),
        QStringLiteral("Rewrite online with pg_repack (pg_repack --table=t, --order-by for "
                       "CLUSTER's ordering) or pg_squeeze: they copy while writes go on and "
                       "lock only briefly to swap. Often a plain VACUUM is enough."),
        {},
    };
    return m_inCore ? inCore : extension;
}

QList<int> PreferRepack::nodeKinds() const
{
    return {PG_QUERY__NODE__NODE_VACUUM_STMT, PG_QUERY__NODE__NODE_CLUSTER_STMT};
}

void PreferRepack::checkStatement(
    const LintInput &input, const ParsedStatement &statement, QList<Finding> &out) const
{
    if ((input.options.serverVersion >= kRepackVersion) != m_inCore)
        return; // the other id's version
    const QString repack =
        m_inCore ? QStringLiteral("REPACK (CONCURRENTLY)") : QStringLiteral("pg_repack");
    if (statement.node->node_case == PG_QUERY__NODE__NODE_CLUSTER_STMT) {
        const PgQuery__ClusterStmt *cluster = statement.node->cluster_stmt;
        const QString table = NodeText::relation(cluster->relation);
        Finding f = finding(input, statement,
            table.isEmpty()
                ? QStringLiteral("CLUSTER rewrites every table clustered before, each under "
                                 "ACCESS EXCLUSIVE")
                : QStringLiteral("CLUSTER %1 rewrites %1 under ACCESS EXCLUSIVE: reads and "
                                 "writes wait for the whole copy; prefer %2")
                      .arg(table, repack));
        f.relation = table;
        if (m_inCore && cluster->relation)
            f.fix << StatementFix::replace(input, statement,
                QStringLiteral("REPACK (CONCURRENTLY) %1 USING INDEX%2")
                    .arg(StatementFix::relation(cluster->relation),
                        *cluster->indexname ? QLatin1Char(' ')
                                + StatementFix::ident(QString::fromUtf8(cluster->indexname))
                                            : QString()));
        out << std::move(f);
        return;
    }
    const PgQuery__VacuumStmt *vacuum = statement.node->vacuum_stmt;
    if (!vacuum->is_vacuumcmd
        || !StatementFix::hasOption(vacuum->options, vacuum->n_options, "full"))
        return;
    if (vacuum->n_rels == 0) {
        out << finding(input, statement,
            QStringLiteral("VACUUM FULL rewrites every table of the database, each under ACCESS "
                           "EXCLUSIVE"));
        return;
    }
    // One finding per table, so a table this script created drops out alone.
    for (size_t i = 0; i < vacuum->n_rels; ++i) {
        if (vacuum->rels[i]->node_case != PG_QUERY__NODE__NODE_VACUUM_RELATION)
            continue;
        const PgQuery__RangeVar *range = vacuum->rels[i]->vacuum_relation->relation;
        const QString table = NodeText::relation(range);
        Finding f = finding(input, statement,
            QStringLiteral("VACUUM FULL %1 rewrites %1 under ACCESS EXCLUSIVE: reads and writes "
                           "wait for the whole copy; prefer %2")
                .arg(table, repack),
            range ? wordAt(input, statement, range->location) : ByteRange {});
        f.relation = table;
        if (m_inCore && vacuum->n_rels == 1 && range)
            f.fix << StatementFix::replace(input, statement,
                QStringLiteral("REPACK (CONCURRENTLY) %1").arg(StatementFix::relation(range)));
        out << std::move(f);
    }
}

} // namespace tusk::core
