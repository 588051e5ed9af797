#pragma once

#include "activitysample.h"
#include "activitytally.h"

#include <QDateTime>
#include <QList>

#include <chrono>
#include <memory>

namespace tusk::core {

// The activity monitor's memory (issue 24, point 9): every sample of the
// last hour (by default), to scrub back to the state of the sessions, the
// locks and the tree at any moment of an incident, and a tally of each
// for the charts.
//
// Memory is the point: an hour at 1 s of 500 sessions must stay near
// 60 MB, about 30 bytes a session a sample, where a sample as it arrives
// takes some 300 bytes a session. So a sample is kept as what changed
// since the one before (ActivityHistoryCodec): the sessions that appeared
// or changed, the pids that left, the lock, prepared-transaction and
// progress lists only when they differ; with a keyframe (every session)
// every `keyframeInterval` samples. Ages are kept as the instants they
// started, so a session that did nothing is identical from one sample to
// the next and costs nothing; texts are kept once (ActivityHistoryStrings),
// so a query repeated for an hour costs its length once. sampleAt()
// rebuilds a sample from the keyframe before it, exactly, except that an
// age may differ from the one sampled by at most 1 ms (the server rounds
// every age to the millisecond on its own clock).
//
// Samples older than the newest minus the capacity are dropped as new ones
// arrive. Not thread-safe: one thread, the owner's (the Activity page's or
// the command's); sampleAt() caches the sample it rebuilt last, so that
// scrubbing forward costs one record.
class ActivityHistory {
public:
    static constexpr std::chrono::milliseconds defaultCapacity = std::chrono::hours(1);
    static constexpr int defaultKeyframeInterval = 60;

    explicit ActivityHistory(std::chrono::milliseconds capacity = defaultCapacity,
        int keyframeInterval = defaultKeyframeInterval);
    ~ActivityHistory();
    // A history moved from may only be assigned to or destroyed.
    ActivityHistory(ActivityHistory &&other) noexcept;
    ActivityHistory &operator=(ActivityHistory &&other) noexcept;

    std::chrono::milliseconds capacity() const;
    // A shorter capacity drops what falls outside it at once.
    void setCapacity(std::chrono::milliseconds capacity);
    int keyframeInterval() const;

    // Keeps `sample`; false (and nothing kept) when it has no time or is
    // older than the newest (the samples of a history are in time order).
    bool append(const ActivitySample &sample);
    void clear();

    int size() const;
    bool isEmpty() const { return size() == 0; }
    QDateTime first() const; // invalid when empty
    QDateTime last() const;
    QDateTime timeAt(int index) const;
    QList<QDateTime> times() const;
    // The sample at `moment` or the last one before it; -1 when `moment`
    // is before the first (or the history is empty).
    int indexAt(const QDateTime &moment) const;
    // The sample as it was taken (see above for ages); an empty sample for
    // an index out of range.
    ActivitySample sampleAt(int index) const;
    // One per sample, in the same order.
    const QList<ActivityTally> &tallies() const;
    // Distinct texts (queries, names) the kept samples hold: what memory the
    // history needs beyond its records.
    int textCount() const;

private:
    struct Data;
    void evict();
    void dropFirst();

    std::unique_ptr<Data> d;
};

} // namespace tusk::core
