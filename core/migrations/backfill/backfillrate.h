#pragma once

#include <QList>

namespace tusk::core {

// The measured pace of a backfill over a sliding window of samples: rows
// updated per second, and the time left from how fast the walk moves
// through the table (a fraction from 0 to 1), so rows already right do not
// stretch the estimate. A value; any thread.
class BackfillRate {
public:
    explicit BackfillRate(qint64 windowMs = 10'000);

    // One sample after a batch: at `atMs` (any monotonic clock), rows
    // updated so far, fraction of the table walked (negative: unknown).
    void add(qint64 atMs, qint64 rowsDone, double fraction);
    // Forgets the samples (after a pause, which is no part of the pace).
    void reset();

    double rowsPerSecond() const; // 0 until two samples
    double etaSeconds() const; // -1 unknown

private:
    struct Sample {
        qint64 atMs;
        qint64 rows;
        double fraction;
    };
    QList<Sample> m_samples;
    qint64 m_windowMs;
};

} // namespace tusk::core
