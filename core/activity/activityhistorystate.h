#pragma once

#include "activityhistorystrings.h"
#include "activitysample.h"

#include <QList>

#include <limits>

namespace tusk::core {

// A sample as ActivityHistory stores it: texts as ids of
// ActivityHistoryStrings, ages as the instants they started. Part of the
// history (ActivityHistoryCodec writes the difference between two of
// these); one thread.
//
// Ages become start instants measured from one base per sample, so a
// session that did not change is the same from sample to sample: the base
// follows the server's clock (chosen so that the sessions seen before keep
// their start), and a start that moved by at most 1 ms (the server rounds
// every age to the millisecond on its own) keeps its old value. An age
// rebuilt from the history is therefore within 1 ms of the one sampled,
// and exact for a session whose start was stored in that very sample.
struct ActivityHistoryState {
    static constexpr qint64 none = std::numeric_limits<qint64>::min(); // no start (age -1)

    struct Session {
        int pid = 0;
        int leaderPid = 0;
        quint32 database = 0, user = 0, application = 0, client = 0, backendType = 0, state = 0,
                waitEventType = 0, waitEvent = 0, query = 0;
        qint64 transactionStart = none, queryStart = none, stateStart = none;
        qint64 queryId = 0;
        QList<int> blockedBy;
        bool superuser = false;
        bool operator==(const Session &other) const = default;
    };
    struct Lock {
        quint32 lockType = 0, relationName = 0, virtualXid = 0, transactionId = 0, modeName = 0;
        quint32 database = 0, relation = 0, classId = 0, objId = 0;
        int objSubId = 0;
        int pid = 0;
        qint64 page = -1, tuple = -1;
        int mode = -1; // LockMode, -1 none
        bool granted = false;
        qint64 waitStart = none;
        bool operator==(const Lock &other) const = default;
    };
    struct Prepared {
        quint32 gid = 0, transactionId = 0, owner = 0, database = 0;
        qint64 start = none;
        bool operator==(const Prepared &other) const = default;
    };
    struct Progress {
        quint32 command = 0, relation = 0, phase = 0;
        int pid = 0;
        qint64 total = -1, done = -1;
        int lockerPid = 0;
        bool operator==(const Progress &other) const = default;
    };
    struct Database {
        quint32 name = 0;
        qint64 commits = 0, rollbacks = 0;
        bool operator==(const Database &other) const = default;
    };
    qint64 takenAt = 0; // ms since the epoch, UTC
    qint64 base = 0; // ms since the epoch: age = base - start
    int serverVersion = 0;
    qint64 serverMs = 0;
    bool canSeeAllQueries = true;
    QList<Session> sessions; // the sample's order
    QList<Lock> locks;
    QList<Prepared> prepared;
    QList<Progress> progress;
    QList<Database> databases;

    // `sample` in stored form after `previous` (an empty state for the
    // first): texts interned (not yet referenced), ages turned into starts.
    static ActivityHistoryState of(const ActivitySample &sample,
        const ActivityHistoryState &previous, ActivityHistoryStrings &strings);
    ActivitySample sample(const ActivityHistoryStrings &strings) const;
};

} // namespace tusk::core
