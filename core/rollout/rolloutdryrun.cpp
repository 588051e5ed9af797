#include "rolloutdryrun.h"

#include "stepestimate.h"

#include "core/catalog/catalogsnapshotloader.h"
#include "core/migrations/statementreverse.h"
#include "core/pg/connection.h"

namespace tusk::core {

namespace {
const QLatin1String kNotValid(" NOT VALID (not validated)");

// The one difference a rollback may leave: a constraint validated by the
// step stays validated.
QStringList acceptValidation(const QString &up, QList<SchemaComparison::Difference> &differences)
{
    QStringList accepted;
    if (!up.contains(QLatin1String("VALIDATE CONSTRAINT"), Qt::CaseInsensitive))
        return accepted;
    differences.removeIf([&](const SchemaComparison::Difference &d) {
        const bool validation = d.category == QLatin1String("constraint")
            && d.before.endsWith(kNotValid) && d.after == d.before.chopped(kNotValid.size());
        if (validation)
            accepted << QStringLiteral(
                "%1 stays validated (PostgreSQL cannot mark a constraint "
                "NOT VALID again; the proof that the rows hold harms no one)")
                            .arg(d.object);
        return validation;
    });
    return accepted;
}
} // namespace

RolloutDryRun::RolloutDryRun(QObject *parent)
    : QObject(parent)
{
}

RolloutDryRun::~RolloutDryRun() = default;

QString RolloutDryRun::rollbackFor(
    const RolloutStep &step, const CatalogSnapshot &before, QString *reason)
{
    if (step.fromRecipe) {
        if (!step.rollbackSafe) {
            *reason = step.rollback.startsWith(QLatin1String("-- "))
                ? step.rollback.mid(3).section(QLatin1Char('\n'), 0, 0)
                : QStringLiteral("the step says it cannot be undone");
            return {};
        }
        return step.rollback;
    }
    const QList<StatementReverse::Inverse> inverses = StatementReverse(before).reverse(step.up);
    if (inverses.isEmpty())
        return QStringLiteral("-- nothing to undo");
    // A step is one statement, or statements a recipe joined: undo them all.
    if (std::any_of(inverses.begin(), inverses.end(),
            [](const StatementReverse::Inverse &i) { return !i.safe; })) {
        for (const StatementReverse::Inverse &i : inverses) {
            if (!i.safe) {
                *reason = i.reason.isEmpty() ? QStringLiteral("no inverse is known") : i.reason;
                break;
            }
        }
        return {};
    }
    const QString down = StatementReverse::downScript(inverses).trimmed();
    return down.isEmpty() ? QStringLiteral("-- nothing to undo") : down;
}

void RolloutDryRun::start(const ConnInfo &scratch, const RolloutPlan &plan,
    const CatalogSnapshot &target, const QString &scratchName)
{
    cancel();
    m_plan = plan;
    m_target = target;
    m_report = DryRunReport();
    m_report.scratch = scratchName;
    m_steps.clear();
    for (const RolloutItem &item : m_plan.items) {
        for (const RolloutStep &step : item.steps)
            m_steps << &step;
    }
    m_index = -1;
    m_running = true;
    m_total.start();
    m_connection = new Connection(this);
    m_connection->setAutoReconnect(false);
    m_loader = new CatalogSnapshotLoader(m_connection, this);
    connect(m_loader, &CatalogSnapshotLoader::loaded, this, [this](const CatalogSnapshot &s) {
        // Then what the snapshot lacks, on the same session.
        m_connection->execute(SchemaComparison::definitionsSql(), {}, this,
            [this, s](const QList<Result> &rows, const PgError &e) {
                if (!e.isNull())
                    return stop(QStringLiteral("the definitions could not be read: ") + e.message);
                Reading reading {s, SchemaComparison::facts(s)};
                if (!rows.isEmpty())
                    SchemaComparison::addDefinitions(&reading.facts, rows.first());
                if (auto then = std::exchange(m_afterSnapshot, nullptr))
                    then(reading);
            });
    });
    connect(m_loader, &CatalogSnapshotLoader::failed, this, [this](const PgError &e) {
        m_afterSnapshot = nullptr;
        stop(QStringLiteral("the catalog could not be read: ") + e.message);
    });
    connect(m_connection, &Connection::openFailed, this, [this](const PgError &e) {
        stop(QStringLiteral("cannot connect to the scratch database: ") + e.message);
    });
    connect(m_connection, &Connection::lost, this, [this](const PgError &e) {
        stop(QStringLiteral("the scratch database's connection was lost: ") + e.message);
    });
    connect(m_connection, &Connection::opened, this, [this] {
        const QString settings = m_plan.settings.join(QLatin1Char('\n'));
        if (settings.isEmpty())
            return nextStep();
        run(settings, true, [this](const PgError &e, qint64) {
            if (!e.isNull())
                return stop(QStringLiteral("the plan's settings failed: ") + e.message);
            nextStep();
        });
    });
    m_connection->open(scratch);
}

void RolloutDryRun::cancel()
{
    if (!m_connection)
        return;
    m_running = false;
    m_afterSnapshot = nullptr;
    m_connection->disconnect(this);
    m_connection->close();
    m_connection->deleteLater();
    m_loader->deleteLater();
    m_connection = nullptr;
    m_loader = nullptr;
}

void RolloutDryRun::nextStep()
{
    if (!m_running)
        return;
    if (++m_index >= m_steps.size()) {
        m_report.totalMs = m_total.elapsed();
        const DryRunReport report = m_report;
        cancel();
        emit finished(report);
        return;
    }
    const RolloutStep &step = *m_steps.at(m_index);
    m_current = DryRunStep();
    m_current.number = m_index + 1;
    m_current.up = step.up;
    m_current.phase = RolloutStep::phaseName(step.phase);
    emit stepStarted(m_current.number, step.up);
    if (RolloutStep::isCommentOnly(step.up))
        return endStep(DryRunStep::Outcome::Application,
            QStringLiteral("the application's step: nothing to run"));
    snapshot([this](const Reading &before) {
        const RolloutStep &step = *m_steps.at(m_index);
        run(step.up, step.inTransaction, [this, before](const PgError &e, qint64 ms) {
            if (!e.isNull() && m_steps.at(m_index)->inTransaction) {
                // Its transaction rolled back: the schema is as before the
                // step, so the steps after it still say something.
                QString hint;
                if (e.sqlState == QLatin1String("23514")
                    && m_steps.at(m_index)->phase == RolloutStep::Phase::Backfill)
                    hint = QStringLiteral(
                        " (an UPDATE checks every constraint of the rows it touches again, NOT "
                        "VALID ones included: the rows that break it must be fixed first, and "
                        "the target has them too if the scratch is its copy)");
                return endStep(DryRunStep::Outcome::Failed,
                    QStringLiteral("up failed (rolled back; the steps after it ran without "
                                   "it): %1%2")
                        .arg(e.toString(), hint));
            }
            if (!e.isNull())
                return stop(QStringLiteral("step %1's up failed: %2")
                                .arg(m_current.number)
                                .arg(e.toString()));
            m_current.upMs = ms;
            afterUp(before);
        });
    });
}

void RolloutDryRun::afterUp(const Reading &before)
{
    checkGate(0, [this, before] {
        snapshot([this, before](const Reading &after) {
            const RolloutStep &step = *m_steps.at(m_index);
            m_current.estimate =
                StepEstimate::describe(step, m_current.upMs, before.catalog, m_target);
            rollBack(before, after);
        });
    });
}

void RolloutDryRun::checkGate(int check, const Then &then)
{
    const RolloutStep &step = *m_steps.at(m_index);
    if (check >= step.gate.size())
        return then();
    const ChangeVerifier::Check &c = step.gate.at(check);
    m_connection->execute(c.sql, c.params, this,
        [this, check, then, c](const QList<Result> &results, const PgError &error) {
            const ChangeVerifier::Verdict verdict = ChangeVerifier::judge(
                c, results.isEmpty() ? Result() : results.first(), error.message);
            m_current.gate << verdict.line;
            if (!verdict.ok && m_current.explanation.isEmpty())
                m_current.explanation = QStringLiteral("the gate does not hold: ") + verdict.line;
            checkGate(check + 1, then);
        });
}

void RolloutDryRun::rollBack(const Reading &before, const Reading &after)
{
    const RolloutStep &step = *m_steps.at(m_index);
    QString reason;
    const QString rollback = rollbackFor(step, before.catalog, &reason);
    if (rollback.isEmpty()) {
        // The step stays applied; later steps build on it.
        return endStep(m_current.explanation.isEmpty() ? DryRunStep::Outcome::NoRollback
                                                       : DryRunStep::Outcome::Failed,
            m_current.explanation.isEmpty() ? QStringLiteral("no rollback: ") + reason
                                            : m_current.explanation);
    }
    m_current.rollbackRun = rollback;
    const auto compare = [this, before, after] {
        snapshot([this, before, after](const Reading &back) {
            m_current.rollbackLeft = SchemaComparison::compare(before.facts, back.facts);
            m_current.allowed = acceptValidation(m_current.up, m_current.rollbackLeft);
            upAgain(after);
        });
    };
    if (RolloutStep::isCommentOnly(rollback)) {
        m_current.rollbackMs = 0;
        return compare();
    }
    run(rollback, step.inTransaction, [this, compare](const PgError &e, qint64 ms) {
        if (!e.isNull())
            return stop(QStringLiteral("step %1's rollback failed: %2")
                            .arg(m_current.number)
                            .arg(e.toString()));
        m_current.rollbackMs = ms;
        compare();
    });
}

void RolloutDryRun::upAgain(const Reading &after)
{
    const RolloutStep &step = *m_steps.at(m_index);
    run(step.up, step.inTransaction, [this, after](const PgError &e, qint64) {
        if (!e.isNull()) {
            // The rollback left something the step makes again (an index
            // the down script forgot): the differences above say what.
            return stop(QStringLiteral("step %1's up failed after its rollback: %2")
                            .arg(m_current.number)
                            .arg(e.toString()));
        }
        snapshot([this, after](const Reading &again) {
            m_current.upAgainDiffers = SchemaComparison::compare(after.facts, again.facts);
            const bool differs =
                !m_current.rollbackLeft.isEmpty() || !m_current.upAgainDiffers.isEmpty();
            if (differs && m_current.explanation.isEmpty())
                m_current.explanation = m_current.rollbackLeft.isEmpty()
                    ? QStringLiteral("up after the rollback gives another schema")
                    : QStringLiteral("the rollback does not restore the schema");
            endStep(m_current.explanation.isEmpty() ? DryRunStep::Outcome::Proven
                                                    : DryRunStep::Outcome::Failed);
        });
    });
}

void RolloutDryRun::endStep(DryRunStep::Outcome outcome, const QString &explanation)
{
    m_current.outcome = outcome;
    if (!explanation.isEmpty())
        m_current.explanation = explanation;
    m_report.steps << m_current;
    emit stepFinished(m_current);
    nextStep();
}

void RolloutDryRun::stop(const QString &error)
{
    if (!m_running)
        return;
    // The step under way failed; the ones after it never ran.
    if (m_index >= 0 && m_index < m_steps.size()) {
        m_current.outcome = DryRunStep::Outcome::Failed;
        m_current.explanation = error;
        m_report.steps << m_current;
        emit stepFinished(m_current);
        for (int i = m_index + 1; i < m_steps.size(); ++i) {
            DryRunStep rest;
            rest.number = i + 1;
            rest.up = m_steps.at(i)->up;
            rest.phase = RolloutStep::phaseName(m_steps.at(i)->phase);
            rest.explanation = QStringLiteral("not run: step %1 failed").arg(m_current.number);
            m_report.steps << rest;
        }
    } else {
        m_report.error = error;
    }
    m_report.totalMs = m_total.elapsed();
    const DryRunReport report = m_report;
    cancel();
    emit finished(report);
}

void RolloutDryRun::snapshot(const std::function<void(const Reading &)> &then)
{
    m_afterSnapshot = then;
    m_loader->load();
}

void RolloutDryRun::run(const QString &sql, bool inTransaction,
    const std::function<void(const PgError &, qint64 ms)> &then)
{
    auto timer = std::make_shared<QElapsedTimer>();
    timer->start();
    if (inTransaction) {
        // One request is one implicit transaction: all of it or none.
        m_connection->execute(sql, {}, this,
            [then, timer](const QList<Result> &, const PgError &e) { then(e, timer->elapsed()); });
        return;
    }
    runEach(RolloutStep::statementsOf(sql),
        [then, timer](const PgError &e) { then(e, timer->elapsed()); });
}

void RolloutDryRun::runEach(
    QStringList statements, const std::function<void(const PgError &)> &then)
{
    if (statements.isEmpty())
        return then(PgError());
    const QString first = statements.takeFirst();
    m_connection->execute(
        first, {}, this, [this, statements, then](const QList<Result> &, const PgError &e) {
            if (!e.isNull())
                return then(e);
            runEach(statements, then);
        });
}

} // namespace tusk::core
