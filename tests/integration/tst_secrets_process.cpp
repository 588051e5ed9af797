// The process list never shows a password (issue point 8): a real `tusk`
// and every process it starts are watched through /proc while they run,
// and none may hold the cluster's password (or a test password's marker)
// in its command line, which every user on the machine can read.
//
// - `tusk rollout dry-run` on a profile whose password Tusk holds: it runs
//   pg_dump and pg_restore. The password reaches pg_dump in PGPASSWORD, in
//   its environment: /proc/<pid>/environ is readable only by the same user
//   and root (mode 0400, ptrace rules), who can read Tusk's memory and
//   postgres.toml anyway; libpq reads it from there like from .pgpass. So
//   the environment may hold it in that one variable of pg_dump /
//   pg_restore, nowhere else (not in Tusk's own environment, whose DB_URL
//   is the user's, not given here).
// - the window (`tusk`, offscreen) on DB_URL with the password in it: the
//   command lines stay clean, and no variable but the DB_URL it was given
//   holds the password.

#include "processwatch.h"
#include "testsecrets.h"
#include "testsupport.h"

#include "core/sandbox/localserver.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QProcess>
#include <QTest>
#include <QThread>

using namespace tusk::core;
using namespace tusk::test;

class TestSecretsProcess : public QObject {
    Q_OBJECT
    ConnInfo m_tcp;
    QByteArray m_password;
    QString m_scratch;

private slots:
    void initTestCase();
    void watchCanFail();
    void dryRunChildren();
    void windowOnDbUrl();

private:
    // Watches `process` until it ends or `ms` pass; the findings, if any.
    void watch(QProcess &process, int ms, ProcessWatch *watch);
    // `usersOwn`: a variable the test itself gave Tusk (DB_URL), which the
    // processes may inherit.
    QStringList leaks(const ProcessWatch &watch, const QByteArray &usersOwn = {}) const;
};

void TestSecretsProcess::initTestCase()
{
    QVERIFY2(!clusterConnInfo().isEmpty(), qPrintable(clusterMissingMessage()));
    QVERIFY2(!qEnvironmentVariableIsEmpty("TUSK_EXECUTABLE"), "run through ctest");
    m_tcp = LocalServer(qEnvironmentVariable("TUSK_TEST_CLUSTER")).tcpConnInfo();
    m_password = m_tcp.value(QStringLiteral("password")).toUtf8();
    QVERIFY(m_password.size() >= 12);
    m_scratch = scratchFolder(QStringLiteral("secrets-process"));
}

QStringList TestSecretsProcess::leaks(const ProcessWatch &watch, const QByteArray &usersOwn) const
{
    QStringList found;
    for (const ProcessWatch::Seen &s : watch.seen()) {
        for (const QByteArray &secret : {m_password, QByteArray(TUSK_TEST_SECRET_MARKER)}) {
            if (s.cmdline.contains(secret))
                found << QStringLiteral("%1 (pid %2): the command line holds a password")
                             .arg(s.name)
                             .arg(s.pid);
            for (const QByteArray &variable : s.environ.split('\0')) {
                if (!variable.contains(secret)
                    || (!usersOwn.isEmpty() && variable.startsWith(QByteArray(usersOwn + '='))))
                    continue;
                const bool libpqChild =
                    s.name == QLatin1String("pg_dump") || s.name == QLatin1String("pg_restore");
                if (!(libpqChild && variable.startsWith("PGPASSWORD=")))
                    found << QStringLiteral("%1 (pid %2): %3 holds a password")
                                 .arg(s.name)
                                 .arg(s.pid)
                                 .arg(QString::fromUtf8(variable.left(variable.indexOf('='))));
            }
        }
    }
    return found;
}

void TestSecretsProcess::watch(QProcess &process, int ms, ProcessWatch *watcher)
{
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < ms && watcher->poll()) {
        process.waitForFinished(0);
        QThread::usleep(500);
    }
}

void TestSecretsProcess::watchCanFail()
{
    // A shell whose command line holds the marker, and a child of it whose
    // environment holds the cluster's password: both must be reported.
    QProcess shell;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("LEAKED"), QString::fromUtf8(m_password));
    shell.setProcessEnvironment(env);
    shell.start(QStringLiteral("/bin/sh"),
        {QStringLiteral("-c"), QStringLiteral("sleep 1; true"),
            QStringLiteral(TUSK_TEST_SECRET_MARKER)});
    QVERIFY(shell.waitForStarted());
    ProcessWatch watcher(int(shell.processId()));
    watch(shell, 5000, &watcher);
    const QStringList found = leaks(watcher);
    QVERIFY2(found.size() >= 3, qPrintable(found.join(QLatin1Char('\n'))));
    QVERIFY2(found.join(QLatin1Char('\n')).contains(QLatin1String("sleep")),
        qPrintable(found.join(QLatin1Char('\n'))));
}

