#pragma once

#include "dryrunstep.h"
#include "rolloutplan.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QPair>
#include <QString>

#include <optional>

namespace tusk::core {

// The reviewer's sheet (issue 23, point 9): one page per rollout with every
// step's SQL, lock and what it blocks, expected duration, gate, dry-run
// result, rollback, and the sign-off. The sign-off names the reviewer, the
// time and the hash of the pending files the sheet was made from; it is
// kept in CHANGELOG.md as Tusk's entry under the key "rollout-sign-off",
// so any later change to the pending files voids it, visibly: the sheet
// and `tusk rollout sheet` say so. Pure; the writer saves the CHANGELOG.
class RolloutSheet {
public:
    struct SignOff {
        QString reviewer;
        QDateTime at; // UTC
        QString hash; // sha256 (hex) of the pending files signed off
        bool isNull() const { return hash.isEmpty(); }
    };

    // `pending`: the pending files (name, bytes) in the order they run.
    RolloutSheet(QList<QPair<QString, QByteArray>> pending, RolloutPlan plan);

    void setDryRun(const DryRunReport &report) { m_dryRun = report; }
    void setSignOff(const SignOff &signOff) { m_signOff = signOff; }

    // sha256 over every pending file's name and bytes.
    QString hash() const;
    // True when a sign-off exists and was given for other pending files.
    bool signOffVoid() const { return !m_signOff.isNull() && m_signOff.hash != hash(); }
    QString markdown() const;

    // The CHANGELOG key of the sign-off entry, and its text.
    static QString changelogKey() { return QStringLiteral("rollout-sign-off"); }
    static QString changelogEntry(const SignOff &signOff);
    // The newest sign-off in a CHANGELOG.md; null when there is none.
    static SignOff signOffIn(const QByteArray &changelog);
    // git's user.name in `folder`, for the reviewer field (empty when none).
    // Waits for git (up to 3 s): the command line's; the wizard runs
    // `git config user.name` asynchronously.
    static QString gitUserName(const QString &folder);

private:
    QString stepSection(int number, const RolloutStep &step) const;

    QList<QPair<QString, QByteArray>> m_pending;
    RolloutPlan m_plan;
    std::optional<DryRunReport> m_dryRun;
    SignOff m_signOff;
};

} // namespace tusk::core
