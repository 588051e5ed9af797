#pragma once

#include "activitysample.h"

#include "core/pg/conninfo.h"
#include "core/pg/pgerror.h"

#include <QObject>
#include <QTimer>

namespace tusk::core {

class Connection;

// Samples the server's activity (issue 24, point 1) on a session of its
// own: application_name "tusk activity", a short lock_timeout and
// statement_timeout, autocommit, one request per sample (ActivityQueries).
// A tick that finds the last sample still out is skipped, never queued.
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

signals:
    void sampled(const tusk::core::ActivitySample &sample);
    void failed(const tusk::core::PgError &error);

private:
    void onOpened();

    Connection *m_connection = nullptr;
    QTimer m_timer;
    int m_interval = defaultIntervalMs;
    int m_serverVersion = 0;
    int m_ownPid = 0;
    bool m_inFlight = false;
    bool m_ready = false;
};

} // namespace tusk::core
