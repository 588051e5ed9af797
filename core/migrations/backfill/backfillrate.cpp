#include "backfillrate.h"

namespace tusk::core {

BackfillRate::BackfillRate(qint64 windowMs)
    : m_windowMs(windowMs)
{
}

void BackfillRate::add(qint64 atMs, qint64 rowsDone, double fraction)
{
    m_samples.append({atMs, rowsDone, fraction});
    // Samples older than the window go, but two always stay: after a long
    // batch or wait the pace is measured over it.
    while (m_samples.size() > 2 && m_samples.first().atMs < atMs - m_windowMs)
        m_samples.removeFirst();
}

void BackfillRate::reset()
{
    m_samples.clear();
}

double BackfillRate::rowsPerSecond() const
{
    if (m_samples.size() < 2)
        return 0;
    const Sample &first = m_samples.first();
    const Sample &last = m_samples.last();
    const qint64 ms = last.atMs - first.atMs;
    return ms > 0 ? double(last.rows - first.rows) * 1000.0 / double(ms) : 0;
}

double BackfillRate::etaSeconds() const
{
    if (m_samples.size() < 2)
        return -1;
    const Sample &first = m_samples.first();
    const Sample &last = m_samples.last();
    if (first.fraction < 0 || last.fraction < 0)
        return -1;
    if (last.fraction >= 1)
        return 0;
    const double moved = last.fraction - first.fraction;
    const qint64 ms = last.atMs - first.atMs;
    if (moved <= 0 || ms <= 0)
        return -1;
    return (1.0 - last.fraction) * double(ms) / 1000.0 / moved;
}

} // namespace tusk::core
