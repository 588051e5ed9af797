#include "rolloutfiles.h"

#include "core/migrations/backfill/backfillspec.h"
#include "core/migrations/migrationsfolder.h"
#include "core/sql/sqlidentifier.h"

#include <QFile>

namespace tusk::core {

namespace {
QString commented(const QString &text)
{
    // A lone carriage return ends a `--` comment for the server too.
    QString newlines = text.trimmed();
    newlines.replace(QStringLiteral("\r\n"), QStringLiteral("\n"))
        .replace(QLatin1Char('\r'), QLatin1Char('\n'));
    QStringList lines = newlines.split(QLatin1Char('\n'));
    for (QString &line : lines)
        line = QString(QStringLiteral("--   ") + line).trimmed();
    return lines.join(QLatin1Char('\n'));
}

// A backfill step as the plain-SQL procedure that commits per batch.
QString backfillSql(const RolloutStep::Backfill &b)
{
    BackfillSpec spec;
    spec.name = BackfillSpec::defaultName(b.table, b.set);
    spec.table = b.table;
    spec.set = b.set;
    spec.predicate = b.where;
    return BackfillSpec::progressTableSql().trimmed() + QStringLiteral("\n\n")
        + spec.procedureSql().trimmed() + QStringLiteral("\n\n") + spec.callSql().trimmed();
}
} // namespace

RolloutFiles::Pending RolloutFiles::readPending(const QString &folder, QString *error)
{
    Pending out;
    const MigrationsFolder read = MigrationsFolder::read(folder);
    if (!read.exists()) {
        *error = QStringLiteral("no migrations folder at %1").arg(folder);
        return {};
    }
    for (const MigrationsFolder::PendingFile &f : read.pending()) {
        QFile file(f.path);
        if (!file.open(QIODevice::ReadOnly)) {
            *error = QStringLiteral("cannot read %1: %2").arg(f.path, file.errorString());
            return {};
        }
        out << qMakePair(f.name, file.readAll());
    }
    return out;
}

QByteArray RolloutFiles::joined(const Pending &pending)
{
    QByteArray sql;
    for (const auto &[name, bytes] : pending)
        sql += bytes + '\n';
    return sql;
}

PendingRewrite RolloutFiles::rewrite(const Pending &pending, const RolloutPlan &plan)
{
    PendingRewrite out;
    QStringList sources;
    for (const auto &[name, bytes] : pending) {
        out.originals.insert(name, bytes);
        sources << name;
    }
    out.title = QStringLiteral("write the rollout of %1 as %2 step files")
                    .arg(sources.join(QStringLiteral(", ")))
                    .arg(plan.stepCount());
    out.reason = QStringLiteral("one file per step, in the order they run, each with its lock, "
                                "gate and rollback (tusk rollout plan)");
    const QString settings = plan.settings.join(QLatin1Char('\n'));
    QString carried; // the application's step, heading the next file
    int number = 0;
    int total = plan.stepCount();
    for (const RolloutItem &item : plan.items) {
        for (const RolloutStep &step : item.steps) {
            ++number;
            if (step.isApplicationStep()) {
                carried += QStringLiteral("-- Before this file, the application's step %1: %2\n")
                               .arg(number)
                               .arg(step.up.trimmed().mid(2).trimmed());
                continue;
            }
            QString text = carried;
            carried.clear();
            text += QStringLiteral("-- Rollout step %1 of %2 (%3), from %4\n")
                        .arg(number)
                        .arg(total)
                        .arg(RolloutStep::phaseName(step.phase),
                            SqlIdentifier::commentText(sources.join(QStringLiteral(", "))));
            // Names in comment lines: a line break in one would end the
            // comment and put the rest of the name in the file as SQL.
            text += QStringLiteral("-- Lock: %1\n").arg(SqlIdentifier::commentText(step.lock));
            for (const ChangeVerifier::Check &check : step.gate)
                text += QStringLiteral("-- Gate before the next file: %1\n")
                            .arg(SqlIdentifier::commentText(check.what));
            text += QStringLiteral("-- Rollback%1:\n%2\n")
                        .arg(step.rollbackSafe ? QString() : QStringLiteral(" (not safe)"),
                            commented(step.rollback));
            if (!settings.isEmpty())
                text += settings + QLatin1Char('\n');
            text += QLatin1Char('\n')
                + (step.backfill ? backfillSql(*step.backfill) : step.up.trimmed())
                + QLatin1Char('\n');
            const QString name = QStringLiteral("%1_prerelease.sql").arg(out.files.size() + 1);
            out.files << PendingRewrite::fileOf(name, text.toUtf8());
            // The procedure commits per batch: no transaction may wrap its CALL.
            out.files.last().outsideTransaction |= step.backfill.has_value();
        }
    }
    if (!carried.isEmpty() && !out.files.isEmpty()) {
        // The rollout ends with the application's step: its own last file.
        const QString name = QStringLiteral("%1_prerelease.sql").arg(out.files.size() + 1);
        out.files << PendingRewrite::fileOf(name, carried.toUtf8());
    }
    QStringList written;
    for (const PendingRewrite::File &f : out.files)
        written << f.name;
    for (const QString &name : sources) {
        if (!written.contains(name))
            out.removed << name;
        // The CHANGELOG entries of a pending file follow its first step.
        if (!out.files.isEmpty())
            out.fileMoves.insert(name, out.files.first().name);
    }
    return out;
}

} // namespace tusk::core
