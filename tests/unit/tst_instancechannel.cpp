// One window per user: a second `tusk FILE|URL` hands them to the window
// over a local socket. Tested with a real socket, the real second process
// (the built tusk), a stale socket left by a crash, and a live one.

#include "testsupport.h"

#include "app/gui/instancechannel.h"

#include <QElapsedTimer>
#include <QFile>
#include <QLocalSocket>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using tusk::app::InstanceChannel;
using tusk::test::writeFile;

namespace {
// Listens and waits for the answer, as the window does at start.
bool listenNow(InstanceChannel &window)
{
    QSignalSpy listening(&window, &InstanceChannel::listening);
    window.listen();
    return QTest::qWaitFor([&listening] { return !listening.isEmpty(); }, 5000)
        && listening.front().front().toBool();
}
} // namespace

class TestInstanceChannel : public QObject {
    Q_OBJECT
private slots:
    void requestsSortLinksFromFiles();
    void encodingRoundTrips();
    void aRunningWindowTakesTheFiles();
    void noWindowMeansOpenOne();
    void aStaleSocketIsReplacedALiveOneKept();
    void theSecondTuskProcessHandsOffAndExits();
    void theFirstTuskOpensItsWindowAndListens();
    void garbageOnTheSocketIsDropped();

private:
    QTemporaryDir m_dir;
    QString socket(const char *name) const { return m_dir.filePath(QLatin1String(name)); }
};

void TestInstanceChannel::requestsSortLinksFromFiles()
{
    const InstanceChannel::Request r = InstanceChannel::requestOf(
        {QStringLiteral("a.sql"), QStringLiteral("../plans/p.json"),
            QStringLiteral("file:///tmp/x%20y.sql"), QStringLiteral("postgresql://u@h/db"),
            QStringLiteral("postgres://h:5433/db?sslmode=require")},
        QStringLiteral("/home/u/project"));
    QCOMPARE(r.files,
        QStringList({QStringLiteral("/home/u/project/a.sql"),
            QStringLiteral("/home/u/plans/p.json"), QStringLiteral("/tmp/x y.sql")}));
    QCOMPARE(r.urls,
        QStringList({QStringLiteral("postgresql://u@h/db"),
            QStringLiteral("postgres://h:5433/db?sslmode=require")}));
    QVERIFY(InstanceChannel::requestOf({}, QStringLiteral("/")).isEmpty());
}

void TestInstanceChannel::encodingRoundTrips()
{
    const InstanceChannel::Request r {
        {QStringLiteral("/a b/ü.sql")}, {QStringLiteral("postgresql:///x")}};
    const QByteArray line = InstanceChannel::encode(r);
    QVERIFY(line.endsWith('\n'));
    QCOMPARE(line.count('\n'), 1);
    const auto back = InstanceChannel::decode(line);
    QVERIFY(back);
    QCOMPARE(back->files, r.files);
    QCOMPARE(back->urls, r.urls);
    QVERIFY(!InstanceChannel::decode("not json\n"));
    QVERIFY(!InstanceChannel::decode("[1,2]\n"));
}

void TestInstanceChannel::aRunningWindowTakesTheFiles()
{
    InstanceChannel window(socket("take"));
    QVERIFY(listenNow(window));
    QVERIFY(window.isListening());
    QSignalSpy received(&window, &InstanceChannel::received);

    InstanceChannel second(socket("take"));
    QSignalSpy handed(&second, &InstanceChannel::handedOff);
    QSignalSpy none(&second, &InstanceChannel::noWindow);
    second.handOff({{QStringLiteral("/tmp/m.sql")}, {QStringLiteral("postgresql://h/db")}});
    QTRY_COMPARE(handed.size(), 1);
    QCOMPARE(none.size(), 0);
    QCOMPARE(received.size(), 1);
    const auto request = received.front().front().value<InstanceChannel::Request>();
    QCOMPARE(request.files, QStringList({QStringLiteral("/tmp/m.sql")}));
    QCOMPARE(request.urls, QStringList({QStringLiteral("postgresql://h/db")}));
}

void TestInstanceChannel::noWindowMeansOpenOne()
{
    InstanceChannel second(socket("nobody"));
    QSignalSpy none(&second, &InstanceChannel::noWindow);
    QElapsedTimer timer;
    timer.start();
    second.handOff({{QStringLiteral("/tmp/m.sql")}, {}});
    // Not from inside the call: the launcher quits its loop on the answer,
    // and a quit before the loop runs is lost (tusk FILE hung, no window).
    QCOMPARE(none.size(), 0);
    QTRY_COMPARE(none.size(), 1);
    QVERIFY2(timer.elapsed() < 1000, "no socket: answered at once, not after the timeout");
}

