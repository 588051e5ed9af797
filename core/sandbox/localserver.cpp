#include "localserver.h"

#include "postgresbinaries.h"
#include "postmasterpidfile.h"
#include "sandboxfolder.h"
#include "serveraccount.h"

#include "core/files/userfilewriter.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QStandardPaths>

#include <arpa/inet.h>
#include <csignal>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

namespace tusk::core {

namespace {
constexpr int pollIntervalMs = 10;
constexpr int startTimeoutMs = 30000;
constexpr int stopTimeoutMs = 30000;
const QLatin1String passwordName("superuser.password");
const QLatin1String portName("port");
const QLatin1String configName("tusk-sandbox.conf");

bool portFree(int port)
{
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0)
        return false;
    // As the server binds: a port in TIME_WAIT after a restart is free.
    const int on = 1;
    ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on);
    sockaddr_in addr {};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = htons(quint16(port));
    const bool ok = ::bind(fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr) == 0;
    ::close(fd);
    return ok;
}

// The kernel's choice of a free loopback port.
int anyFreePort()
{
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0)
        return 0;
    sockaddr_in addr {};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof addr;
    int port = 0;
    if (::bind(fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr) == 0
        && ::getsockname(fd, reinterpret_cast<sockaddr *>(&addr), &len) == 0)
        port = ntohs(addr.sin_port);
    ::close(fd);
    return port;
}

QString readText(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()).trimmed() : QString();
}

bool writePrivateText(const QString &path, const QByteArray &text)
{
    UserFileWriter::Options options;
    options.permissions = UserFileWriter::Permissions::AlwaysPrivate;
    return UserFileWriter::writeFile(path, text, options).isNull();
}

} // namespace

LocalServer::LocalServer(const QString &folder, QObject *parent)
    : QObject(parent)
    , m_folder(QDir::cleanPath(QDir(folder).absolutePath()))
{
    m_poll.setInterval(pollIntervalMs);
}

LocalServer::~LocalServer()
{
    if (m_process) {
        m_process->disconnect(this);
        m_process->kill();
        m_process->waitForFinished(1000); // a local child, already killed
    }
}

QString LocalServer::defaultFolder()
{
    const QString fromEnv = qEnvironmentVariable("TUSK_SANDBOX_DIR");
    if (!fromEnv.isEmpty())
        return fromEnv;
    if (::geteuid() == 0)
        return QStringLiteral("/var/lib/tusk/sandbox");
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation)
        + QStringLiteral("/tusk/sandbox");
}

QString LocalServer::dataDir() const
{
    return m_folder + QStringLiteral("/data");
}
QString LocalServer::logFile() const
{
    return m_folder + QStringLiteral("/server.log");
}

void LocalServer::setBinDir(const QString &binDir)
{
    m_binDir = binDir;
}

void LocalServer::setSetting(const QString &name, const QString &value)
{
    m_settings.set(name, value);
}

bool LocalServer::isInitialized() const
{
    return QFile::exists(dataDir() + QStringLiteral("/PG_VERSION"));
}

int LocalServer::serverPid() const
{
    const PostmasterPidFile pidFile(dataDir());
    return pidFile.isLive() ? pidFile.pid() : 0;
}

bool LocalServer::isRunning() const
{
    return serverPid() != 0;
}

int LocalServer::port() const
{
    const PostmasterPidFile pidFile(dataDir());
    if (pidFile.isLive())
        return pidFile.port();
    return readText(m_folder + QLatin1Char('/') + portName).toInt();
}

ConnInfo LocalServer::connInfo(const QString &database) const
{
    ConnInfo info;
    info.setValue(QStringLiteral("host"), m_folder);
    info.setValue(QStringLiteral("port"), QString::number(port()));
    info.setValue(QStringLiteral("user"), QLatin1String(superuser));
    info.setValue(QStringLiteral("dbname"), database);
    return info;
}

ConnInfo LocalServer::tcpConnInfo(const QString &database) const
{
    ConnInfo info = connInfo(database);
    info.setValue(QStringLiteral("host"), QStringLiteral("127.0.0.1"));
    info.setValue(QStringLiteral("password"), readText(m_folder + QLatin1Char('/') + passwordName));
    return info;
}

void LocalServer::fail(const QString &sqlState, const QString &message)
{
    m_poll.stop();
    m_poll.disconnect(this);
    m_step = Step::Idle;
    emit failed(PgError::client(message, sqlState));
}

