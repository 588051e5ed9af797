#include "planimpactrun.h"

#include "rolloutscratch.h"

namespace tusk::core {

PlanImpactRun::PlanImpactRun(QObject *parent)
    : QObject(parent)
    , m_impact(new PlanImpact(this))
{
    connect(m_impact, &PlanImpact::progress, this, &PlanImpactRun::progress);
    connect(m_impact, &PlanImpact::topQueriesRead, this,
        [this](const QList<PlanImpact::Query> &queries, const QString &error) {
            if (!error.isEmpty()) {
                m_running = false;
                return emit failed(error);
            }
            m_request.queries = queries;
            makeScratch();
        });
    connect(
        m_impact, &PlanImpact::finished, this, [this](const QList<PlanImpact::Outcome> &outcomes) {
            m_outcomes = outcomes;
            end();
        });
    connect(m_impact, &PlanImpact::failed, this, [this](const QString &error) {
        m_error = error;
        end();
    });
}

PlanImpactRun::~PlanImpactRun() = default;

void PlanImpactRun::start(const Request &request)
{
    m_request = request;
    m_outcomes.clear();
    m_error.clear();
    m_running = true;
    m_fromTop = m_request.queries.isEmpty();
    if (m_fromTop) {
        emit progress(
            tr("Reading the target's top %1 queries from pg_stat_statements…").arg(m_request.top));
        return m_impact->readTopQueries(m_request.source, m_request.top);
    }
    makeScratch();
}

void PlanImpactRun::makeScratch()
{
    delete m_scratch;
    m_scratch = new RolloutScratch(this);
    connect(m_scratch, &RolloutScratch::progress, this, &PlanImpactRun::progress);
    connect(m_scratch, &RolloutScratch::failed, this, [this](const QString &error) {
        if (m_error.isEmpty())
            m_error = error;
        m_scratch->drop(); // a half-made one goes too
    });
    connect(m_scratch, &RolloutScratch::ready, this, [this] {
        m_where = m_scratch->description();
        // Queries the user gave are all shown; the top ones only when they
        // read what the migration changes.
        m_impact->run(m_scratch->connInfo(), m_request.migration, m_request.queries, !m_fromTop,
            m_request.factor);
    });
    connect(m_scratch, &RolloutScratch::dropped, this, [this] {
        m_running = false;
        if (!m_error.isEmpty())
            return emit failed(m_error);
        emit finished(m_outcomes, m_where, m_request.withRows);
    });
    m_scratch->create(m_request.server, m_request.source, m_request.withRows);
}

void PlanImpactRun::end()
{
    if (m_request.keep && m_error.isEmpty()) {
        m_running = false;
        emit progress(tr("Kept %1").arg(m_scratch->name()));
        return emit finished(m_outcomes, m_where, m_request.withRows);
    }
    m_scratch->drop();
}

} // namespace tusk::core
