#include "durationtext.h"

namespace tusk::core {

QString durationText(qint64 milliseconds)
{
    if (milliseconds < 1000)
        return QStringLiteral("%1 ms").arg(milliseconds);
    if (milliseconds < 60'000)
        return QStringLiteral("%1 s").arg(double(milliseconds) / 1000.0, 0, 'f', 2);
    const qint64 seconds = milliseconds / 1000;
    if (seconds < 3600)
        return QStringLiteral("%1 min %2 s")
            .arg(seconds / 60)
            .arg(seconds % 60, 2, 10, QLatin1Char('0'));
    return QStringLiteral("%1 h %2 min")
        .arg(seconds / 3600)
        .arg((seconds % 3600) / 60, 2, 10, QLatin1Char('0'));
}

QString ageText(qint64 milliseconds)
{
    if (milliseconds < 0)
        return QStringLiteral("-");
    if (milliseconds < 60'000)
        return QStringLiteral("%1 s").arg(milliseconds / 1000);
    if (milliseconds < 3'600'000)
        return QStringLiteral("%1 min").arg(milliseconds / 60'000);
    return QStringLiteral("%1 h").arg(milliseconds / 3'600'000);
}

} // namespace tusk::core
