#include "rolloutplan.h"

#include "core/sql/parsedscript.h"
#include "core/sql/sqlidentifier.h"

namespace tusk::core {

QString RolloutStep::phaseName(Phase phase)
{
    switch (phase) {
    case Phase::Expand:
        return QStringLiteral("expand");
    case Phase::Backfill:
        return QStringLiteral("backfill");
    case Phase::MigrateReads:
        return QStringLiteral("migrate reads");
    case Phase::Contract:
        return QStringLiteral("contract");
    }
    return {};
}

bool RolloutStep::isCommentOnly(const QString &sql)
{
    const QStringList lines = sql.split(QLatin1Char('\n'));
    return std::all_of(lines.begin(), lines.end(), [](const QString &line) {
        const QString t = line.trimmed();
        return t.isEmpty() || t.startsWith(QLatin1String("--"));
    });
}

QStringList RolloutStep::statementsOf(const QString &sql)
{
    const QByteArray bytes = sql.toUtf8();
    const ParsedScript script(bytes, 1);
    QStringList out;
    for (const ParsedStatement &s : script.statements())
        out << QString::fromUtf8(bytes.mid(s.range.begin, s.range.size()));
    return out;
}

QString RolloutStep::oneLine(const QString &sql, int width)
{
    QStringList lines = sql.split(QLatin1Char('\n'));
    while (lines.size() > 1 && lines.first().trimmed().startsWith(QLatin1String("--")))
        lines.removeFirst();
    const QString line = lines.join(QLatin1Char(' ')).simplified();
    return line.size() > width ? line.left(width - 1) + QChar(0x2026) : line;
}

RolloutStep RolloutStep::migrateReads(const QString &what)
{
    RolloutStep step;
    step.phase = Phase::MigrateReads;
    step.up = QStringLiteral("-- migrate reads: ") + SqlIdentifier::commentText(what);
    step.rollback = QStringLiteral("-- deploy the previous version of the application");
    step.lock = QStringLiteral("none");
    return step;
}

QString RolloutItem::kindName(Kind kind)
{
    switch (kind) {
    case Kind::Safe:
        return QStringLiteral("safe as written");
    case Kind::Online:
        return QStringLiteral("safe in its online form");
    case Kind::Breaking:
        return QStringLiteral("breaking: needs a recipe");
    case Kind::Recipe:
        return QStringLiteral("breaking as written: a recipe replaces it");
    }
    return {};
}

int RolloutPlan::stepCount() const
{
    int n = 0;
    for (const RolloutItem &item : items)
        n += int(item.steps.size());
    return n;
}

QString RolloutPlan::markdown() const
{
    QString out = QStringLiteral("# Rollout plan\n\n%1 statement%2, %3 step%4.\n")
                      .arg(items.size())
                      .arg(items.size() == 1 ? QString() : QStringLiteral("s"))
                      .arg(stepCount())
                      .arg(stepCount() == 1 ? QString() : QStringLiteral("s"));
    if (!settings.isEmpty())
        out += QStringLiteral("\nEvery step runs with `%1`.\n")
                   .arg(settings.join(QStringLiteral("` `")));
    int number = 0;
    for (qsizetype i = 0; i < items.size(); ++i) {
        const RolloutItem &item = items.at(i);
        out += QStringLiteral("\n## %1. %2\n\n```sql\n%3\n```\n")
                   .arg(i + 1)
                   .arg(RolloutItem::kindName(item.kind), item.statement);
        if (!item.why.isEmpty())
            out += QStringLiteral("\nWhy: %1\n").arg(item.why);
        for (const RolloutStep &step : item.steps) {
            out += QStringLiteral("\n### Step %1 (%2)\n\n```sql\n%3\n```\n\n")
                       .arg(++number)
                       .arg(RolloutStep::phaseName(step.phase), step.up);
            out += QStringLiteral("- Lock: %1\n").arg(step.lock);
            out += QStringLiteral("- In a transaction: %1\n")
                       .arg(step.inTransaction ? QStringLiteral("yes")
                                               : QStringLiteral("no (run it on its own)"));
            if (step.backfill)
                out += QStringLiteral("- Runs in batches by key, resumable (docs/backfill.md): "
                                      "`tusk rollout backfill --table %1 --set \"%2\" --where "
                                      "\"%3\"`\n")
                           .arg(step.backfill->table, step.backfill->set, step.backfill->where);
            out +=
                QStringLiteral("- Rollback%1:\n\n  ```sql\n  %2\n  ```\n")
                    .arg(step.rollbackSafe ? QString() : QStringLiteral(" (not safe)"),
                        QString(step.rollback).replace(QLatin1Char('\n'), QStringLiteral("\n  ")));
            if (step.gate.isEmpty()) {
                out += QStringLiteral("- Gate: none\n");
            } else {
                out += QStringLiteral("- Gate before the next step:\n");
                for (const ChangeVerifier::Check &check : step.gate)
                    out += QStringLiteral("  - %1\n").arg(check.what);
            }
        }
    }
    return out;
}

} // namespace tusk::core
