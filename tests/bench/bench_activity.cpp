// Benchmark of the activity monitor with 100, 300 and 500 sessions on the
// test cluster (started with max_connections = 600): 60 % idle, 20 %
// running a long pg_sleep, 15 % idle in transaction, and 5 % queued for a
// row lock behind one more idle transaction, so pg_locks is read as well.
// For each size it prints:
//   - the round trip of one sample (the collector's request, server time
//     and transfer on the local socket), median and 95th percentile;
//   - the GUI thread's time to apply one sample to the Activity page
//     (history, grid by differences, tree, queues, alerts), with the
//     Blocking Tree tab in front and with the Charts tab in front;
//   - the resident memory an hour of samples at 1 s adds to the page:
//     3,600 samples of that many sessions, a fifth of them doing something
//     new each second (tests/common/SimulatedServer, the shapes of real
//     samples), fed at full speed rather than over a wall-clock hour.
//
// Targets (issue 24): sample ≤ 10 ms at 500 sessions, apply ≤ 16 ms,
// an hour ≤ 60 MB more than idle.

#include "simulatedactivity.h"
#include "testsupport.h"

#include "core/activity/activitycollector.h"
#include "core/pg/connection.h"
#include "core/support/heaptrim.h"
#include "widgets/activity/activitycharts.h"
#include "widgets/activity/activitypage.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTest>

#include <algorithm>
#include <cstdio>
#include <memory>
#include <vector>

using namespace tusk::core;
using namespace tusk::test;
using namespace tusk::widgets;