void TestInstanceChannel::aStaleSocketIsReplacedALiveOneKept()
{
    // What a crashed window leaves: a file where the socket was.
    QFile stale(socket("stale"));
    QVERIFY(stale.open(QIODevice::WriteOnly));
    stale.close();
    InstanceChannel window(socket("stale"));
    QSignalSpy listening(&window, &InstanceChannel::listening);
    window.listen();
    QTRY_COMPARE(listening.size(), 1);
    QVERIFY(listening.front().front().toBool());

    // A second window (--new-window) leaves the live socket to the first.
    InstanceChannel other(socket("stale"));
    QSignalSpy otherListening(&other, &InstanceChannel::listening);
    other.listen();
    QTRY_COMPARE(otherListening.size(), 1);
    QVERIFY(!otherListening.front().front().toBool());
    QVERIFY(window.isListening());
}

void TestInstanceChannel::theSecondTuskProcessHandsOffAndExits()
{
    InstanceChannel window(socket("process"));
    QVERIFY(listenNow(window));
    QSignalSpy received(&window, &InstanceChannel::received);

    QProcess tusk;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("TUSK_INSTANCE_SOCKET"), socket("process"));
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    tusk.setProcessEnvironment(env);
    tusk.setWorkingDirectory(m_dir.path());
    tusk.start(qEnvironmentVariable("TUSK_EXECUTABLE"),
        {QStringLiteral("migration.sql"), QStringLiteral("postgresql://localhost/shop")});
    QVERIFY(tusk.waitForStarted());
    // The test's event loop serves the socket while the process runs.
    QTRY_VERIFY_WITH_TIMEOUT(tusk.state() == QProcess::NotRunning, 20000);
    QCOMPARE(tusk.exitStatus(), QProcess::NormalExit);
    QCOMPARE(tusk.exitCode(), 0);
    QCOMPARE(received.size(), 1);
    const auto request = received.front().front().value<InstanceChannel::Request>();
    QCOMPARE(request.files, QStringList({m_dir.filePath(QStringLiteral("migration.sql"))}));
    QCOMPARE(request.urls, QStringList({QStringLiteral("postgresql://localhost/shop")}));
}

void TestInstanceChannel::theFirstTuskOpensItsWindowAndListens()
{
    // `tusk FILE` with no window running opens one, which then takes the
    // next hand-off. (It used to wait forever, windowless, for an answer it
    // had already missed.)
    QVERIFY(writeFile(m_dir.filePath(QStringLiteral("first.sql")), "SELECT 1;\n"));
    QProcess tusk;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("TUSK_INSTANCE_SOCKET"), socket("first"));
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    tusk.setProcessEnvironment(env);
    tusk.setWorkingDirectory(m_dir.path());
    tusk.start(qEnvironmentVariable("TUSK_EXECUTABLE"), {QStringLiteral("first.sql")});
    QVERIFY(tusk.waitForStarted());
    bool handed = false;
    for (int attempt = 0; attempt < 40 && !handed && tusk.state() == QProcess::Running; ++attempt) {
        InstanceChannel second(socket("first"));
        QSignalSpy yes(&second, &InstanceChannel::handedOff);
        QSignalSpy no(&second, &InstanceChannel::noWindow);
        second.handOff({{m_dir.filePath(QStringLiteral("first.sql"))}, {}});
        QTRY_VERIFY_WITH_TIMEOUT(yes.size() + no.size() == 1, 5000);
        handed = yes.size() == 1;
        if (!handed)
            QTest::qWait(500);
    }
    QVERIFY2(handed, qPrintable(QString::fromUtf8(tusk.readAllStandardError())));
    tusk.kill();
    tusk.waitForFinished(5000);
}

void TestInstanceChannel::garbageOnTheSocketIsDropped()
{
    InstanceChannel window(socket("garbage"));
    QVERIFY(listenNow(window));
    QSignalSpy received(&window, &InstanceChannel::received);
    QLocalSocket peer;
    peer.connectToServer(socket("garbage"));
    QTRY_COMPARE(peer.state(), QLocalSocket::ConnectedState);
    peer.write("GET / HTTP/1.0\n");
    QTRY_COMPARE(peer.state(), QLocalSocket::UnconnectedState);
    QCOMPARE(received.size(), 0);
    QVERIFY(window.isListening());
}

QTEST_GUILESS_MAIN(TestInstanceChannel)
#include "tst_instancechannel.moc"
