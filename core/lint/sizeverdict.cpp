#include "sizeverdict.h"

#include "relationlock.h"
#include "schemafacts.h"

namespace tusk::core {

namespace {
constexpr qint64 kSmallBytes = 8 * 1024 * 1024;
constexpr qint64 kSmallRows = 10'000;
constexpr qint64 kLargeBytes = 1024LL * 1024 * 1024;
constexpr qint64 kLargeRows = 10'000'000;
} // namespace

double SizeVerdict::estimatedSeconds(const RelationLock &lock, qint64 bytes)
{
    // Rough throughputs of a modest server, disk-bound: a rewrite copies the
    // heap and rebuilds every index; a scan (validation, index build) reads it.
    if (bytes < 0)
        return -1;
    if (lock.rewrites)
        return double(bytes) / (150.0 * 1024 * 1024);
    if (lock.scans)
        return double(bytes) / (400.0 * 1024 * 1024);
    return -1;
}

QString SizeVerdict::humanBytes(qint64 bytes)
{
    const char *units[] = {"bytes", "kB", "MB", "GB", "TB"};
    double value = double(bytes);
    int unit = 0;
    while (value >= 1024 && unit < 4) {
        value /= 1024;
        ++unit;
    }
    return unit == 0 ? QStringLiteral("%1 bytes").arg(bytes)
                     : QStringLiteral("%1 %2")
                           .arg(value, 0, 'f', value < 10 ? 1 : 0)
                           .arg(QLatin1String(units[unit]));
}

QString SizeVerdict::humanSeconds(double seconds)
{
    if (seconds < 1)
        return QStringLiteral("under a second");
    if (seconds < 90)
        return QStringLiteral("~%1 s").arg(qRound(seconds));
    if (seconds < 5400)
        return QStringLiteral("~%1 min").arg(qRound(seconds / 60));
    return QStringLiteral("~%1 h").arg(seconds / 3600, 0, 'f', 1);
}

void SizeVerdict::apply(
    Finding &finding, const RelationLock &lock, const TableFacts &table, bool sizesFromTarget)
{
    if (table.totalBytes < 0 && table.rowEstimate < 0)
        return; // no size known (a table the target lacks)
    const bool small =
        table.totalBytes >= 0 && table.totalBytes < kSmallBytes && table.rowEstimate < kSmallRows;
    const bool large = table.totalBytes >= kLargeBytes || table.rowEstimate >= kLargeRows;
    if (small && sizesFromTarget && finding.severity > Severity::Info)
        finding.severity = Severity::Info;
    else if (large && finding.severity == Severity::Warning)
        finding.severity = Severity::Error;
    QString size = QStringLiteral("%1: %2, about %3 rows")
                       .arg(table.name, humanBytes(std::max<qint64>(table.totalBytes, 0)))
                       .arg(std::max<qint64>(table.rowEstimate, 0));
    const double seconds = estimatedSeconds(lock, table.totalBytes);
    if (seconds >= 0)
        size +=
            QStringLiteral("; the lock is held for %1 (rough estimate)").arg(humanSeconds(seconds));
    if (!sizesFromTarget && !large) {
        // What the local size means, and what the verdict depends on.
        size = QStringLiteral("here %1; these are not the target's sizes (take them from a "
                              "production profile: --sizes-from PROFILE, or the editor's Table "
                              "Sizes for Lint): on a large table the lock is held for the whole "
                              "%2")
                   .arg(size,
                       lock.rewrites    ? QStringLiteral("rewrite")
                           : lock.scans ? QStringLiteral("scan")
                                        : QStringLiteral("statement"));
    }
    finding.note = finding.note.isEmpty() ? size : finding.note + QStringLiteral("; ") + size;
}

} // namespace tusk::core