namespace {

struct Figures {
    double median = 0;
    double p95 = 0;
    double max = 0;
};

Figures figuresOf(QList<double> values)
{
    Figures f;
    if (values.isEmpty())
        return f;
    std::sort(values.begin(), values.end());
    f.median = values.at(values.size() / 2);
    f.p95 = values.at(std::min<qsizetype>(values.size() - 1, values.size() * 95 / 100));
    f.max = values.last();
    return f;
}

// Opens `count` sessions and puts each in its part of the mix; false
// with a message when the server refuses.
bool openSessions(const ConnInfo &info, int count,
    std::vector<std::unique_ptr<Connection>> &sessions, QString *error)
{
    const int sleeping = count / 5;
    const int idleInTransaction = count * 15 / 100;
    const int queued = count / 20;
    for (int i = 0; i < count; ++i) {
        auto connection = std::make_unique<Connection>();
        const PgError e = openAndWait(*connection, info);
        if (!e.isNull()) {
            *error = e.message;
            return false;
        }
        sessions.push_back(std::move(connection));
    }
    int next = 0;
    const auto send = [&](const QString &sql) {
        Connection *session = sessions.at(next++).get();
        session->execute(sql, {}, session, [](const QList<Result> &, const PgError &) {});
    };
    send(QStringLiteral("BEGIN; UPDATE bench_activity SET v = v + 1 WHERE id = 1"));
    for (int i = 0; i < queued; ++i)
        send(QStringLiteral("UPDATE bench_activity SET v = v + 1 WHERE id = 1"));
    for (int i = 0; i < sleeping; ++i)
        send(QStringLiteral("SELECT pg_sleep(600) /* %1 */").arg(i));
    for (int i = 0; i < idleInTransaction; ++i)
        send(QStringLiteral("BEGIN; SELECT v FROM bench_activity WHERE id = %1").arg(i % 100 + 2));
    QTest::qWait(1500); // let every statement reach its state
    return true;
}

void run(const ConnInfo &info, const QString &database, int count)
{
    std::vector<std::unique_ptr<Connection>> sessions;
    QString error;
    if (!openSessions(info, count, sessions, &error)) {
        std::printf("activity sessions=%d not measured: %s\n", count, qPrintable(error));
        return;
    }

    // The round trip of a sample, and real samples to apply.
    ActivityCollector collector;
    collector.setIntervalMs(0);
    collector.setServerStatsIntervalMs(0);
    QSignalSpy sampled(&collector, &ActivityCollector::sampled);
    collector.start(info);
    if (!sampled.wait(10000)) {
        std::printf("activity sessions=%d: no sample\n", count);
        return;
    }
    QList<double> roundTrips;
    QList<ActivitySample> samples;
    for (int i = 0; i < 40; ++i) {
        sampled.clear();
        collector.sampleNow();
        if (!sampled.wait(10000))
            break;
        const ActivitySample s = sampled.first().first().value<ActivitySample>();
        roundTrips << double(s.serverMs);
        samples << s.restrictedTo(database);
    }
    const Figures trip = figuresOf(roundTrips);
    int waiting = 0;
    for (const ActivitySession &s : samples.last().sessions)
        waiting += s.isWaitingOnLock() ? 1 : 0;
    std::printf("activity sessions=%d sample_round_trip_ms median=%.1f p95=%.1f max=%.1f "
                "(rows %lld, %d waiting on a lock, %lld locks read)\n",
        count, trip.median, trip.p95, trip.max, qlonglong(samples.last().sessions.size()), waiting,
        qlonglong(samples.last().locks.size()));

    // The GUI thread's time to apply a sample, the page as the window has it.
    for (const bool charts : {false, true}) {
        ActivityPage page;
        page.resize(1400, 900);
        page.show();
        if (charts)
            page.findChild<QTabWidget *>()->setCurrentWidget(page.charts());
        QApplication::processEvents();
        QList<double> applied;
        for (const ActivitySample &s : samples) {
            QElapsedTimer clock;
            clock.start();
            emit page.collector()->sampled(s);
            applied << double(clock.nsecsElapsed()) / 1e6;
            QApplication::processEvents(); // painting is the event loop's, not the apply's
        }
        applied.removeFirst(); // the first fills an empty grid and sizes its columns
        const Figures apply = figuresOf(applied);
        std::printf("activity sessions=%d gui_apply_ms (%s) median=%.2f p95=%.2f max=%.2f\n", count,
            charts ? "charts in front" : "blocking tree in front", apply.median, apply.p95,
            apply.max);
    }
    collector.stop();
    sessions.clear();
    // A backend in pg_sleep does not notice its client left: end them, so
    // the next size starts with its own sessions only.
    Connection admin;
    if (openAndWait(admin, info).isNull())
        runAndWait(admin,
            QStringLiteral("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                           "WHERE datname = current_database() AND pid <> pg_backend_pid()"));

    // An hour of samples at 1 s.
    returnFreedMemory();
    const double before = residentMiB();
    {
        ActivityPage page;
        page.resize(1400, 900);
        page.show();
        SimulatedServer::Options options;
        options.sessions = count;
        options.queries = 2000;
        SimulatedServer server(options);
        QElapsedTimer clock;
        clock.start();
        QList<double> late;
        for (int second = 0; second < 3600; ++second) {
            const ActivitySample s = server.next();
            QElapsedTimer one;
            one.start();
            emit page.collector()->sampled(s);
            if (second >= 3540)
                late << double(one.nsecsElapsed()) / 1e6;
            if (second % 60 == 0)
                QApplication::processEvents();
        }
        returnFreedMemory();
        const double after = residentMiB();
        const Figures end = figuresOf(late);
        page.findChild<QTabWidget *>()->setCurrentWidget(page.charts());
        QElapsedTimer draw;
        draw.start();
        emit page.collector()->sampled(server.next());
        std::printf("activity sessions=%d hour_of_samples rss_growth_mib=%.1f (history %d samples; "
                    "fed in %lld ms; apply in the last minute median=%.2f ms max=%.2f ms; with "
                    "an hour of charts in front %.2f ms)\n",
            count, after - before, page.history().size(), qlonglong(clock.elapsed()), end.median,
            end.max, double(draw.nsecsElapsed()) / 1e6);
    }
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    if (clusterConnInfo().isEmpty()) {
        std::fprintf(stderr, "%s\n", qPrintable(clusterMissingMessage()));
        return 1;
    }
    ScratchDatabase db(QStringLiteral("benchactivity"));
    if (!db.isValid()) {
        std::fprintf(stderr, "%s\n", qPrintable(db.error()));
        return 1;
    }
    Connection admin;
    if (!openAndWait(admin, db.connInfo()).isNull())
        return 1;
    const Reply setup = runAndWait(admin,
        QStringLiteral(
            "CREATE TABLE bench_activity (id int PRIMARY KEY, v int NOT NULL DEFAULT 0); "
            "INSERT INTO bench_activity (id) SELECT generate_series(1, 200)"));
    if (!setup.error.isNull()) {
        std::fprintf(stderr, "%s\n", qPrintable(setup.error.message));
        return 1;
    }
    const QStringList sizes =
        qEnvironmentVariable("TUSK_BENCH_SESSIONS", QStringLiteral("100,300,500"))
            .split(QLatin1Char(','));
    for (const QString &size : sizes)
        run(db.connInfo(), db.name(), size.toInt());
    return 0;
}
