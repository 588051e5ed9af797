#include "testsupport.h"

#include "core/sandbox/localserver.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QThread>
#include <QTimer>

#include <csignal>

#include <unistd.h>

// In tests/common/stallwatchdog.cpp, which every tusk_add_test links.
extern "C" void tusk_stall_watchdog_skip() __attribute__((weak));

namespace tusk::test {

core::ConnInfo clusterConnInfo(const QString &database)
{
    const QString folder = qEnvironmentVariable("TUSK_TEST_CLUSTER");
    if (folder.isEmpty())
        return {};
    core::LocalServer server(folder);
    if (!server.isRunning())
        return {};
    return server.connInfo(database);
}

QString clusterMissingMessage()
{
    return QStringLiteral("no test cluster: run this test through ctest, whose fixture "
                          "(cluster_start) starts one; TUSK_TEST_CLUSTER='%1'")
        .arg(qEnvironmentVariable("TUSK_TEST_CLUSTER"));
}

QString scratchFolder(const QString &name)
{
    QString root = qEnvironmentVariable("TUSK_TEST_ROOT");
    if (root.isEmpty())
        root = QDir::tempPath() + QStringLiteral("/tusk-tests-%1").arg(getuid());
    QDir folder(root + QLatin1Char('/') + name);
    // A server left running there by an interrupted run goes first.
    if (const int pid = core::LocalServer(folder.path()).serverPid()) {
        ::kill(pid, SIGQUIT);
        for (int i = 0; i < 500 && ::kill(pid, 0) == 0; ++i)
            QThread::msleep(10);
    }
    folder.removeRecursively();
    QDir().mkpath(root);
    // The server's account must be able to pass through the root.
    QFile::setPermissions(root,
        QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner
            | QFileDevice::ExeGroup | QFileDevice::ExeOther);
    return folder.path();
}

double residentMiB()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toDouble() / 1024.0;
    }
    return 0;
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool writeFile(const QString &path, const QByteArray &content)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(content) == content.size();
}

int runTusk(const QStringList &arguments, const QString &workingDir, QString *output,
    const QStringList &environment, const QByteArray &input, QString *errors)
{
    QProcess tusk;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("DB_URL"));
    env.remove(QStringLiteral("DB_PROFILE"));
    for (const QString &pair : environment)
        env.insert(pair.section(QLatin1Char('='), 0, 0), pair.section(QLatin1Char('='), 1));
    tusk.setProcessEnvironment(env);
    tusk.setWorkingDirectory(workingDir);
    if (!errors)
        tusk.setProcessChannelMode(QProcess::MergedChannels);
    tusk.start(qEnvironmentVariable("TUSK_EXECUTABLE"), arguments);
    tusk.write(input);
    tusk.closeWriteChannel();
    const bool finished = tusk.waitForFinished(60000);
    skipStallCount(); // a GUI test waiting for the CLI is not the window stalling
    *output = QString::fromUtf8(tusk.readAllStandardOutput());
    if (errors)
        *errors = QString::fromUtf8(tusk.readAllStandardError());
    return finished && tusk.exitStatus() == QProcess::NormalExit ? tusk.exitCode() : -1;
}

QString artifactPath(const QString &fileName)
{
    // ctest sets the folder; a test run by hand writes to the same one
    // (the build's), never into whatever folder it was started from.
    QString dir = qEnvironmentVariable("TUSK_TEST_ARTIFACTS");
    if (dir.isEmpty())
        dir = QStringLiteral(TUSK_TEST_ARTIFACTS_DEFAULT);
    QDir().mkpath(dir);
    return dir + QLatin1Char('/') + fileName;
}

void skipStallCount()
{
    if (tusk_stall_watchdog_skip)
        tusk_stall_watchdog_skip();
}

core::PgError openAndWait(core::Connection &connection, const core::ConnInfo &info, int timeoutMs)
{
    QEventLoop loop;
    core::PgError result = core::PgError::client(QStringLiteral("timed out waiting to connect"));
    QObject::connect(&connection, &core::Connection::opened, &loop, [&] {
        result = {};
        loop.quit();
    });
    QObject::connect(
        &connection, &core::Connection::openFailed, &loop, [&](const core::PgError &error) {
            result = error;
            loop.quit();
        });
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    connection.open(info);
    loop.exec();
    return result;
}

Reply runAndWait(
    core::Connection &connection, const QString &sql, const QVariantList &params, int timeoutMs)
{
    Reply reply;
    QEventLoop loop;
    QElapsedTimer timer;
    timer.start();
    quint64 id = 0;
    QObject::connect(&connection, &core::Connection::resultReady, &loop,
        [&](quint64 request, const core::Result &result) {
            if (request == id)
                reply.results.append(result);
        });
    QObject::connect(&connection, &core::Connection::requestFinished, &loop,
        [&](quint64 request, const core::PgError &error) {
            if (request != id)
                return;
            reply.error = error;
            reply.finished = true;
            loop.quit();
        });
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    id = connection.execute(sql, params);
    if (!reply.finished)
        loop.exec();
    reply.elapsedMs = timer.elapsed();
    return reply;
}

ScratchDatabase::ScratchDatabase(const QString &prefix)
    : m_name(QStringLiteral("%1_%2").arg(prefix).arg(QCoreApplication::applicationPid()))
{
    const core::ConnInfo admin = clusterConnInfo();
    if (admin.isEmpty()) {
        m_error = clusterMissingMessage();
        return;
    }
    core::Connection connection;
    if (const core::PgError e = openAndWait(connection, admin); !e.isNull()) {
        m_error = e.toString();
        return;
    }
    runAndWait(
        connection, QStringLiteral("DROP DATABASE IF EXISTS \"%1\" WITH (FORCE)").arg(m_name));
    const Reply created =
        runAndWait(connection, QStringLiteral("CREATE DATABASE \"%1\"").arg(m_name));
    if (!created.error.isNull())
        m_error = created.error.toString();
}

ScratchDatabase::~ScratchDatabase()
{
    if (!m_error.isEmpty())
        return;
    core::Connection connection;
    if (openAndWait(connection, clusterConnInfo()).isNull())
        runAndWait(
            connection, QStringLiteral("DROP DATABASE IF EXISTS \"%1\" WITH (FORCE)").arg(m_name));
}

} // namespace tusk::test
