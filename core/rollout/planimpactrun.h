#pragma once

#include "planimpact.h"

#include "core/pg/conninfo.h"

#include <QObject>

namespace tusk::core {

class RolloutScratch;

// One plan-impact run from start to end, for the command line and the
// Rollout page alike: the queries (given, or the target's top N from
// pg_stat_statements), a scratch database with the target's schema (and
// rows when asked), PlanImpact on it, the scratch dropped afterwards
// (unless kept). Asynchronous.
class PlanImpactRun : public QObject {
    Q_OBJECT
public:
    struct Request {
        ConnInfo server; // where the scratch database is made (the sandbox)
        ConnInfo source; // the target, whose schema the scratch gets
        bool withRows = false;
        QByteArray migration;
        QList<PlanImpact::Query> queries; // empty: the target's `top` queries
        int top = 10;
        double factor = 2.0;
        bool keep = false; // leave the scratch database for a look
    };

    explicit PlanImpactRun(QObject *parent = nullptr);
    ~PlanImpactRun() override;

    void start(const Request &request);
    bool isRunning() const { return m_running; }

signals:
    void progress(const QString &step);
    // Worst first; `scratch` says where it ran ("tusk_scratch_… (schema and
    // rows of shop)"), `withRows` whether the tables had rows.
    void finished(const QList<tusk::core::PlanImpact::Outcome> &outcomes, const QString &scratch,
        bool withRows);
    void failed(const QString &error);

private:
    void makeScratch();
    void end();

    Request m_request;
    PlanImpact *m_impact;
    RolloutScratch *m_scratch = nullptr;
    QList<PlanImpact::Outcome> m_outcomes;
    QString m_error;
    QString m_where;
    bool m_running = false;
    bool m_fromTop = false; // the queries came from pg_stat_statements
};

} // namespace tusk::core
