#pragma once

#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>

namespace tusk::core {

// One statement of pg_stat_statements: its counters are cumulative since
// the extension's last reset, so what the monitor shows is always the
// difference between two snapshots (Tusk never resets them).
struct StatementStat {
    qint64 queryId = 0;
    quint32 userId = 0; // pg_stat_statements keys an entry by user, database and query id
    quint32 databaseId = 0;
    QString user;
    QString database;
    QString query; // cut on the server; read once per entry (StatementTexts)
    qint64 calls = 0;
    double totalMs = 0;
    qint64 rows = 0;
};

// One (wait event type, wait event) of pg_wait_sampling's profile: how many
// times the sampler found a backend waiting on it, cumulative.
struct WaitProfileEntry {
    QString eventType;
    QString event;
    qint64 count = 0;
};

// What the collector reads every few seconds besides the sample: the top
// of pg_stat_statements and pg_wait_sampling's wait profile, each only when
// the extension is installed in the database it is connected to (else the
// reason says how to get it).
struct ServerStats {
    QDateTime takenAt; // UTC
    bool hasStatements = false;
    QString statementsMissing; // why not, when not
    QList<StatementStat> statements;
    bool hasWaitProfile = false;
    QString waitProfileMissing;
    QList<WaitProfileEntry> waitProfile;
};

// A statement's work between two snapshots.
struct StatementDelta {
    qint64 queryId = 0;
    QString user;
    QString database;
    QString query;
    qint64 calls = 0;
    double totalMs = 0;
    qint64 rows = 0;
    double meanMs() const { return calls > 0 ? totalMs / double(calls) : 0; }
};

struct WaitDelta {
    QString eventType;
    QString event;
    qint64 count = 0;
    double share = 0; // of all waits sampled in the window, 0..1
};

// Differences over a window, pure.
class ServerStatsDeltas {
public:
    enum class Order { TotalTime, MeanTime, Calls };
    // The statements that worked between `from` and `to`, the `top` first
    // by `order`. A statement whose counters went down was reset in
    // between: its counts since the reset are taken as the difference.
    static QList<StatementDelta> statements(
        const ServerStats &from, const ServerStats &to, int top, Order order);
    // The wait events sampled between `from` and `to`, most first.
    static QList<WaitDelta> waits(const ServerStats &from, const ServerStats &to);
};

} // namespace tusk::core

Q_DECLARE_METATYPE(tusk::core::ServerStats)