bool LocalServer::prepareFolder(QString *error, QString *sqlState)
{
    // Someone else's folder, or one the server's user may not enter.
    *sqlState = QString::fromLatin1(notOurs);
    const ServerAccount account = ServerAccount::forCurrentProcess();
    if (!account.isValid()) {
        *error = account.error();
        return false;
    }
    if (const QString blocked = account.firstBlockedFolder(m_folder); !blocked.isEmpty()) {
        *error = QStringLiteral("the server runs as the '%1' user, who may not enter %2; "
                                "choose a sandbox folder elsewhere (for example under /var/lib "
                                "or /tmp) with --dir")
                     .arg(account.name(), blocked);
        return false;
    }
    // sockaddr_un holds 108 bytes, the terminating zero included.
    const int socketPathLength = int(QFile::encodeName(m_folder).size()) + 17;
    if (socketPathLength > int(sizeof(sockaddr_un::sun_path)) - 1) {
        *sqlState = QStringLiteral("22023"); // invalid_parameter_value: --dir
        *error = QStringLiteral("the folder path %1 is too long for a Unix socket inside it "
                                "(%2 bytes, at most %3); choose a shorter --dir")
                     .arg(m_folder)
                     .arg(socketPathLength)
                     .arg(sizeof(sockaddr_un::sun_path) - 1);
        return false;
    }
    return SandboxFolder(m_folder).prepare(account, error);
}

bool LocalServer::refuseWhileBusy()
{
    if (m_step == Step::Idle)
        return false;
    QMetaObject::invokeMethod(
        this,
        [this] {
            emit failed(
                PgError::client(QStringLiteral("the sandbox server is busy with another step"),
                    QString::fromLatin1(busy)));
        },
        Qt::QueuedConnection);
    return true;
}

void LocalServer::start()
{
    if (m_step != Step::Restarting && refuseWhileBusy())
        return;
    m_retriedPort = false;
    m_step = Step::Starting;
    if (isRunning()) {
        QMetaObject::invokeMethod(
            this,
            [this] {
                m_step = Step::Idle;
                emit started();
            },
            Qt::QueuedConnection);
        return;
    }
    const QString wanted = m_binDir;
    m_binDir = PostgresBinaries::findBinDir(wanted);
    if (m_binDir.isEmpty()) {
        const QString message = wanted.isEmpty()
            ? QStringLiteral("no PostgreSQL server programs (initdb, pg_ctl, postgres) were found "
                             "in /usr/lib/postgresql/*/bin or on PATH; install Debian's "
                             "postgresql package or name their folder (--pg-bin)")
            : QStringLiteral("%1 does not hold the PostgreSQL server programs (initdb, pg_ctl, "
                             "postgres)")
                  .arg(wanted);
        m_binDir = wanted;
        QMetaObject::invokeMethod(
            this, [this, message] { fail(QString::fromLatin1(noFile), message); },
            Qt::QueuedConnection);
        return;
    }
    QString error;
    QString code;
    if (!prepareFolder(&error, &code)) {
        QMetaObject::invokeMethod(
            this, [this, code, error] { fail(code, error); }, Qt::QueuedConnection);
        return;
    }
    if (isInitialized())
        QMetaObject::invokeMethod(
            this, [this] { launch(); }, Qt::QueuedConnection);
    else
        runInitDb();
}

void LocalServer::runInitDb()
{
    m_step = Step::InitDb;
    emit progress(QStringLiteral("creating a PostgreSQL cluster in %1").arg(dataDir()));
    const ServerAccount account = ServerAccount::forCurrentProcess();

    // The superuser's password, for TCP connections; the socket needs none.
    QByteArray password;
    const QByteArray alphabet = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    for (int i = 0; i < 24; ++i)
        password += alphabet.at(QRandomGenerator::system()->bounded(int(alphabet.size())));
    const QString pwFile = m_folder + QStringLiteral("/.initdb-password");
    if (!writePrivateText(pwFile, password + '\n') || !account.takeOwnership(pwFile)
        || !writePrivateText(m_folder + QLatin1Char('/') + passwordName, password + '\n')) {
        QMetaObject::invokeMethod(
            this,
            [this] {
                fail(
                    QString::fromLatin1(ioError), QStringLiteral("cannot write the password file"));
            },
            Qt::QueuedConnection);
        return;
    }

    runProgram(QStringLiteral("initdb"),
        {QStringLiteral("--pgdata=") + dataDir(),
            QStringLiteral("--username=") + QLatin1String(superuser),
            QStringLiteral("--pwfile=") + pwFile, QStringLiteral("--encoding=UTF8"),
            QStringLiteral("--no-locale"), QStringLiteral("--auth-local=trust"),
            QStringLiteral("--auth-host=scram-sha-256"), QStringLiteral("--no-sync"),
            QStringLiteral("--no-instructions")},
        [this, pwFile](bool ok, const QString &output) {
            QFile::remove(pwFile);
            if (ok)
                launch();
            else
                fail(
                    QString::fromLatin1(programFailed), QStringLiteral("initdb failed: ") + output);
        });
}

