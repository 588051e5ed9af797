#include "postmasterpidfile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStringList>

#include <csignal>

namespace tusk::core {

namespace {
QString pidFilePath(const QString &dataDir)
{
    return dataDir + QStringLiteral("/postmaster.pid");
}

bool processIsPostgres(int pid)
{
    const QFileInfo exe(QStringLiteral("/proc/%1/exe").arg(pid));
    if (!QFileInfo(QStringLiteral("/proc/self/exe")).exists())
        return true; // no /proc to ask: trust the other checks
    return exe.symLinkTarget().endsWith(QLatin1String("/postgres"));
}
} // namespace

PostmasterPidFile::PostmasterPidFile(const QString &dataDir)
    : m_dataDir(dataDir)
{
    QFile file(pidFilePath(dataDir));
    if (!file.open(QIODevice::ReadOnly))
        return;
    m_exists = true;
    // pid, data directory, start time, port, socket folder, listen
    // address, shared memory key, status.
    const QStringList lines = QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'));
    m_pid = lines.value(0).trimmed().toInt();
    m_fileDataDir = lines.value(1).trimmed();
    m_startTime = lines.value(2).trimmed().toLongLong();
    m_port = lines.value(3).trimmed().toInt();
    m_status = lines.value(7).trimmed();
}

bool PostmasterPidFile::processAlive(int pid)
{
    return pid > 0 && ::kill(pid, 0) == 0;
}

bool PostmasterPidFile::isLive() const
{
    if (!m_exists || !processAlive(m_pid) || !processIsPostgres(m_pid))
        return false;
    const QString here = QFileInfo(m_dataDir).canonicalFilePath();
    const QString there = QFileInfo(m_fileDataDir).canonicalFilePath();
    return !here.isEmpty() && here == there;
}

bool PostmasterPidFile::removeIfStale() const
{
    if (!m_exists)
        return true;
    if (isLive())
        return false;
    return QFile::remove(pidFilePath(m_dataDir));
}

} // namespace tusk::core
