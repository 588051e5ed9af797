#include "planimpact.h"

#include "core/activity/lockwaitcheck.h"
#include "core/pg/connection.h"
#include "core/pg/result.h"
#include "core/plan/planreader.h"
#include "core/sql/statementfinder.h"

#include <algorithm>

namespace tusk::core {

PlanImpact::PlanImpact(QObject *parent)
    : QObject(parent)
{
}

PlanImpact::~PlanImpact() = default;

QSet<QString> PlanImpact::changedNames(const QByteArray &migration)
{
    QSet<QString> names;
    for (const LockWaitCheck::Target &t : LockWaitCheck::targetsOf(migration)) {
        QString name = t.relation;
        name.remove(QLatin1Char('"'));
        names.insert(name);
        names.insert(name.section(QLatin1Char('.'), -1)); // plans name tables unqualified
    }
    return names;
}

bool PlanImpact::touches(const Plan &plan, const QSet<QString> &names)
{
    for (const PlanNode &n : plan.nodes) {
        if ((!n.relation.isEmpty()
                && (names.contains(n.relation)
                    || names.contains(n.schema + QLatin1Char('.') + n.relation)))
            || (!n.index.isEmpty() && names.contains(n.index)))
            return true;
    }
    return false;
}

int PlanImpact::parameterCount(const QString &sql)
{
    int highest = 0;
    const qsizetype size = sql.size();
    for (qsizetype i = 0; i < size; ++i) {
        const QChar c = sql.at(i);
        if (c == QLatin1Char('\'') || c == QLatin1Char('"')) { // a literal or a quoted name
            for (++i; i < size && sql.at(i) != c; ++i) { }
        } else if (c == QLatin1Char('-') && i + 1 < size && sql.at(i + 1) == QLatin1Char('-')) {
            while (i < size && sql.at(i) != QLatin1Char('\n'))
                ++i;
        } else if (c == QLatin1Char('/') && i + 1 < size && sql.at(i + 1) == QLatin1Char('*')) {
            const qsizetype end = sql.indexOf(QLatin1String("*/"), i + 2);
            i = end < 0 ? size : end + 1;
        } else if (c == QLatin1Char('$') && i + 1 < size && sql.at(i + 1).isDigit()) {
            qsizetype j = i + 1;
            while (j < size && sql.at(j).isDigit())
                ++j;
            highest = std::max(highest, sql.mid(i + 1, j - i - 1).toInt());
            i = j - 1;
        }
    }
    return highest;
}

void PlanImpact::run(const ConnInfo &scratch, const QByteArray &migration,
    const QList<Query> &queries, bool keepAll, double factor)
{
    m_migration = migration;
    m_changed = changedNames(migration);
    m_keepAll = keepAll;
    m_factor = factor;
    m_outcomes.clear();
    for (const Query &q : queries)
        m_outcomes << Outcome {q, {}, {}, {}, {}};
    delete m_connection;
    m_connection = new Connection(this);
    m_connection->setAutoReconnect(false);
    connect(m_connection, &Connection::openFailed, this, [this](const PgError &e) {
        emit failed(tr("Cannot open the scratch database: %1").arg(e.message));
    });
    connect(m_connection, &Connection::opened, this, [this](const ServerInfo &server) {
        m_serverVersion = server.versionNumber;
        // Before 16 a generic plan comes from a prepared statement the
        // planner is told not to fit to its parameters.
        m_connection->execute(QStringLiteral("SET plan_cache_mode = force_generic_plan"), {}, this,
            [this](const QList<Result> &, const PgError &) {
                emit progress(tr("Explaining %n query(s) before the migration…", nullptr,
                    int(m_outcomes.size())));
                explainAll(false, [this] { applyMigration(0); });
            });
    });
    m_connection->open(scratch);
}

void PlanImpact::readTopQueries(const ConnInfo &target, int limit)
{
    auto *connection = new Connection(this);
    connection->setAutoReconnect(false);
    connect(connection, &Connection::openFailed, this, [this, connection](const PgError &e) {
        connection->deleteLater();
        emit topQueriesRead({}, e.message);
    });
    connect(connection, &Connection::opened, this, [this, connection, limit] {
        connection->execute(QStringLiteral("SELECT extnamespace::regnamespace::text FROM "
                                           "pg_extension WHERE extname = 'pg_stat_statements'"),
            {}, this, [this, connection, limit](const QList<Result> &found, const PgError &e) {
                if (!e.isNull() || found.isEmpty() || found.first().rowCount() == 0) {
                    connection->deleteLater();
                    return emit topQueriesRead({},
                        e.isNull() ? tr("pg_stat_statements is not installed in the target "
                                        "database: give the queries with --queries FILE")
                                   : e.message);
                }
                // Twice as many as asked: some will not concern the migration.
                const QString sql = QStringLiteral(
                    "SELECT query, calls, total_exec_time FROM %1.pg_stat_statements "
                    "WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database()) "
                    "AND query ~* '^\\s*(select|with|insert|update|delete|merge)\\M' "
                    "ORDER BY total_exec_time DESC LIMIT %2")
                                        .arg(found.first().text(0, 0))
                                        .arg(limit * 2);
                connection->execute(sql, {}, this,
                    [this, connection](const QList<Result> &rows, const PgError &e2) {
                        connection->deleteLater();
                        QList<Query> queries;
                        for (int r = 0; !rows.isEmpty() && r < rows.first().rowCount(); ++r) {
                            const Result &t = rows.first();
                            queries << Query {t.text(r, 0),
                                tr("pg_stat_statements: %1 calls, %2 ms in all")
                                    .arg(t.text(r, 1))
                                    .arg(t.text(r, 2).toDouble(), 0, 'f', 0)};
                        }
                        emit topQueriesRead(queries, e2.isNull() ? QString() : e2.message);
                    });
            });
    });
    connection->open(target);
}

void PlanImpact::explainAll(bool after, const std::function<void()> &then)
{
    explainOne(0, after, then);
}

void PlanImpact::explainOne(int index, bool after, const std::function<void()> &then)
{
    if (index >= m_outcomes.size())
        return then();
    Outcome &o = m_outcomes[index];
    if (after && (!o.error.isEmpty() || o.before.isEmpty()))
        return explainOne(index + 1, after, then); // nothing to compare with
    QString sql = o.query.sql.trimmed();
    while (sql.endsWith(QLatin1Char(';')))
        sql.chop(1);
    QString request;
    if (m_serverVersion >= 160000) {
        request = QStringLiteral("EXPLAIN (GENERIC_PLAN, FORMAT JSON) ") + sql;
    } else {
        const int count = parameterCount(sql);
        QStringList nulls;
        for (int i = 0; i < count; ++i)
            nulls << QStringLiteral("NULL");
        request = QStringLiteral("DEALLOCATE ALL; PREPARE tusk_impact AS %1;\n"
                                 "EXPLAIN (FORMAT JSON) EXECUTE tusk_impact%2")
                      .arg(sql,
                          count > 0 ? QLatin1Char('(') + nulls.join(QStringLiteral(", "))
                                  + QLatin1Char(')')
                                    : QString());
    }
    m_connection->execute(request, {}, this,
        [this, index, after, then](const QList<Result> &results, const PgError &e) {
            Outcome &o = m_outcomes[index];
            if (!e.isNull()) {
                o.error = (after ? tr("after the migration: %1") : tr("before the migration: %1"))
                              .arg(e.message);
            } else {
                QString json;
                for (const Result &r : results) {
                    if (r.rowCount() > 0 && r.columnCount() == 1)
                        json = r.text(0, 0);
                }
                PlanReader::Result read = PlanReader::read(json);
                if (!read.ok())
                    o.error = read.error.message;
                else
                    (after ? o.after : o.before) = std::move(read.plan);
            }
            explainOne(index + 1, after, then);
        });
}

void PlanImpact::applyMigration(int statement)
{
    const QList<ByteRange> statements = StatementFinder::statements(m_migration);
    if (statement >= statements.size()) {
        emit progress(tr("Explaining again after the migration…"));
        return explainAll(true, [this] { finish(); });
    }
    if (statement == 0)
        emit progress(tr("Running the migration on the scratch database…"));
    const ByteRange range = statements.at(statement);
    const QByteArray sql = m_migration.mid(range.begin, range.size());
    m_connection->execute(QString::fromUtf8(sql), {}, this,
        [this, statement, sql](const QList<Result> &, const PgError &e) {
            if (!e.isNull())
                return emit failed(
                    tr("The migration failed on the scratch database at statement %1 (%2): %3")
                        .arg(statement + 1)
                        .arg(QString::fromUtf8(sql).simplified().left(80), e.message));
            applyMigration(statement + 1);
        });
}

void PlanImpact::finish()
{
    QList<Outcome> kept;
    for (Outcome &o : m_outcomes) {
        if (!m_keepAll && (o.before.isEmpty() || !touches(o.before, m_changed)))
            continue; // not about what the migration changes
        if (!o.before.isEmpty() && !o.after.isEmpty())
            o.verdict = PlanImpactJudge::judge(o.before, o.after, m_factor);
        kept << std::move(o);
    }
    std::stable_sort(kept.begin(), kept.end(),
        [](const Outcome &a, const Outcome &b) { return a.verdict.score > b.verdict.score; });
    m_connection->close();
    emit finished(kept);
}

} // namespace tusk::core