void LocalServer::runProgram(const QString &name, const QStringList &arguments,
    std::function<void(bool ok, const QString &output)> done)
{
    m_process = std::make_unique<QProcess>();
    m_process->setWorkingDirectory(m_folder);
    m_process->setProcessChannelMode(QProcess::MergedChannels);
    ServerAccount::forCurrentProcess().applyTo(*m_process);
    // Exactly one of finished / errorOccurred(FailedToStart) ends a run.
    const auto end = [this, done](bool ok, const QString &output) {
        m_process->disconnect(this);
        m_process.release()->deleteLater();
        done(ok, output);
    };
    connect(m_process.get(), &QProcess::finished, this, [this, end](int code) {
        const QString output = QString::fromLocal8Bit(m_process->readAll()).trimmed();
        end(code == 0,
            code == 0 ? output : QStringLiteral("exit code %1: %2").arg(code).arg(output));
    });
    connect(m_process.get(), &QProcess::errorOccurred, this,
        [this, end, name](QProcess::ProcessError e) {
            if (e == QProcess::FailedToStart)
                end(false, QStringLiteral("cannot run %1: %2").arg(name, m_process->errorString()));
        });
    m_process->start(m_binDir + QLatin1Char('/') + name, arguments);
}

// Tusk's own settings live in a file it rewrites at every start; the
// include line is checked each time, so an interrupted first start heals.
bool LocalServer::ensureConfigIncluded(QString *error) const
{
    QFile conf(dataDir() + QStringLiteral("/postgresql.conf"));
    if (!conf.open(QIODevice::ReadWrite | QIODevice::Append)) {
        *error = QStringLiteral("cannot open %1").arg(conf.fileName());
        return false;
    }
    conf.seek(0);
    const QByteArray include = "include_if_exists = 'tusk-sandbox.conf'";
    if (conf.readAll().contains(include))
        return true;
    conf.write("\n# Settings Tusk writes at every start of the sandbox.\n" + include + '\n');
    return true;
}

int LocalServer::choosePort() const
{
    const int remembered = readText(m_folder + QLatin1Char('/') + portName).toInt();
    for (int candidate : {m_preferredPort, remembered}) {
        if (candidate > 0 && portFree(candidate))
            return candidate;
    }
    return anyFreePort();
}

bool LocalServer::writeConfig(int port, QString *error)
{
    const QByteArray text = m_settings.configText(port, m_folder, m_binDir);
    const QString path = dataDir() + QLatin1Char('/') + configName;
    if (const FileWriteError failure = UserFileWriter::writeFile(path, text, {});
        !failure.isNull()) {
        *error = failure.message;
        return false;
    }
    QFile::setPermissions(path,
        QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup
            | QFileDevice::ReadOther);
    return writePrivateText(m_folder + QLatin1Char('/') + portName, QByteArray::number(port));
}

void LocalServer::launch()
{
    m_step = Step::Starting;
    m_logStart = QFileInfo(logFile()).size();
    const int port = choosePort();
    QString error;
    if (port <= 0 || !ensureConfigIncluded(&error) || !writeConfig(port, &error)) {
        if (port <= 0)
            fail(QString::fromLatin1(noPort), QStringLiteral("no free loopback port"));
        else
            fail(QString::fromLatin1(ioError), error);
        return;
    }
    // A pid file left by a crash would pass for the new server's.
    if (!PostmasterPidFile(dataDir()).removeIfStale()) {
        fail(QString::fromLatin1(ioError),
            QStringLiteral("cannot remove the stale %1/postmaster.pid").arg(dataDir()));
        return;
    }
    emit progress(QStringLiteral("starting the server on 127.0.0.1:%1").arg(port));
    // -W: pg_ctl returns at once; readiness is read from postmaster.pid,
    // which is quicker than pg_ctl's own 100 ms polling.
    runProgram(QStringLiteral("pg_ctl"),
        {QStringLiteral("start"), QStringLiteral("-W"), QStringLiteral("-s"), QStringLiteral("-D"),
            dataDir(), QStringLiteral("-l"), logFile()},
        [this](bool ok, const QString &output) {
            if (ok)
                waitUntilReady();
            else
                fail(QString::fromLatin1(programFailed),
                    QStringLiteral("pg_ctl could not start the server (%1)\n%2")
                        .arg(output, logTail()));
        });
}

