#pragma once

#include "activitysample.h"
#include "serverstats.h"
#include "statementtexts.h"

#include "core/pg/conninfo.h"
#include "core/pg/pgerror.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

namespace tusk::core {

class Connection;

// Samples the server's activity (issue 24, point 1) on a session of its
// own: application_name "tusk activity", a short lock_timeout and
// statement_timeout, autocommit, one request per sample (ActivityQueries).
// A tick that finds the last request still out is skipped, never queued;
// sampleNow() at such a time is taken as soon as the request is back.
// After a sample, every 10 s, it also reads pg_stat_statements and
// pg_wait_sampling's profile when they are installed (ServerStats).
// Asynchronous, on the owner's thread.
class ActivityCollector : public QObject {
    Q_OBJECT
public:
    static constexpr int defaultIntervalMs = 1000;
    static QString applicationName() { return QStringLiteral("tusk activity"); }

    explicit ActivityCollector(QObject *parent = nullptr);
    ~ActivityCollector() override;

    void start(const ConnInfo &info);
    void stop();
    // 500 ms to 10 s; 0 pauses (sampleNow() still works).
    void setIntervalMs(int milliseconds);
    int intervalMs() const { return m_interval; }
    void sampleNow();
    bool isOpen() const;
    // The collector's own backend, which its samples leave out.
    int ownPid() const { return m_ownPid; }
    // How often pg_stat_statements and pg_wait_sampling are read, after a
    // sample (default 10 s; 0: never). Their counters are cumulative, so a
    // slower pace loses nothing but resolution.
    void setServerStatsIntervalMs(int milliseconds) { m_statsInterval = milliseconds; }
    // Reads them after the next sample, whatever the interval.
    void serverStatsNow() { m_statsDue = true; }

signals:
    void sampled(const tusk::core::ActivitySample &sample);
    void serverStatsRead(const tusk::core::ServerStats &stats);
    void failed(const tusk::core::PgError &error);

private:
    void onOpened();
    void readServerStats();
    void deliverServerStats(ServerStats stats);

    Connection *m_connection = nullptr;
    QTimer m_timer;
    int m_interval = defaultIntervalMs;
    int m_serverVersion = 0;
    int m_ownPid = 0;
    bool m_inFlight = false;
    bool m_pending = false; // sampleNow() while a request was out
    bool m_ready = false;
    int m_statsInterval = 10'000;
    bool m_statsDue = true;
    QElapsedTimer m_sinceStats;
    QString m_statementsSchema; // where pg_stat_statements is; empty: not installed
    QString m_waitSamplingSchema;
    StatementTexts m_texts;
};

} // namespace tusk::core
