#include "rolloutsession.h"

#include "rolloutdryrun.h"
#include "rolloutscratch.h"

#include "core/migrations/backfill/backfillrun.h"
#include "core/pg/connection.h"

namespace tusk::core {

namespace {
bool passed(RolloutSession::State state)
{
    return state == RolloutSession::State::GateHolds;
}
} // namespace

RolloutSession::RolloutSession(QObject *parent)
    : QObject(parent)
{
}

RolloutSession::~RolloutSession() = default;

QString RolloutSession::stateName(State state)
{
    switch (state) {
    case State::Waiting:
        return tr("not run");
    case State::Running:
        return tr("running");
    case State::Ran:
        return tr("ran");
    case State::GateHolds:
        return tr("gate holds");
    case State::GateFails:
        return tr("gate does not hold");
    case State::RolledBack:
        return tr("rolled back");
    case State::Failed:
        break;
    }
    return tr("failed");
}

bool RolloutSession::hasProgress() const
{
    return m_dryRun.has_value()
        || std::any_of(m_status.begin(), m_status.end(),
            [](const Status &s) { return s.state != State::Waiting; });
}

void RolloutSession::setPlan(const RolloutPlan &plan)
{
    QStringList before;
    for (const RolloutStep *s : std::as_const(m_steps))
        before << s->up;
    QStringList after;
    for (const RolloutItem &item : plan.items) {
        for (const RolloutStep &s : item.steps)
            after << s.up;
    }
    // The same steps after a step ran or a dry run: keep what was found
    // (a fresher catalog reflects the rollout's own changes).
    if (before == after && hasProgress())
        return;
    m_plan = plan;
    m_steps.clear();
    m_status.clear();
    m_dryRun.reset();
    for (const RolloutItem &item : std::as_const(m_plan.items)) {
        for (const RolloutStep &s : item.steps) {
            m_steps << &s;
            m_status << Status();
        }
    }
    for (int i = 0; i < stepCount(); ++i)
        emit stepChanged(i);
}

int RolloutSession::reachable() const
{
    for (int i = 0; i < stepCount(); ++i) {
        if (!passed(m_status.at(i).state))
            return i;
    }
    return std::max(0, stepCount() - 1);
}

QString RolloutSession::blockedReason() const
{
    const int at = reachable();
    if (at >= stepCount() || passed(m_status.at(at).state))
        return {};
    const Status &s = m_status.at(at);
    if (s.state == State::GateFails) {
        for (const QString &line : s.gate) {
            if (!line.startsWith(QStringLiteral("✓")))
                return tr("Step %1's gate does not hold: %2").arg(at + 1).arg(line);
        }
    }
    if (RolloutStep::isCommentOnly(step(at).up))
        return tr("Step %1 is the application's: mark it done once it is deployed").arg(at + 1);
    return tr("Step %1 has not passed its gate (%2)").arg(at + 1).arg(stateName(s.state));
}

void RolloutSession::setBusy(bool busy)
{
    if (m_busy == busy)
        return;
    m_busy = busy;
    emit busyChanged(busy);
}

void RolloutSession::update(int index, State state, const QString &text)
{
    m_status[index].state = state;
    m_status[index].message = text;
    emit stepChanged(index);
    if (!text.isEmpty())
        emit message(text);
}

void RolloutSession::dryRun(const ConnInfo &scratchServer, const ConnInfo &source, bool withRows,
    const CatalogSnapshot &target)
{
    if (m_busy)
        return;
    setBusy(true);
    delete m_scratch;
    delete m_dryRunner;
    m_scratch = new RolloutScratch(this);
    m_droppingScratch = false;
    m_dryRunner = new RolloutDryRun(this);
    connect(m_scratch, &RolloutScratch::progress, this, &RolloutSession::message);
    // Every ending goes through the drop of the scratch database (a
    // half-made one too), then finish(); a failed drop is said, once.
    const auto finish = [this] {
        setBusy(false);
        if (m_dryRun->error.isEmpty())
            emit message(tr("Dry run: %1 proven, %2 failed, %3 without rollback")
                             .arg(m_dryRun->count(DryRunStep::Outcome::Proven))
                             .arg(m_dryRun->count(DryRunStep::Outcome::Failed))
                             .arg(m_dryRun->count(DryRunStep::Outcome::NoRollback)));
        else
            emit message(tr("Dry run: %1").arg(m_dryRun->error));
        emit dryRunFinished(*m_dryRun);
    };
    connect(m_scratch, &RolloutScratch::failed, this, [this, finish](const QString &error) {
        if (m_droppingScratch) {
            if (!m_dryRun)
                m_dryRun = DryRunReport();
            emit message(tr("Dry run: %1").arg(error));
            return finish();
        }
        DryRunReport report;
        report.error = error;
        m_dryRun = report;
        m_droppingScratch = true;
        m_scratch->drop();
    });
    connect(m_scratch, &RolloutScratch::dropped, this, finish);
    // The scratch copies the target as it is now: the steps that ran on it
    // already are in its schema, so the dry run starts after them.
    int first = 0;
    for (int i = 0; i < stepCount(); ++i) {
        if (m_status.at(i).state != State::Waiting)
            first = i + 1;
    }
    RolloutPlan rest;
    rest.settings = m_plan.settings;
    RolloutItem remaining;
    for (int i = first; i < stepCount(); ++i)
        remaining.steps << step(i);
    rest.items << remaining;
    const auto place = [this, first](DryRunStep s) {
        s.number += first;
        if (s.number - 1 < stepCount()) {
            m_status[s.number - 1].dryRun = s;
            emit stepChanged(s.number - 1);
        }
        return s;
    };
    connect(m_scratch, &RolloutScratch::ready, this, [this, target, rest] {
        m_dryRunner->start(m_scratch->connInfo(), rest, target, m_scratch->description());
    });
    connect(m_dryRunner, &RolloutDryRun::stepFinished, this, place);
    connect(m_dryRunner, &RolloutDryRun::finished, this, [this, place](DryRunReport report) {
        // Numbered as in the whole plan; the steps never run (after a
        // failure) get their mark too.
        for (DryRunStep &s : report.steps)
            s = place(s);
        m_dryRun = report;
        m_droppingScratch = true;
        m_scratch->drop();
    });
    emit message(tr("Dry run: making a scratch database"));
    m_scratch->create(scratchServer, source, withRows);
}

void RolloutSession::execute(const ConnInfo &target, const QString &sql, bool inTransaction,
    const std::function<void(const PgError &)> &then)
{
    if (m_connection) {
        m_connection->disconnect(this);
        m_connection->deleteLater();
    }
    m_connection = new Connection(this);
    m_connection->setAutoReconnect(false);
    QStringList statements;
    if (sql.trimmed().isEmpty()) {
        // A session for the gate's checks only.
    } else if (inTransaction) {
        statements << sql;
    } else {
        statements = RolloutStep::statementsOf(sql);
    }
    if (!m_plan.settings.isEmpty())
        statements.prepend(m_plan.settings.join(QLatin1Char('\n')));
    connect(m_connection, &Connection::openFailed, this, [then](const PgError &e) { then(e); });
    // The connection's `opened` slot owns the chain; the chain refers to
    // itself weakly, so it goes with the connection (a strong self-reference
    // was a cycle that never freed).
    auto next = std::make_shared<std::function<void()>>();
    *next = [this, statements, then, weakNext = std::weak_ptr(next)]() mutable {
        if (statements.isEmpty())
            return then(PgError());
        const QString first = statements.takeFirst();
        m_connection->execute(
            first, {}, this, [then, weakNext](const QList<Result> &, const PgError &e) {
                if (!e.isNull())
                    return then(e);
                if (const auto chain = weakNext.lock())
                    (*chain)();
            });
    };
    connect(m_connection, &Connection::opened, this, [next] { (*next)(); });
    m_connection->open(target);
}

void RolloutSession::run(int index, const ConnInfo &target)
{
    if (m_busy || index < 0 || index >= stepCount() || index > reachable())
        return;
    const RolloutStep &s = step(index);
    if (RolloutStep::isCommentOnly(s.up))
        return markDone(index);
    setBusy(true);
    update(index, State::Running, tr("Step %1: running").arg(index + 1));
    if (s.backfill)
        return runBackfill(index, target);
    const auto build = [this, index, target] {
        execute(target, step(index).up, step(index).inTransaction, [this, index](const PgError &e) {
            if (!e.isNull()) {
                setBusy(false);
                return update(
                    index, State::Failed, tr("Step %1 failed: %2").arg(index + 1).arg(e.message));
            }
            update(index, State::Ran, tr("Step %1 ran").arg(index + 1));
            gate(index, 0, {}, true);
        });
    };
    if (s.concurrentIndex.isEmpty())
        return build();
    // A concurrent build that failed before left its index INVALID: a
    // retry drops that one first (IF NOT EXISTS would keep the broken one).
    const QString name = s.concurrentIndex;
    execute(target, QString(), true, [this, index, name, build](const PgError &e) {
        if (!e.isNull()) {
            setBusy(false);
            return update(
                index, State::Failed, tr("Step %1 failed: %2").arg(index + 1).arg(e.message));
        }
        m_connection->execute(QStringLiteral("SELECT NOT indisvalid FROM pg_index WHERE indexrelid "
                                             "= to_regclass($1)"),
            {name}, this,
            [this, index, name, build](const QList<Result> &results, const PgError &error) {
                const bool invalid = error.isNull() && !results.isEmpty()
                    && results.first().rowCount() == 1 && results.first().value(0, 0).toBool();
                if (!invalid)
                    return build();
                emit message(tr("Step %1: dropping the invalid index %2 a failed build left")
                                 .arg(index + 1)
                                 .arg(name));
                m_connection->execute(QStringLiteral("DROP INDEX CONCURRENTLY %1").arg(name), {},
                    this, [this, index, build](const QList<Result> &, const PgError &dropError) {
                        if (!dropError.isNull()) {
                            setBusy(false);
                            return update(index, State::Failed,
                                tr("Step %1: the invalid index could not be dropped: %2")
                                    .arg(index + 1)
                                    .arg(dropError.message));
                        }
                        build();
                    });
            });
    });
}

void RolloutSession::runBackfill(int index, const ConnInfo &target)
{
    const RolloutStep::Backfill &b = *step(index).backfill;
    BackfillSpec spec;
    spec.name = BackfillSpec::defaultName(b.table, b.set);
    spec.table = b.table;
    spec.set = b.set;
    spec.predicate = b.where;
    delete m_backfill;
    m_backfill = new BackfillRun(this);
    connect(m_backfill, &BackfillRun::progress, this, [this, index](const BackfillProgress &p) {
        m_status[index].backfill = p;
        emit stepChanged(index);
    });
    connect(m_backfill, &BackfillRun::finished, this, [this, index, target](const PgError &e) {
        if (!e.isNull()) {
            setBusy(false);
            return update(index, State::Failed,
                tr("Step %1's backfill stopped: %2 (run it again to resume)")
                    .arg(index + 1)
                    .arg(e.message));
        }
        update(index, State::Ran, tr("Step %1's backfill is done").arg(index + 1));
        checkGate(index, target);
    });
    // Resume: a backfill stopped earlier (Tusk closed, the connection lost)
    // goes on from its progress row in the target database.
    m_backfill->start(target, spec, true);
}

void RolloutSession::checkGate(int index, const ConnInfo &target)
{
    if (index < 0 || index >= stepCount())
        return;
    setBusy(true);
    execute(target, QString(), true, [this, index](const PgError &e) {
        if (!e.isNull()) {
            setBusy(false);
            return update(
                index, State::Failed, tr("Step %1's gate: %2").arg(index + 1).arg(e.message));
        }
        gate(index, 0, {}, true);
    });
}

void RolloutSession::gate(int index, int check, const QStringList &lines, bool ok)
{
    const RolloutStep &s = step(index);
    if (check >= s.gate.size()) {
        m_status[index].gate = lines;
        setBusy(false);
        update(index, ok ? State::GateHolds : State::GateFails,
            ok ? tr("Step %1: the gate holds").arg(index + 1)
               : tr("Step %1: the gate does not hold").arg(index + 1));
        return;
    }
    const ChangeVerifier::Check &c = s.gate.at(check);
    m_connection->execute(c.sql, c.params, this,
        [this, index, check, lines, ok, c](const QList<Result> &results, const PgError &error) {
            const ChangeVerifier::Verdict v = ChangeVerifier::judge(
                c, results.isEmpty() ? Result() : results.first(), error.message);
            gate(index, check + 1, lines + QStringList {v.line}, ok && v.ok);
        });
}

void RolloutSession::rollBack(int index, const ConnInfo &target)
{
    if (m_busy || index < 0 || index >= stepCount())
        return;
    const RolloutStep &s = step(index);
    if (!s.rollbackSafe)
        return emit message(tr("Step %1 has no safe rollback: %2")
                                .arg(index + 1)
                                .arg(s.rollback.section(QLatin1Char('\n'), 0, 0)));
    if (RolloutStep::isCommentOnly(s.rollback))
        return update(index, State::RolledBack, tr("Step %1: nothing to undo").arg(index + 1));
    setBusy(true);
    execute(target, s.rollback, s.inTransaction, [this, index](const PgError &e) {
        setBusy(false);
        if (!e.isNull())
            return update(index, State::Failed,
                tr("Step %1's rollback failed: %2").arg(index + 1).arg(e.message));
        update(index, State::RolledBack, tr("Step %1 rolled back").arg(index + 1));
    });
}

void RolloutSession::markDone(int index)
{
    if (index < 0 || index >= stepCount() || !RolloutStep::isCommentOnly(step(index).up))
        return;
    m_status[index].gate = {tr("✓ the reviewer confirmed the application's step")};
    update(index, State::GateHolds, tr("Step %1 marked done").arg(index + 1));
}

} // namespace tusk::core
