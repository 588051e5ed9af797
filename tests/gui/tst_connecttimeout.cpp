// A server that accepts TCP but never answers (issue "Reliability", point
// 6): a listening socket of the test's own takes the connection and never
// says a word. libpq does not time out a non-blocking connect by itself;
// Tusk must, after the profile's connect_timeout. The window connected to
// it gives up after about connect_timeout with a message that names the
// server and the timeout, an editor tab's run ends the same way, and the
// event loop keeps turning (a 10 ms timer, no gap over 100 ms) and the
// window keeps painting meanwhile.

#include "testsupport.h"

#include "core/pg/connection.h"
#include "core/pg/queryrunner.h"
#include "widgets/results/resultspane.h"
#include "widgets/shell/mainwindow.h"
#include "widgets/sql/sqleditor.h"
#include "widgets/sql/sqleditortab.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QTimer>

#include <sys/resource.h>

using namespace tusk::core;
using namespace tusk::widgets;

namespace {

// Accepts every connection and neither reads nor writes: the bytes libpq
// sends (the SSL request, the startup packet) are never answered.
class SilentServer : public QTcpServer {
public:
    SilentServer()
    {
        connect(this, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = nextPendingConnection()) {
                socket->setReadBufferSize(1); // stop reading: the kernel's buffers fill
                ++accepted;
            }
        });
    }
    int accepted = 0;
};

// Involuntary context switches of the calling thread: the scheduler took
// the CPU away (a busy machine), which a blocking call never causes.
long preemptions()
{
    rusage usage {};
    getrusage(RUSAGE_THREAD, &usage);
    return usage.ru_nivcsw;
}

// Watches the GUI thread from inside it: a 10 ms timer whose longest gap
// says how long the event loop was held, and the window's paint events.
// A gap during which the scheduler preempted the thread is the machine's,
// not Tusk's: it is counted apart (a blocking wait is a voluntary switch).
class LoopWatch : public QObject {
public:
    explicit LoopWatch(QWidget *window)
        : m_window(window)
    {
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(10);
        connect(&m_timer, &QTimer::timeout, this, [this] {
            const qint64 now = m_clock.elapsed();
            const long preempted = preemptions();
            qint64 &longest = preempted != m_preempted ? longestPreemptedGapMs : longestGapMs;
            if (now - m_last > longest) {
                longest = now - m_last;
                if (&longest == &longestGapMs)
                    longestGapAtMs = m_last;
            }
            m_last = now;
            m_preempted = preempted;
            ++ticks;
            if (ticks % 5 == 0)
                m_window->update(); // a repaint asked for every 50 ms
        });
        m_window->installEventFilter(this);
        m_clock.start();
        m_preempted = preemptions();
        m_timer.start();
    }
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (watched == m_window && event->type() == QEvent::Paint)
            ++paints;
        return false;
    }
    qint64 longestGapMs = 0;
    qint64 longestGapAtMs = 0; // when it began, since the watch started
    qint64 longestPreemptedGapMs = 0;
    int ticks = 0;
    int paints = 0;

private:
    QWidget *m_window;
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_last = 0;
    long m_preempted = 0;
};

ConnInfo silentTarget(const SilentServer &server, const QString &timeout)
{
    ConnInfo info;
    info.setValue(QStringLiteral("host"), QStringLiteral("127.0.0.1"));
    info.setValue(QStringLiteral("port"), QString::number(server.serverPort()));
    info.setValue(QStringLiteral("dbname"), QStringLiteral("app"));
    info.setValue(QStringLiteral("user"), QStringLiteral("app"));
    if (!timeout.isEmpty())
        info.setValue(QStringLiteral("connect_timeout"), timeout);
    return info;
}

} // namespace

class TestConnectTimeout : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void windowGivesUpAfterConnectTimeout();
    void editorRunGivesUpAfterConnectTimeout();
    void belowTwoSecondsMeansTwo();
};

