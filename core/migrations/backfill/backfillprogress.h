#pragma once

#include <QMetaType>
#include <QString>

namespace tusk::core {

// Where a BackfillRun stands, as it reports after each batch and at each
// change of state. Counts of the progress row cover every run of the
// backfill's name (a resumed run goes on counting); the others cover this
// run only.
struct BackfillProgress {
    enum class State {
        Connecting,
        Preparing, // reading the catalog, the progress row
        Running,
        Waiting, // replica lag, lock waiters, a retry's back-off
        Paused,
        Finished,
        Failed,
    };
    State state = State::Connecting;
    qint64 rowsDone = 0; // progress row: rows updated
    qint64 rowsTotalEstimate = -1; // pg_class.reltuples at the start; -1 unknown
    double rowsPerSecond = 0; // rows updated per second over the last 10 s
    double etaSeconds = -1; // -1 unknown
    int batches = 0; // progress row
    int retries = 0; // batches retried after 55P03, 40P01 or 40001
    qint64 lastBatchMs = 0; // the batch just done, round trip
    qint64 longestBatchMs = 0; // the longest batch: how long it held its rows
    qint64 rowsThisRun = 0;
    double elapsedSeconds = 0;
    QString lastKey; // the progress row's last_key as jsonb text
    QString status; // one line: what it does, or why it waits

    bool isOver() const { return state == State::Finished || state == State::Failed; }
};

} // namespace tusk::core

Q_DECLARE_METATYPE(tusk::core::BackfillProgress)