void LocalServer::waitUntilReady()
{
    m_clock.start();
    m_pid = 0;
    m_poll.disconnect(this);
    connect(&m_poll, &QTimer::timeout, this, [this] {
        const PostmasterPidFile pidFile(dataDir());
        if (pidFile.exists() && pidFile.pid() > 0)
            m_pid = pidFile.pid();
        if (pidFile.isLive() && pidFile.status() == QLatin1String("ready")) {
            m_poll.stop();
            m_poll.disconnect(this);
            m_step = Step::Idle;
            emit started();
            return;
        }
        const bool died = m_pid > 0 && !PostmasterPidFile::processAlive(m_pid);
        // A server that gives up before writing its pid file (a port taken
        // in the meantime, a bad setting) says so in its log.
        const QString news = logSince(m_logStart);
        const bool fatal = !pidFile.isLive() && news.contains(QLatin1String("FATAL:"));
        if ((died || fatal) && news.contains(QLatin1String("could not create any TCP/IP sockets"))
            && !m_retriedPort) {
            m_retriedPort = true;
            m_preferredPort = 0;
            QFile::remove(m_folder + QLatin1Char('/') + portName);
            m_poll.stop();
            m_poll.disconnect(this);
            launch();
            return;
        }
        if (died || fatal || m_clock.hasExpired(startTimeoutMs)) {
            fail(QString::fromLatin1(didNotStart),
                QStringLiteral("the server did not start%1; its log ends with:\n%2")
                    .arg(died || fatal ? QString()
                                       : QStringLiteral(" within %1 s").arg(startTimeoutMs / 1000),
                        logTail()));
        }
    });
    m_poll.start();
}

void LocalServer::stop()
{
    if (m_step == Step::Idle)
        m_step = Step::Stopping;
    else if (m_step != Step::Restarting && m_step != Step::Removing) {
        refuseWhileBusy();
        return;
    }
    m_pid = serverPid();
    if (!m_pid) {
        QMetaObject::invokeMethod(
            this, [this] { afterStop(); }, Qt::QueuedConnection);
        return;
    }
    emit progress(QStringLiteral("stopping the server (pid %1)").arg(m_pid));
    ::kill(m_pid, SIGINT); // "fast" shutdown: roll back sessions, checkpoint, exit
    waitUntilGone();
}

void LocalServer::waitUntilGone()
{
    m_clock.start();
    bool escalated = false;
    m_poll.disconnect(this);
    connect(&m_poll, &QTimer::timeout, this, [this, escalated]() mutable {
        if (!PostmasterPidFile::processAlive(m_pid)) {
            m_poll.stop();
            m_poll.disconnect(this);
            afterStop();
            return;
        }
        if (m_clock.hasExpired(escalated ? 5000 : stopTimeoutMs)) {
            if (escalated) {
                fail(QString::fromLatin1(programFailed),
                    QStringLiteral("the server (pid %1) does not stop").arg(m_pid));
                return;
            }
            ::kill(m_pid, SIGQUIT); // immediate shutdown
            escalated = true;
            m_clock.start();
        }
    });
    m_poll.start();
}

void LocalServer::afterStop()
{
    const Step step = m_step;
    m_step = Step::Idle;
    switch (step) {
    case Step::Restarting:
        emit stopped();
        start();
        break;
    case Step::Removing: {
        QStringList leftOver;
        QString error;
        if (!SandboxFolder(m_folder).removeContents(&leftOver, &error)) {
            fail(QString::fromLatin1(ioError), error);
            return;
        }
        if (!leftOver.isEmpty())
            emit progress(QStringLiteral("kept %1 in %2: Tusk did not create them")
                              .arg(leftOver.join(QStringLiteral(", ")), m_folder));
        emit stopped();
        emit removed();
        break;
    }
    default:
        emit stopped();
        break;
    }
}

void LocalServer::restart()
{
    if (refuseWhileBusy())
        return;
    m_step = Step::Restarting;
    stop();
}

void LocalServer::remove()
{
    if (refuseWhileBusy())
        return;
    const SandboxFolder folder(m_folder);
    if (folder.exists() && !folder.isMarked()) {
        QMetaObject::invokeMethod(
            this,
            [this] {
                fail(QString::fromLatin1(notOurs),
                    QStringLiteral("%1 is not a Tusk sandbox folder; Tusk will not delete it")
                        .arg(m_folder));
            },
            Qt::QueuedConnection);
        return;
    }
    m_step = Step::Removing;
    stop();
}

QString LocalServer::logSince(qint64 offset) const
{
    QFile log(logFile());
    if (!log.open(QIODevice::ReadOnly) || !log.seek(qMax<qint64>(0, offset)))
        return {};
    return QString::fromUtf8(log.readAll());
}

QString LocalServer::logTail(int lines) const
{
    const QStringList all = readText(logFile()).split(QLatin1Char('\n'));
    return all.mid(qMax(0, int(all.size()) - lines)).join(QLatin1Char('\n'));
}

} // namespace tusk::core
