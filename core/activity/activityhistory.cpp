#include "activityhistory.h"

#include "activityhistorycodec.h"
#include "activityhistorystate.h"
#include "activityhistorystrings.h"

#include <algorithm>

namespace tusk::core {

struct ActivityHistory::Data {
    std::chrono::milliseconds capacity;
    int keyframeInterval;
    ActivityHistoryStrings strings;
    ActivityHistoryState last; // the newest sample, to diff the next one against
    QList<QByteArray> records; // one per sample; records.first() is always a keyframe
    QList<qint64> times; // ms since the epoch, UTC
    QList<ActivityTally> tallies;
    int sinceKeyframe = 0; // records after the newest keyframe
    qint64 firstSequence = 0; // the number of the sample at index 0, counting from the first ever

    // The sample sampleAt() rebuilt last, by sequence number (-1 none).
    mutable qint64 cachedSequence = -1;
    mutable ActivityHistoryState cached;
};

ActivityHistory::ActivityHistory(std::chrono::milliseconds capacity, int keyframeInterval)
    : d(std::make_unique<Data>())
{
    d->capacity = capacity;
    d->keyframeInterval = std::max(1, keyframeInterval);
}

ActivityHistory::~ActivityHistory() = default;
ActivityHistory::ActivityHistory(ActivityHistory &&other) noexcept = default;
ActivityHistory &ActivityHistory::operator=(ActivityHistory &&other) noexcept = default;

std::chrono::milliseconds ActivityHistory::capacity() const
{
    return d->capacity;
}

void ActivityHistory::setCapacity(std::chrono::milliseconds capacity)
{
    d->capacity = capacity;
    evict();
}

int ActivityHistory::keyframeInterval() const
{
    return d->keyframeInterval;
}

bool ActivityHistory::append(const ActivitySample &sample)
{
    if (!sample.takenAt.isValid())
        return false;
    const qint64 at = sample.takenAt.toMSecsSinceEpoch();
    if (!d->times.isEmpty() && at < d->times.last())
        return false;
    ActivityHistoryState next = ActivityHistoryState::of(sample, d->last, d->strings);
    const bool keyframe = d->records.isEmpty() || d->sinceKeyframe + 1 >= d->keyframeInterval;
    d->records << ActivityHistoryCodec::encode(
        keyframe ? ActivityHistoryState() : d->last, next, keyframe, d->strings);
    d->strings.sweep(); // texts of the sample that no record needed
    d->sinceKeyframe = keyframe ? 0 : d->sinceKeyframe + 1;
    d->last = std::move(next);
    d->times << at;

    ActivityTally tally = ActivityTally::of(sample);
    if (!d->tallies.isEmpty()) {
        // Counts that did not move share the previous tally's maps.
        const ActivityTally &before = d->tallies.last();
        if (tally.byState == before.byState)
            tally.byState = before.byState;
        if (tally.byWaitEventType == before.byWaitEventType)
            tally.byWaitEventType = before.byWaitEventType;
    }
    d->tallies << tally;
    evict();
    return true;
}

void ActivityHistory::clear()
{
    const auto capacity = d->capacity;
    const int interval = d->keyframeInterval;
    d = std::make_unique<Data>();
    d->capacity = capacity;
    d->keyframeInterval = interval;
}

void ActivityHistory::evict()
{
    if (d->times.isEmpty() || d->capacity.count() <= 0)
        return;
    const qint64 oldest = d->times.last() - d->capacity.count();
    while (d->times.size() > 1 && d->times.first() < oldest)
        dropFirst();
}

// The first sample goes. When the second is not a keyframe it becomes one
// (the first's state plus its own record), so that every sample left can
// still be rebuilt; only then are the texts the two old records held
// released, so none is dropped while the new keyframe needs it.
void ActivityHistory::dropFirst()
{
    QList<quint32> ids;
    if (d->records.size() > 1 && !ActivityHistoryCodec::isKeyframe(d->records.at(1))) {
        ActivityHistoryState state;
        ActivityHistoryCodec::decode(d->records.at(0), d->times.at(0), state, &ids);
        ActivityHistoryCodec::decode(d->records.at(1), d->times.at(1), state, &ids);
        d->records[1] =
            ActivityHistoryCodec::encode(ActivityHistoryState(), state, true, d->strings);
        if (d->records.size() == 2)
            d->sinceKeyframe = 0;
    } else {
        ActivityHistoryState ignored;
        ActivityHistoryCodec::decode(d->records.at(0), d->times.at(0), ignored, &ids);
    }
    for (quint32 id : std::as_const(ids))
        d->strings.unref(id);
    d->records.removeFirst();
    d->times.removeFirst();
    d->tallies.removeFirst();
    ++d->firstSequence;
    if (d->cachedSequence < d->firstSequence) {
        d->cachedSequence = -1;
        d->cached = {};
    }
}

int ActivityHistory::size() const
{
    return int(d->times.size());
}

int ActivityHistory::textCount() const
{
    return d->strings.count();
}

QDateTime ActivityHistory::first() const
{
    return timeAt(0);
}

QDateTime ActivityHistory::last() const
{
    return timeAt(size() - 1);
}

QDateTime ActivityHistory::timeAt(int index) const
{
    if (index < 0 || index >= size())
        return {};
    return QDateTime::fromMSecsSinceEpoch(d->times.at(index), Qt::UTC);
}

QList<QDateTime> ActivityHistory::times() const
{
    QList<QDateTime> out;
    out.reserve(d->times.size());
    for (qint64 t : std::as_const(d->times))
        out << QDateTime::fromMSecsSinceEpoch(t, Qt::UTC);
    return out;
}

int ActivityHistory::indexAt(const QDateTime &moment) const
{
    if (!moment.isValid())
        return -1;
    const qint64 t = moment.toMSecsSinceEpoch();
    const auto after = std::upper_bound(d->times.cbegin(), d->times.cend(), t);
    return int(after - d->times.cbegin()) - 1;
}

ActivitySample ActivityHistory::sampleAt(int index) const
{
    if (index < 0 || index >= size())
        return {};
    if (index == size() - 1)
        return d->last.sample(d->strings);
    int from = index;
    while (from > 0 && !ActivityHistoryCodec::isKeyframe(d->records.at(from)))
        --from;
    const qint64 sequence = d->firstSequence + index;
    const qint64 cachedIndex = d->cachedSequence - d->firstSequence;
    ActivityHistoryState state;
    // Scrubbing forward from the sample rebuilt last reads fewer records
    // than starting again from the keyframe.
    if (d->cachedSequence >= 0 && cachedIndex >= from && cachedIndex <= index) {
        state = d->cached;
        from = int(cachedIndex) + 1;
    }
    for (int i = from; i <= index; ++i)
        ActivityHistoryCodec::decode(d->records.at(i), d->times.at(i), state);
    d->cached = state;
    d->cachedSequence = sequence;
    return state.sample(d->strings);
}

const QList<ActivityTally> &ActivityHistory::tallies() const
{
    return d->tallies;
}

} // namespace tusk::core
