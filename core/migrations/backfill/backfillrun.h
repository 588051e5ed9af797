#pragma once

#include "backfillprogress.h"
#include "backfillrate.h"
#include "backfillspec.h"
#include "backfilltarget.h"

#include "core/pg/conninfo.h"
#include "core/pg/pgerror.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include <memory>

namespace tusk::core {

class Connection;
class Result;

// Runs one BackfillSpec on a session of its own (application_name
// "tusk backfill"), batch after batch, each batch one statement and one
// short transaction that also moves the progress row in
// tusk_rollout.backfill (docs/backfill.md). Before each batch it waits
// while a replica lags or sessions wait for a lock on the table; a batch
// that meets 55P03, 40P01 or 40001 is retried with a growing pause.
// A lost session, an error or stop() end the run; what committed is in the
// progress row, and a run started with `resume` goes on from there.
//
// Lives on the GUI thread (or a command's); nothing in it blocks. The
// batch size and the pause apply from the next batch on.
class BackfillRun : public QObject {
    Q_OBJECT
public:
    explicit BackfillRun(QObject *parent = nullptr);
    ~BackfillRun() override;

    // Connects and runs. A progress row of the same name that is not
    // finished is an error (55000) unless `resume`; a finished one ends
    // the run at once, successfully. Call once per object.
    void start(const ConnInfo &info, const BackfillSpec &spec, bool resume);
    // After the batch under way, until resume().
    void pause();
    void resume();
    void setBatchSize(int rows);
    void setPauseMs(int milliseconds);
    // Cancels the batch under way (it rolls back whole) and ends the run
    // with 57014.
    void stop();

    bool isRunning() const;
    bool isPaused() const { return m_paused; }
    const BackfillSpec &spec() const { return m_spec; }
    const BackfillTarget &target() const { return m_target; }
    const BackfillProgress &currentProgress() const { return m_progress; }
    // What finished() said: null while running and after success.
    const PgError &error() const { return m_error; }

    static QString applicationName() { return QStringLiteral("tusk backfill"); }

signals:
    void progress(const tusk::core::BackfillProgress &progress);
    // Exactly once; a null error when every row is done.
    void finished(const tusk::core::PgError &error);

private:
    void prepare();
    void checkStatement();
    void readProgressRow(bool inserted);
    void takeProgressRow(const Result &row);
    void scheduleNext(int delayMs);
    void next();
    void runBatch();
    void batchDone(const Result &row, qint64 ms);
    void batchFailed(const PgError &error);
    qint64 step() const;
    double walked() const;
    PgError stoppedError() const;
    void setState(BackfillProgress::State state, const QString &status);
    void finish(const PgError &error);

    std::unique_ptr<Connection> m_connection;
    BackfillSpec m_spec;
    BackfillTarget m_target;
    BackfillProgress m_progress;
    PgError m_error;
    BackfillRate m_rate;
    QString m_batchSql;
    QTimer m_timer;
    QElapsedTimer m_clock;
    bool m_resume = false;
    bool m_started = false;
    bool m_paused = false;
    bool m_stopping = false;
    bool m_looping = false; // past the preparation: batches may run
    bool m_busy = false; // a request of the loop is under way
    int m_retriesInARow = 0;
    int m_lockBackoffMs = 0;
    qint64 m_endPage = 0; // ctid: the end recorded at the first start
    qint64 m_rowsAtStart = 0;
    qint64 m_rowsSeen = 0;
};

} // namespace tusk::core