void TestSecretsProcess::dryRunChildren()
{
    ScratchDatabase db(QStringLiteral("secrets"));
    QVERIFY2(db.isValid(), qPrintable(db.error()));
    Reply made;
    {
        Connection c;
        QVERIFY(openAndWait(c, db.connInfo()).isNull());
        made = runAndWait(c, QStringLiteral("CREATE TABLE orders (id bigint PRIMARY KEY)"));
    }
    QVERIFY2(made.error.isNull(), qPrintable(made.error.message));
    // The target profile carries the password in the file, so Tusk holds it
    // and must hand it to pg_dump; the scratch server's comes from .pgpass.
    QVERIFY(writeFile(m_scratch + QStringLiteral("/config/tusk/postgres.toml"),
        QStringLiteral("[configuration]\nschema_version = 1\npg_bin_path = \"%1\"\n\n"
                       "[database.target]\nhost = \"127.0.0.1\"\nport = %2\n"
                       "database = \"%3\"\nuser = \"postgres\"\npassword = \"%4\"\n")
            .arg(QFileInfo(QStringLiteral("/usr/bin/pg_dump")).canonicalPath(), m_tcp.port(),
                db.name(), QString::fromUtf8(m_password))
            .toUtf8()));
    QVERIFY(writeFile(m_scratch + QStringLiteral("/pgpass"),
        "127.0.0.1:" + m_tcp.port().toUtf8() + ":*:postgres:" + m_password + '\n'));
    QFile::setPermissions(
        m_scratch + QStringLiteral("/pgpass"), QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    QVERIFY(writeFile(
        m_scratch + QStringLiteral("/change.sql"), "ALTER TABLE orders ADD COLUMN note text;\n"));

    QProcess tusk;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("DB_URL"));
    env.remove(QStringLiteral("DB_PROFILE"));
    env.remove(QStringLiteral("PGPASSWORD"));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_scratch + QStringLiteral("/config"));
    env.insert(QStringLiteral("PGPASSFILE"), m_scratch + QStringLiteral("/pgpass"));
    tusk.setProcessEnvironment(env);
    tusk.setWorkingDirectory(m_scratch);
    tusk.start(qEnvironmentVariable("TUSK_EXECUTABLE"),
        {QStringLiteral("rollout"), QStringLiteral("dry-run"), QStringLiteral("change.sql"),
            QStringLiteral("--profile"), QStringLiteral("target"), QStringLiteral("--scratch"),
            QStringLiteral("postgresql://postgres@127.0.0.1:%1/postgres").arg(m_tcp.port())});
    QVERIFY(tusk.waitForStarted());
    ProcessWatch watcher(int(tusk.processId()));
    watch(tusk, 60000, &watcher);
    const QStringList found = leaks(watcher);
    QVERIFY(tusk.state() == QProcess::NotRunning || tusk.waitForFinished(5000));
    const QByteArray output = tusk.readAllStandardOutput() + tusk.readAllStandardError();
    QVERIFY2(found.isEmpty(), qPrintable(found.join(QLatin1Char('\n'))));
    QVERIFY2(tusk.exitCode() == 0, output.constData());
    QVERIFY(!output.contains(m_password));
    // Without a child seen, the test proved nothing.
    const QStringList names = watcher.names();
    qInfo("watched: %s", qPrintable(names.join(QStringLiteral(", "))));
    QVERIFY2(
        names.contains(QLatin1String("pg_dump")) && names.contains(QLatin1String("pg_restore")),
        qPrintable(QStringLiteral("seen: %1").arg(names.join(QStringLiteral(", ")))));
}

void TestSecretsProcess::windowOnDbUrl()
{
    // DB_URL is the user's own environment; the window must not copy the
    // password anywhere the process list shows.
    // A database of its own, so the window's sessions can be counted.
    ScratchDatabase db(QStringLiteral("secretswindow"));
    QVERIFY2(db.isValid(), qPrintable(db.error()));
    ConnInfo url = m_tcp;
    url.setValue(QStringLiteral("dbname"), db.name());
    QProcess tusk;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("DB_URL"), url.toUrl(true));
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_scratch + QStringLiteral("/window/config"));
    env.insert(QStringLiteral("XDG_STATE_HOME"), m_scratch + QStringLiteral("/window/state"));
    tusk.setProcessEnvironment(env);
    tusk.setWorkingDirectory(m_scratch);
    tusk.start(qEnvironmentVariable("TUSK_EXECUTABLE"), {QStringLiteral("--new-window")});
    QVERIFY(tusk.waitForStarted());
    ProcessWatch watcher(int(tusk.processId()));
    // Start-up, the connection, the catalog read: the first seconds.
    watch(tusk, 5000, &watcher);
    const QStringList found = leaks(watcher, "DB_URL");
    const bool stillRunning = tusk.state() == QProcess::Running;
    // The window connected with the password it was given: the process
    // list was watched while it held it.
    Reply sessions;
    {
        Connection c;
        QVERIFY(openAndWait(c, clusterConnInfo()).isNull());
        sessions = runAndWait(c,
            QStringLiteral("SELECT count(*) FROM pg_stat_activity WHERE datname = $1"),
            {db.name()});
    }
    tusk.terminate();
    if (!tusk.waitForFinished(10000))
        tusk.kill();
    QVERIFY2(stillRunning, tusk.readAllStandardError().constData());
    QVERIFY2(found.isEmpty(), qPrintable(found.join(QLatin1Char('\n'))));
    QVERIFY(!watcher.seen().isEmpty());
    QVERIFY2(sessions.error.isNull() && !sessions.results.isEmpty()
            && sessions.results.first().text(0, 0).toInt() > 0,
        "the window never connected");
    qInfo("watched: %s", qPrintable(watcher.names().join(QStringLiteral(", "))));
}

QTEST_GUILESS_MAIN(TestSecretsProcess)
#include "tst_secrets_process.moc"
