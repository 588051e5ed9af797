#pragma once

#include "schemacomparison.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace tusk::core {

// What the dry run found for one step of a rollout (docs/rollout.md):
// whether its rollback brings the schema back, whether up runs again to the
// same schema, its gate, and what it took on the scratch data with the
// extrapolation to the target's sizes.
struct DryRunStep {
    enum class Outcome {
        Proven, // up, gate, rollback equal to before, up again equal to after
        Failed, // a statement failed, the gate did not hold, or a round trip differs
        NoRollback, // the step says it cannot be undone (the point of no return)
        Application, // the application's step: nothing to run
        NotRun, // an earlier step failed in a way that leaves no known state
    };
    Outcome outcome = Outcome::NotRun;
    int number = 0; // 1-based, as the plan numbers its steps
    QString up;
    QString phase;
    QString explanation; // why ✗, ⚠ or not run; empty for ✓
    QStringList gate; // the gate's verdict lines ("✓ index … valid")
    QString rollbackRun; // the rollback the dry run ran (from the catalog before the step)
    QList<SchemaComparison::Difference> rollbackLeft; // rollback vs the catalog before
    QList<SchemaComparison::Difference> upAgainDiffers; // second up vs the first
    QStringList allowed; // differences accepted, with why ("validation is not undone")
    qint64 upMs = -1;
    qint64 rollbackMs = -1;
    QString estimate; // "on the target (38 M rows): ≈ 4 min; holds ACCESS EXCLUSIVE …"

    // ✓ ✗ ⚠ · -
    QString mark() const;
    static QString outcomeName(Outcome outcome);
};

// The whole dry run: the steps, and what the scratch database was.
struct DryRunReport {
    QString scratch; // "tusk_scratch_… on localhost:5433 (schema of shop@prod, with rows)"
    QList<DryRunStep> steps;
    QString error; // the dry run could not run at all (no scratch, connection lost)
    qint64 totalMs = 0;

    // True when every step is ✓, ⚠ or the application's, and no error.
    bool passed() const;
    int count(DryRunStep::Outcome outcome) const;
    // For a terminal: one line per step with its mark, then what explains it.
    QString text() const;
    QString markdown() const;
};

} // namespace tusk::core

Q_DECLARE_METATYPE(tusk::core::DryRunStep)
Q_DECLARE_METATYPE(tusk::core::DryRunReport)
