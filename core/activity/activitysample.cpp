#include "activitysample.h"

#include <QSet>

namespace tusk::core {

bool ActivityLock::sameTag(const ActivityLock &o) const
{
    return lockType == o.lockType && database == o.database && relation == o.relation
        && page == o.page && tuple == o.tuple && virtualXid == o.virtualXid
        && transactionId == o.transactionId && classId == o.classId && objId == o.objId
        && objSubId == o.objSubId;
}

QString ActivityLock::target() const
{
    if (lockType == QLatin1String("relation"))
        return QStringLiteral("relation ")
            + (relationName.isEmpty() ? QString::number(relation) : relationName);
    if (lockType == QLatin1String("tuple"))
        return QStringLiteral("row (%1,%2) of %3")
            .arg(page)
            .arg(tuple)
            .arg(relationName.isEmpty() ? QString::number(relation) : relationName);
    if (lockType == QLatin1String("transactionid"))
        return QStringLiteral("transaction ") + transactionId;
    if (lockType == QLatin1String("virtualxid"))
        return QStringLiteral("virtual transaction ") + virtualXid;
    if (lockType == QLatin1String("advisory"))
        return objSubId == 1
            ? QStringLiteral("advisory key %1").arg((qint64(classId) << 32) | qint64(objId))
            : QStringLiteral("advisory key %1:%2").arg(classId).arg(objId);
    if (lockType == QLatin1String("page"))
        return QStringLiteral("page %1 of %2").arg(page).arg(relationName);
    return QStringLiteral("%1 %2:%3").arg(lockType).arg(classId).arg(objId);
}

std::optional<LockMode> ActivityLock::modeOf(const QString &name)
{
    static const QList<std::pair<QLatin1String, LockMode>> modes {
        {QLatin1String("AccessShareLock"), LockMode::AccessShare},
        {QLatin1String("RowShareLock"), LockMode::RowShare},
        {QLatin1String("RowExclusiveLock"), LockMode::RowExclusive},
        {QLatin1String("ShareUpdateExclusiveLock"), LockMode::ShareUpdateExclusive},
        {QLatin1String("ShareLock"), LockMode::Share},
        {QLatin1String("ShareRowExclusiveLock"), LockMode::ShareRowExclusive},
        {QLatin1String("ExclusiveLock"), LockMode::Exclusive},
        {QLatin1String("AccessExclusiveLock"), LockMode::AccessExclusive},
    };
    for (const auto &[text, mode] : modes) {
        if (name == text)
            return mode;
    }
    return std::nullopt;
}

const ActivitySession *ActivitySample::session(int pid) const
{
    for (const ActivitySession &s : sessions) {
        if (s.pid == pid)
            return &s;
    }
    return nullptr;
}

ActivitySample ActivitySample::restrictedTo(const QString &database) const
{
    ActivitySample out = *this;
    out.sessions.clear();
    out.locks.clear();
    out.prepared.clear();
    out.progress.clear();
    out.databases.clear();
    for (const DatabaseTotals &d : databases) {
        if (d.database == database)
            out.databases << d;
    }
    QSet<int> pids;
    for (const ActivitySession &s : sessions) {
        if (s.database == database) {
            out.sessions << s;
            pids.insert(s.pid);
        }
    }
    for (const PreparedTransaction &p : prepared) {
        if (p.database == database)
            out.prepared << p;
    }
    for (const CommandProgress &p : progress) {
        if (pids.contains(p.pid))
            out.progress << p;
    }
    for (const ActivityLock &l : locks) {
        if (pids.contains(l.pid) || (l.pid == 0 && !out.prepared.isEmpty()))
            out.locks << l;
    }
    return out;
}

} // namespace tusk::core
