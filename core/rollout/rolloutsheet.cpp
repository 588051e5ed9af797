#include "rolloutsheet.h"

#include "core/migrations/changelog.h"

#include <QCryptographicHash>
#include <QProcess>
#include <QRegularExpression>

namespace tusk::core {

namespace {
QString fenced(const QString &sql)
{
    return QStringLiteral("```sql\n%1\n```\n").arg(sql.trimmed());
}
} // namespace

RolloutSheet::RolloutSheet(QList<QPair<QString, QByteArray>> pending, RolloutPlan plan)
    : m_pending(std::move(pending))
    , m_plan(std::move(plan))
{
}

QString RolloutSheet::hash() const
{
    QCryptographicHash sha(QCryptographicHash::Sha256);
    for (const auto &[name, bytes] : m_pending) {
        sha.addData(name.toUtf8());
        sha.addData(QByteArrayView("\0", 1));
        sha.addData(bytes);
        sha.addData(QByteArrayView("\0", 1));
    }
    return QString::fromLatin1(sha.result().toHex());
}

QString RolloutSheet::changelogEntry(const SignOff &signOff)
{
    return QStringLiteral("Rollout signed off by %1 at %2 (sheet sha256 %3)")
        .arg(signOff.reviewer,
            signOff.at.toUTC().toString(QStringLiteral("yyyy-MM-dd hh:mm 'UTC'")), signOff.hash);
}

RolloutSheet::SignOff RolloutSheet::signOffIn(const QByteArray &changelog)
{
    static const QRegularExpression pattern(QStringLiteral(
        "^Rollout signed off by (.+) at (\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d) UTC \\(sheet sha256 "
        "([0-9a-f]{64})\\)"));
    SignOff newest;
    for (const Changelog::Entry &entry : Changelog(changelog).entries()) {
        if (entry.file != changelogKey())
            continue;
        const QRegularExpressionMatch m = pattern.match(entry.text);
        if (!m.hasMatch())
            continue;
        QDateTime at = QDateTime::fromString(m.captured(2), QStringLiteral("yyyy-MM-dd hh:mm"));
        at.setTimeSpec(Qt::UTC);
        if (newest.isNull() || at > newest.at)
            newest = {m.captured(1), at, m.captured(3)};
    }
    return newest;
}

QString RolloutSheet::gitUserName(const QString &folder)
{
    QProcess git;
    git.setWorkingDirectory(folder);
    git.start(QStringLiteral("git"), {QStringLiteral("config"), QStringLiteral("user.name")});
    // Waits: for the command line. The wizard runs the same command as an
    // asynchronous QProcess.
    if (!git.waitForFinished(3000) || git.exitCode() != 0)
        return {};
    return QString::fromUtf8(git.readAllStandardOutput()).trimmed();
}

QString RolloutSheet::stepSection(int number, const RolloutStep &step) const
{
    QString out = QStringLiteral("\n### Step %1 (%2)\n\n")
                      .arg(number)
                      .arg(RolloutStep::phaseName(step.phase));
    out += fenced(step.up);
    out += QStringLiteral("\n- **Lock**: %1\n").arg(step.lock);
    out += QStringLiteral("- **In a transaction**: %1\n")
               .arg(step.inTransaction ? QStringLiteral("yes")
                                       : QStringLiteral("no (run it on its own)"));
    const DryRunStep *result = nullptr;
    if (m_dryRun) {
        for (const DryRunStep &s : m_dryRun->steps) {
            if (s.number == number)
                result = &s;
        }
    }
    if (result && !result->estimate.isEmpty())
        out += QStringLiteral("- **Expected duration**: %1\n").arg(result->estimate);
    if (step.gate.isEmpty()) {
        out += QStringLiteral("- **Gate**: none\n");
    } else {
        out += QStringLiteral("- **Gate** before the next step:\n");
        for (const ChangeVerifier::Check &check : step.gate)
            out += QStringLiteral("  - %1\n").arg(check.what);
    }
    if (result) {
        out += QStringLiteral("- **Dry run**: %1 %2%3\n")
                   .arg(result->mark(), DryRunStep::outcomeName(result->outcome),
                       result->explanation.isEmpty() ? QString()
                                                     : QStringLiteral(": ") + result->explanation);
        for (const SchemaComparison::Difference &d : result->rollbackLeft)
            out += QStringLiteral("  - the rollback left: %1\n").arg(d.describe());
        for (const SchemaComparison::Difference &d : result->upAgainDiffers)
            out += QStringLiteral("  - up again differs: %1\n").arg(d.describe());
    } else {
        out += QStringLiteral("- **Dry run**: not run\n");
    }
    out += QStringLiteral("- **Rollback**%1:\n\n")
               .arg(step.rollbackSafe ? QString() : QStringLiteral(" (not safe)"));
    const QString rollback =
        result && !result->rollbackRun.isEmpty() ? result->rollbackRun : step.rollback;
    out += fenced(rollback);
    return out;
}

QString RolloutSheet::markdown() const
{
    QString out = QStringLiteral("# Rollout review sheet\n\n");
    QStringList files;
    for (const auto &[name, bytes] : m_pending)
        files << QStringLiteral("`%1`").arg(name);
    out += QStringLiteral("Pending files: %1  \nSheet sha256: `%2`\n")
               .arg(files.isEmpty() ? QStringLiteral("none") : files.join(QStringLiteral(", ")),
                   hash());
    if (m_dryRun) {
        out += QStringLiteral("Dry run: %1 proven, %2 failed, %3 without rollback on %4\n")
                   .arg(m_dryRun->count(DryRunStep::Outcome::Proven))
                   .arg(m_dryRun->count(DryRunStep::Outcome::Failed))
                   .arg(m_dryRun->count(DryRunStep::Outcome::NoRollback))
                   .arg(m_dryRun->scratch);
        if (!m_dryRun->error.isEmpty())
            out += QStringLiteral("\n**The dry run stopped:** %1\n").arg(m_dryRun->error);
    } else {
        out += QStringLiteral("Dry run: not run (`tusk rollout dry-run`)\n");
    }
    if (!m_plan.settings.isEmpty())
        out += QStringLiteral("\nEvery step runs with `%1`.\n")
                   .arg(m_plan.settings.join(QStringLiteral("` `")));
    out += QStringLiteral("\n## Steps\n");
    int number = 0;
    for (const RolloutItem &item : m_plan.items) {
        for (const RolloutStep &step : item.steps)
            out += stepSection(++number, step);
    }
    out += QStringLiteral("\n## Sign-off\n\n");
    if (m_signOff.isNull())
        out += QStringLiteral("Not signed off.\n");
    else if (signOffVoid())
        out +=
            QStringLiteral("**VOID**: %1 signed off at %2 UTC, but the pending files changed "
                           "since (signed sheet %3, this sheet %4). Review again.\n")
                .arg(m_signOff.reviewer, m_signOff.at.toString(QStringLiteral("yyyy-MM-dd hh:mm")),
                    m_signOff.hash.left(12), hash().left(12));
    else
        out +=
            QStringLiteral("Signed off by **%1** at %2 UTC for this sheet.\n")
                .arg(m_signOff.reviewer, m_signOff.at.toString(QStringLiteral("yyyy-MM-dd hh:mm")));
    return out;
}

} // namespace tusk::core
