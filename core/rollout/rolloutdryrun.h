#pragma once

#include "dryrunstep.h"
#include "rolloutplan.h"

#include "core/catalog/catalogsnapshot.h"
#include "core/pg/conninfo.h"
#include "core/pg/pgerror.h"

#include <QElapsedTimer>
#include <QMap>
#include <QObject>

#include <functional>

namespace tusk::core {

class CatalogSnapshotLoader;
class Connection;

// Proves a rollout's rollbacks on a scratch database (issue 23, point 7):
// for every step, the catalog before; up; its gate; the catalog after; the
// rollback (a recipe's own, else written by StatementReverse from the
// catalog read right before the step, so it undoes what the step really
// did there); the catalog, which must equal the one before; up again; the
// catalog, which must equal the first after. Differences come as objects
// (SchemaComparison). One is accepted and named: VALIDATE CONSTRAINT is not
// undone (PostgreSQL cannot mark a constraint NOT VALID again, and the
// proof that the rows hold harms no one).
//
// The scratch database must be one Tusk may change (RolloutScratch makes
// one). Asynchronous, on the owner's thread: one Connection, one request
// at a time, nothing waited for.
class RolloutDryRun : public QObject {
    Q_OBJECT
public:
    explicit RolloutDryRun(QObject *parent = nullptr);
    ~RolloutDryRun() override;

    // `target`: the target's catalog for the time estimates (may be null).
    // `scratchName` labels the report.
    void start(const ConnInfo &scratch, const RolloutPlan &plan, const CatalogSnapshot &target,
        const QString &scratchName = {});
    void cancel();
    bool isRunning() const { return m_running; }

    // The rollback the dry run runs for `step`, given the catalog right
    // before it; `*reason` says why there is none (empty result).
    static QString rollbackFor(
        const RolloutStep &step, const CatalogSnapshot &before, QString *reason);

signals:
    void stepStarted(int number, const QString &up);
    void stepFinished(const tusk::core::DryRunStep &step);
    void finished(const tusk::core::DryRunReport &report);

private:
    using Then = std::function<void()>;
    // One reading of the scratch: the catalog, and its facts with the
    // definitions the catalog lacks (views, grants, function bodies).
    struct Reading {
        CatalogSnapshot catalog;
        QMap<QString, QString> facts;
    };
    void nextStep();
    void afterUp(const Reading &before);
    void checkGate(int check, const Then &then);
    void rollBack(const Reading &before, const Reading &after);
    void upAgain(const Reading &after);
    void endStep(DryRunStep::Outcome outcome, const QString &explanation = {});
    void stop(const QString &error);
    void snapshot(const std::function<void(const Reading &)> &then);
    // Runs `sql`: one request when it may run in a transaction, else one
    // statement at a time (CONCURRENTLY refuses a multi-statement query).
    void run(const QString &sql, bool inTransaction,
        const std::function<void(const PgError &, qint64 ms)> &then);
    void runEach(QStringList statements, const std::function<void(const PgError &)> &then);

    Connection *m_connection = nullptr;
    CatalogSnapshotLoader *m_loader = nullptr;
    std::function<void(const Reading &)> m_afterSnapshot;
    RolloutPlan m_plan;
    QList<const RolloutStep *> m_steps;
    CatalogSnapshot m_target;
    DryRunReport m_report;
    DryRunStep m_current;
    int m_index = -1;
    bool m_running = false;
    QElapsedTimer m_total;
};

} // namespace tusk::core