void TestConnectTimeout::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestConnectTimeout::windowGivesUpAfterConnectTimeout()
{
    SilentServer server;
    QVERIFY(server.listen(QHostAddress::LocalHost));
    const QString port = QString::number(server.serverPort());
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    LoopWatch watch(&window);
    QSignalSpy failed(window.connection(), &Connection::openFailed);
    QElapsedTimer clock;
    clock.start();
    window.openConnection(silentTarget(server, QStringLiteral("2")), QStringLiteral("silent"));
    QTRY_VERIFY_WITH_TIMEOUT(
        window.statusText().startsWith(QLatin1String("Connecting to silent")), 1000);
    QTRY_VERIFY_WITH_TIMEOUT(!failed.isEmpty(), 6000);
    const qint64 gaveUpMs = clock.elapsed();
    qInfo("gave up after %lld ms; longest event-loop gap %lld ms (%lld ms in; %lld ms while "
          "preempted); %d paints",
        gaveUpMs, watch.longestGapMs, watch.longestGapAtMs, watch.longestPreemptedGapMs,
        watch.paints);
    QVERIFY2(server.accepted >= 1, "the window never reached the silent server");
    // About connect_timeout: not before, and not far later.
    QVERIFY2(gaveUpMs >= 1900 && gaveUpMs < 3000, qPrintable(QString::number(gaveUpMs)));
    const PgError error = failed.first().first().value<PgError>();
    QCOMPARE(error.sqlState, QStringLiteral("08001"));
    QCOMPARE(error.message,
        QStringLiteral("timeout expired: no answer from 127.0.0.1:%1 within 2 s (connect_timeout)")
            .arg(port));
    // What the user sees: the badge says it is not connected and why (the
    // whole sentence in its tooltip when the line is elided).
    QCOMPARE(window.connection()->state(), Connection::State::Disconnected);
    QVERIFY2(window.statusText().startsWith(QLatin1String("Not connected to silent: timeout")),
        qPrintable(window.statusText()));
    QVERIFY2(window.statusText().endsWith(QLatin1String("within 2 s (connect_timeout)")),
        qPrintable(window.statusText()));
    auto *badge = window.statusBar()->findChild<QWidget *>(QStringLiteral("connectionStatus"));
    QVERIFY(badge);
    QVERIFY2(
        badge->toolTip().startsWith(QStringLiteral("Not connected to silent: ") + error.message),
        qPrintable(badge->toolTip()));
    QCOMPARE(window.windowTitle(), QStringLiteral("Tusk"));
    // The event loop kept turning and the window kept painting.
    QVERIFY2(watch.longestGapMs < 100, qPrintable(QString::number(watch.longestGapMs)));
    QVERIFY2(watch.paints >= 10, qPrintable(QString::number(watch.paints)));
    // It stays given up: no attempt loops on behind the user's back.
    const int accepted = server.accepted;
    QTest::qWait(500);
    QCOMPARE(window.connection()->state(), Connection::State::Disconnected);
    QCOMPARE(server.accepted, accepted);
}

// An editor tab's own session (the window's SQL tool hands the target to
// its tabs once the window's session is open; a tab set on the silent
// server directly meets it on its first run).
void TestConnectTimeout::editorRunGivesUpAfterConnectTimeout()
{
    SilentServer server;
    QVERIFY(server.listen(QHostAddress::LocalHost));
    SqlEditorTab tab;
    tab.resize(900, 600);
    tab.show();
    QVERIFY(QTest::qWaitForWindowExposed(&tab));
    tab.setTarget(silentTarget(server, QStringLiteral("2")), QStringLiteral("silent"), false);
    const QString text = QStringLiteral("SELECT 'never answered'");
    tab.editor()->setText(text);
    LoopWatch watch(&tab);
    QSignalSpy finished(tab.queryRunner(), &QueryRunner::finished);
    QElapsedTimer clock;
    clock.start();
    QVERIFY(tab.runStatement());
    QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), 6000);
    const qint64 gaveUpMs = clock.elapsed();
    qInfo("the run gave up after %lld ms; longest event-loop gap %lld ms (%lld ms in; %lld ms "
          "while preempted)",
        gaveUpMs, watch.longestGapMs, watch.longestGapAtMs, watch.longestPreemptedGapMs);
    QVERIFY2(server.accepted >= 1, "the tab never reached the silent server");
    QVERIFY2(gaveUpMs >= 1900 && gaveUpMs < 3000, qPrintable(QString::number(gaveUpMs)));
    const QString messages = tab.resultsPane()->messagesText();
    QVERIFY2(messages.contains(QStringLiteral("Failed after 2."))
            && messages.contains(QStringLiteral(
                "timeout expired: no answer from 127.0.0.1:%1 within 2 s (connect_timeout)")
                                     .arg(server.serverPort())),
        qPrintable(messages));
    QCOMPARE(tab.editor()->text(), text);
    QVERIFY2(watch.longestGapMs < 100, qPrintable(QString::number(watch.longestGapMs)));
    QVERIFY2(watch.paints >= 10, qPrintable(QString::number(watch.paints)));
}

// As in libpq, a connect_timeout of 1 s waits 2 s.
void TestConnectTimeout::belowTwoSecondsMeansTwo()
{
    SilentServer server;
    QVERIFY(server.listen(QHostAddress::LocalHost));
    Connection connection;
    QSignalSpy failed(&connection, &Connection::openFailed);
    QElapsedTimer clock;
    clock.start();
    connection.open(silentTarget(server, QStringLiteral("1")));
    QTRY_VERIFY_WITH_TIMEOUT(!failed.isEmpty(), 6000);
    QVERIFY2(clock.elapsed() >= 1900 && clock.elapsed() < 3000,
        qPrintable(QString::number(clock.elapsed())));
    QVERIFY2(failed.first().first().value<PgError>().message.endsWith(
                 QLatin1String("within 2 s (connect_timeout)")),
        qPrintable(failed.first().first().value<PgError>().message));
}

QTEST_MAIN(TestConnectTimeout)
#include "tst_connecttimeout.moc"
