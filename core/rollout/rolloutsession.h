#pragma once

#include "dryrunstep.h"
#include "rolloutplan.h"

#include "core/catalog/catalogsnapshot.h"
#include "core/migrations/backfill/backfillprogress.h"
#include "core/pg/conninfo.h"
#include "core/pg/pgerror.h"

#include <QObject>

#include <functional>
#include <optional>

namespace tusk::core {

class BackfillRun;
class Connection;
class RolloutDryRun;
class RolloutScratch;

// The rollout wizard's state, for the Rollout tool (issue 23, point 10):
// the plan's steps in order, each with its state on the target, its gate's
// last verdict and its dry-run result; which step the reviewer may reach
// (none past a step whose gate has not held, with the reason); and the
// actions: dry run on a scratch database, run a step on the target (a
// backfill step in resumable batches, with live progress), check its gate,
// roll it back. Widgets show it and press its buttons; the SQL is sent
// here, on sessions of its own, asynchronously.
class RolloutSession : public QObject {
    Q_OBJECT
public:
    enum class State { Waiting, Running, Ran, GateHolds, GateFails, RolledBack, Failed };
    struct Status {
        State state = State::Waiting;
        QString message; // what happened last, one line
        QStringList gate; // the last verdict lines
        std::optional<DryRunStep> dryRun;
        std::optional<BackfillProgress> backfill;
    };

    explicit RolloutSession(QObject *parent = nullptr);
    ~RolloutSession() override;

    // A new plan: every step waits again, unless its steps are the ones
    // shown (a re-read of the same files keeps what ran and the dry run).
    void setPlan(const RolloutPlan &plan);
    // A step ran, or the dry run did: a re-plan on a fresher catalog would
    // plan against what the rollout itself changed.
    bool hasProgress() const;
    const RolloutPlan &plan() const { return m_plan; }
    int stepCount() const { return int(m_steps.size()); }
    const RolloutStep &step(int index) const { return *m_steps.at(index); }
    const Status &status(int index) const { return m_status.at(index); }
    // The last step the reviewer may open: every step before it has passed
    // its gate. blockedReason() says why the one after it is closed.
    int reachable() const;
    QString blockedReason() const;
    bool isBusy() const { return m_busy; }
    std::optional<DryRunReport> dryRunReport() const { return m_dryRun; }

    static QString stateName(State state);

    // The dry run of the whole plan on a new scratch database on
    // `scratchServer` holding `source`'s schema (and rows).
    void dryRun(const ConnInfo &scratchServer, const ConnInfo &source, bool withRows,
        const CatalogSnapshot &target);
    // Runs step `index` on `target` (its plan's settings first), then its
    // gate. A backfill step runs in batches (BackfillRun), resumable.
    void run(int index, const ConnInfo &target);
    void checkGate(int index, const ConnInfo &target);
    void rollBack(int index, const ConnInfo &target);
    // The application's step (no SQL): the reviewer confirms it is done.
    void markDone(int index);
    // The running backfill, for pause, resume, batch size and pause.
    BackfillRun *backfill() const { return m_backfill; }

signals:
    void stepChanged(int index);
    void busyChanged(bool busy);
    void dryRunFinished(const tusk::core::DryRunReport &report);
    void message(const QString &text);

private:
    void setBusy(bool busy);
    void update(int index, State state, const QString &message);
    // Opens a session on `target`, runs the settings and `sql` (one
    // statement at a time outside a transaction), then `then(error)`.
    void execute(const ConnInfo &target, const QString &sql, bool inTransaction,
        const std::function<void(const PgError &)> &then);
    void gate(int index, int check, const QStringList &lines, bool ok);
    void runBackfill(int index, const ConnInfo &target);

    RolloutPlan m_plan;
    QList<const RolloutStep *> m_steps;
    QList<Status> m_status;
    std::optional<DryRunReport> m_dryRun;
    Connection *m_connection = nullptr;
    RolloutScratch *m_scratch = nullptr;
    RolloutDryRun *m_dryRunner = nullptr;
    BackfillRun *m_backfill = nullptr;
    bool m_busy = false;
    bool m_droppingScratch = false; // the dry run is over: its scratch goes
};

} // namespace tusk::core
