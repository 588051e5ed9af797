#include "dryrunstep.h"

#include "rolloutplan.h"

#include <QStringBuilder>

namespace tusk::core {

namespace {
QString timing(const DryRunStep &step)
{
    QStringList parts;
    if (step.upMs >= 0)
        parts << QStringLiteral("up %1 ms").arg(step.upMs);
    if (step.rollbackMs >= 0)
        parts << QStringLiteral("rollback %1 ms").arg(step.rollbackMs);
    return parts.join(QStringLiteral(", "));
}

// The lines under a step's headline: why, the differences, the gate, time.
QStringList details(const DryRunStep &step)
{
    QStringList lines;
    if (!step.explanation.isEmpty())
        lines << step.explanation;
    for (const SchemaComparison::Difference &d : step.rollbackLeft)
        lines << QStringLiteral("the rollback left: ") + d.describe();
    for (const SchemaComparison::Difference &d : step.upAgainDiffers)
        lines << QStringLiteral("up after the rollback differs: ") + d.describe();
    for (const QString &a : step.allowed)
        lines << QStringLiteral("accepted: ") + a;
    for (const QString &g : step.gate)
        lines << QStringLiteral("gate: ") + g;
    if (const QString t = timing(step); !t.isEmpty())
        lines << QStringLiteral("on the scratch database: ") + t;
    if (!step.estimate.isEmpty())
        lines << step.estimate;
    return lines;
}
} // namespace

QString DryRunStep::mark() const
{
    switch (outcome) {
    case Outcome::Proven:
        return QStringLiteral("✓");
    case Outcome::Failed:
        return QStringLiteral("✗");
    case Outcome::NoRollback:
        return QStringLiteral("⚠");
    case Outcome::Application:
        return QStringLiteral("·");
    case Outcome::NotRun:
        break;
    }
    return QStringLiteral("-");
}

QString DryRunStep::outcomeName(Outcome outcome)
{
    switch (outcome) {
    case Outcome::Proven:
        return QStringLiteral("proven");
    case Outcome::Failed:
        return QStringLiteral("failed");
    case Outcome::NoRollback:
        return QStringLiteral("no rollback");
    case Outcome::Application:
        return QStringLiteral("application");
    case Outcome::NotRun:
        break;
    }
    return QStringLiteral("not run");
}

bool DryRunReport::passed() const
{
    return error.isEmpty() && count(DryRunStep::Outcome::Failed) == 0
        && count(DryRunStep::Outcome::NotRun) == 0;
}

int DryRunReport::count(DryRunStep::Outcome outcome) const
{
    return int(std::count_if(steps.begin(), steps.end(),
        [outcome](const DryRunStep &s) { return s.outcome == outcome; }));
}

QString DryRunReport::text() const
{
    QString out;
    if (!scratch.isEmpty())
        out += QStringLiteral("Dry run on ") + scratch + QLatin1Char('\n');
    for (const DryRunStep &step : steps) {
        out += QStringLiteral("%1 %2 (%3) %4\n")
                   .arg(step.mark())
                   .arg(step.number)
                   .arg(step.phase, RolloutStep::oneLine(step.up, 100));
        for (const QString &line : details(step))
            out += QStringLiteral("    ") + line + QLatin1Char('\n');
    }
    if (!error.isEmpty())
        out += QStringLiteral("✗ the dry run stopped: ") + error + QLatin1Char('\n');
    out += QStringLiteral("%1 proven, %2 failed, %3 without rollback, %4 not run; %5 s\n")
               .arg(count(DryRunStep::Outcome::Proven))
               .arg(count(DryRunStep::Outcome::Failed))
               .arg(count(DryRunStep::Outcome::NoRollback))
               .arg(count(DryRunStep::Outcome::NotRun))
               .arg(double(totalMs) / 1000.0, 0, 'f', 1);
    return out;
}

QString DryRunReport::markdown() const
{
    QString out = QStringLiteral("## Dry run\n\n");
    if (!scratch.isEmpty())
        out += QStringLiteral("On ") + scratch + QStringLiteral(".\n\n");
    for (const DryRunStep &step : steps) {
        out += QStringLiteral("- %1 **Step %2** (%3): %4\n")
                   .arg(step.mark())
                   .arg(step.number)
                   .arg(step.phase, DryRunStep::outcomeName(step.outcome));
        for (const QString &line : details(step))
            out += QStringLiteral("  - ") + line + QLatin1Char('\n');
    }
    if (!error.isEmpty())
        out += QStringLiteral("\n**The dry run stopped:** ") + error + QLatin1Char('\n');
    return out;
}

} // namespace tusk::core
