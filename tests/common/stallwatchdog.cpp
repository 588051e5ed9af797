// The GUI thread's longest stall in every GUI test (issue "Reliability",
// point 3): a 5 ms heartbeat timer on the GUI thread; a tick that comes late
// means the event loop could not run (a click or a repaint would have waited
// that long), less the time the scheduler kept the thread from a CPU. Each
// test process writes its ten worst stalls, with the test function they fell
// in, to <artifacts>/stalls/<test>.tsv, and prints its worst; with
// TUSK_STALL_FAIL_MS set, a stall inside a test function above it fails the
// test process. Linked into every test by tusk_add_test; it starts only when
// the test has a QGuiApplication.

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTest>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <utility>

namespace {

struct Stall {
    double ms;
    QString where;
    bool betweenFunctions = false;
};

class StallWatchdog {
public:
    static StallWatchdog &instance()
    {
        static StallWatchdog watchdog;
        return watchdog;
    }

    void start()
    {
        m_schedstat.setFileName(QStringLiteral("/proc/thread-self/schedstat"));
        m_schedstat.open(QIODevice::ReadOnly | QIODevice::Unbuffered);
        m_waited = cpuWaitNs();
        m_clock.start();
        m_timer = new QTimer(QCoreApplication::instance());
        m_timer->setTimerType(Qt::PreciseTimer);
        m_timer->setInterval(tickMs);
        QObject::connect(m_timer, &QTimer::timeout, m_timer, [this] { tick(); });
        m_timer->start();
        m_last = m_clock.nsecsElapsed();
    }

    // How long this thread has been runnable without a CPU (the second
    // field of Linux's schedstat), 0 where that cannot be read.
    qint64 cpuWaitNs()
    {
        if (!m_schedstat.isOpen() || !m_schedstat.seek(0))
            return 0;
        const QList<QByteArray> fields = m_schedstat.read(128).split(' ');
        return fields.size() > 1 ? fields.at(1).toLongLong() : 0;
    }

    // The test's own work (encoding a screenshot) is not the window's.
    void skip()
    {
        if (!m_timer)
            return;
        m_last = m_clock.nsecsElapsed();
        m_waited = cpuWaitNs();
    }

    void tick()
    {
        const qint64 now = m_clock.nsecsElapsed();
        const qint64 waited = cpuWaitNs();
        // Time the scheduler gave to other processes (a busy machine, a
        // parallel build) is not the window's doing: a gap counts what is
        // left. Work on the GUI thread and any wait it chose (I/O, a lock,
        // a blocking call) stay in.
        const double late = double(now - m_last - (waited - m_waited)) / 1e6 - tickMs;
        m_last = now;
        m_waited = waited;
        const char *function = QTest::currentTestFunction();
        const QString current = function ? QLatin1String(function) : QString();
        // A gap across two test functions is the earlier one's end (its
        // windows closing, its cleanup()) and the next one's init() (a new
        // window built before it is shown): listed against the earlier
        // function, but it fails nothing, because no window the user looks
        // at waits for it. The test case's own set-up and tear-down are
        // not counted.
        const QString earlier = std::exchange(m_lastWhere, current);
        const auto counted = [](const QString &f) {
            return !f.isEmpty() && f != QLatin1String("initTestCase")
                && f != QLatin1String("cleanupTestCase");
        };
        if (!counted(earlier) || late < 20)
            return;
        const bool between = earlier != current && counted(current);
        const QString where = between
            ? earlier + QStringLiteral(" (ending; then init of ") + current + QLatin1Char(')')
            : earlier;
        m_worst.append({late, where, between});
        std::sort(m_worst.begin(), m_worst.end(),
            [](const Stall &a, const Stall &b) { return a.ms > b.ms; });
        if (m_worst.size() > 10)
            m_worst.resize(10);
    }

    void report()
    {
        const QString name = QCoreApplication::applicationName();
        const QString folder =
            qEnvironmentVariable("TUSK_TEST_ARTIFACTS") + QStringLiteral("/stalls");
        if (!qEnvironmentVariableIsEmpty("TUSK_TEST_ARTIFACTS") && QDir().mkpath(folder)) {
            QFile file(folder + QLatin1Char('/') + name + QStringLiteral(".tsv"));
            if (file.open(QIODevice::WriteOnly | QIODevice::Truncate))
                for (const Stall &s : std::as_const(m_worst))
                    file.write(QStringLiteral("%1\t%2\t%3\n")
                                   .arg(s.ms, 0, 'f', 1)
                                   .arg(name, s.where)
                                   .toUtf8());
        }
        const auto inside = std::find_if(
            m_worst.cbegin(), m_worst.cend(), [](const Stall &s) { return !s.betweenFunctions; });
        const double worst = inside == m_worst.cend() ? 0 : inside->ms;
        std::fprintf(stderr, "GUI thread: longest stall %.1f ms%s%s\n", worst,
            inside == m_worst.cend() ? "" : " in ",
            inside == m_worst.cend() ? "" : qPrintable(inside->where));
        bool ok = false;
        const int limit = qEnvironmentVariableIntValue("TUSK_STALL_FAIL_MS", &ok);
        if (ok && limit > 0 && worst > limit) {
            std::fprintf(
                stderr, "FAIL: the GUI thread stalled %.1f ms (limit %d ms)\n", worst, limit);
            std::fflush(stderr);
            std::_Exit(1);
        }
    }

private:
    static constexpr int tickMs = 5;
    QElapsedTimer m_clock;
    QTimer *m_timer = nullptr;
    qint64 m_last = 0;
    QFile m_schedstat;
    qint64 m_waited = 0;
    QString m_lastWhere;
    QList<Stall> m_worst;
};

void startWatchdog()
{
    // By name: unit tests link no Qt GUI library.
    if (!QCoreApplication::instance()->inherits("QGuiApplication"))
        return;
    StallWatchdog::instance().start();
    qAddPostRoutine([] { StallWatchdog::instance().report(); });
}

} // namespace

Q_COREAPP_STARTUP_FUNCTION(startWatchdog)

// For tusk::test::saveArtifact (testsupport, which links without this file).
extern "C" void tusk_stall_watchdog_skip()
{
    StallWatchdog::instance().skip();
}
