#pragma once

#include "planimpactjudge.h"

#include "core/pg/conninfo.h"
#include "core/plan/plan.h"

#include <QObject>
#include <QSet>

namespace tusk::core {

class Connection;

// The plan impact of a migration (issue 25, point 6): the queries that
// matter, explained on a scratch database before and after the migration
// runs there, each pair judged (PlanImpactJudge) and the list ordered
// worst first. Queries are explained as generic plans (PostgreSQL 16's
// GENERIC_PLAN; before 16, PREPARE with plan_cache_mode =
// force_generic_plan and EXECUTE with NULLs), so a normalized statement
// from pg_stat_statements ($1, $2) is explained as the server would plan
// it for any values. Only queries whose plan before the migration reads a
// table or an index the migration changes are kept, unless the user gave
// them (`keepAll`). Never run anywhere but on a scratch database: the
// migration is applied there for real. Asynchronous.
class PlanImpact : public QObject {
    Q_OBJECT
public:
    struct Query {
        QString sql;
        QString source; // "queries.sql, statement 3", "pg_stat_statements: 1,204 calls, 8.1 s"
    };
    struct Outcome {
        Query query;
        Plan before;
        Plan after;
        QString error; // could not be explained (before or after)
        ImpactVerdict verdict;
    };

    explicit PlanImpact(QObject *parent = nullptr);
    ~PlanImpact() override;

    // The tables and indexes `migration` changes, as written (for the
    // relevance filter and for the report).
    static QSet<QString> changedNames(const QByteArray &migration);
    // Whether `plan` reads one of `names` (a table or an index, qualified
    // or not).
    static bool touches(const Plan &plan, const QSet<QString> &names);
    // Highest $n in `sql` outside quotes and comments: the parameters a
    // normalized statement needs.
    static int parameterCount(const QString &sql);

    void run(const ConnInfo &scratch, const QByteArray &migration, const QList<Query> &queries,
        bool keepAll, double factor = 2.0);
    // The target's `limit` statements of most total time in its database,
    // from pg_stat_statements (DML and queries only): topQueriesRead().
    void readTopQueries(const ConnInfo &target, int limit);

signals:
    void progress(const QString &step);
    // Worst first.
    void finished(const QList<tusk::core::PlanImpact::Outcome> &outcomes);
    void failed(const QString &error);
    void topQueriesRead(const QList<tusk::core::PlanImpact::Query> &queries, const QString &error);

private:
    void explainAll(bool after, const std::function<void()> &then);
    void explainOne(int index, bool after, const std::function<void()> &then);
    void applyMigration(int statement);
    void finish();

    Connection *m_connection = nullptr;
    QByteArray m_migration;
    QList<Outcome> m_outcomes;
    QSet<QString> m_changed;
    bool m_keepAll = false;
    double m_factor = 2.0;
    int m_serverVersion = 0;
};

} // namespace tusk::core

Q_DECLARE_METATYPE(tusk::core::PlanImpact::Outcome)
Q_DECLARE_METATYPE(QList<tusk::core::PlanImpact::Query>)
