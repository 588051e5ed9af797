#include "writeobstacle.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>

#include <unistd.h>

namespace tusk::test {

bool WriteObstacle::isRoot()
{
    return ::geteuid() == 0;
}

QString WriteObstacle::needsRootMessage()
{
    return QStringLiteral("this case needs root (mount, chattr): mode bits do not stop root, "
                          "and without root nothing else makes a full or immutable file "
                          "system; run the tests as root, as CI does");
}

bool WriteObstacle::run(const QString &program, const QStringList &arguments)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(program, arguments);
    if (!process.waitForFinished(30000) || process.exitStatus() != QProcess::NormalExit
        || process.exitCode() != 0) {
        m_error =
            QStringLiteral("%1 %2 failed: %3")
                .arg(program, arguments.join(QLatin1Char(' ')),
                    QString::fromLocal8Bit(process.readAll()).trimmed() + process.errorString());
        return false;
    }
    return true;
}

bool WriteObstacle::makeReadOnly(const QString &folder)
{
    if (!isRoot()) {
        m_modes.append({folder, QFile::permissions(folder)});
        return QFile::setPermissions(folder,
            QFileDevice::ReadOwner | QFileDevice::ExeOwner | QFileDevice::ReadGroup
                | QFileDevice::ExeGroup | QFileDevice::ReadOther | QFileDevice::ExeOther);
    }
    if (!run(QStringLiteral("mount"), {QStringLiteral("--bind"), folder, folder}))
        return false;
    m_mounts << folder;
    return run(
        QStringLiteral("mount"), {QStringLiteral("-o"), QStringLiteral("remount,bind,ro"), folder});
}

bool WriteObstacle::mountSmallDisk(const QString &folder, int kib)
{
    if (!isRoot()) {
        m_error = needsRootMessage();
        return false;
    }
    if (!run(QStringLiteral("mount"),
            {QStringLiteral("-t"), QStringLiteral("tmpfs"), QStringLiteral("-o"),
                QStringLiteral("size=%1k,mode=0755").arg(kib), QStringLiteral("tmpfs"), folder}))
        return false;
    m_mounts << folder;
    return true;
}

bool WriteObstacle::fill(const QString &folder, QString *filler)
{
    const QString path = QDir(folder).filePath(QStringLiteral("zz-filler"));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Unbuffered)) {
        m_error = QStringLiteral("cannot make %1: %2").arg(path, file.errorString());
        return false;
    }
    // Page by page, then byte by byte: not one byte may be left.
    const QByteArray page(4096, 'f');
    while (file.write(page) == page.size()) { }
    while (file.write("f", 1) == 1) { }
    file.close();
    if (filler)
        *filler = path;
    return true;
}

bool WriteObstacle::makeImmutable(const QString &path)
{
    if (!isRoot()) {
        m_error = needsRootMessage();
        return false;
    }
    if (!run(QStringLiteral("chattr"), {QStringLiteral("+i"), path}))
        return false;
    m_immutable << path;
    return true;
}

void WriteObstacle::undo()
{
    while (!m_immutable.isEmpty())
        run(QStringLiteral("chattr"), {QStringLiteral("-i"), m_immutable.takeLast()});
    while (!m_mounts.isEmpty())
        run(QStringLiteral("umount"), {QStringLiteral("-l"), m_mounts.takeLast()});
    while (!m_modes.isEmpty()) {
        const auto [path, mode] = m_modes.takeLast();
        QFile::setPermissions(path, mode);
    }
}

void WriteObstacle::clearLeftovers(const QString &root)
{
    if (!isRoot() || !QFileInfo::exists(root))
        return;
    WriteObstacle cleaner;
    // /proc/self/mounts lists mount points with blanks escaped as \040; the
    // tests' folders have none.
    QFile mounts(QStringLiteral("/proc/self/mounts"));
    if (mounts.open(QIODevice::ReadOnly)) {
        QStringList under;
        for (const QByteArray &line : mounts.readAll().split('\n')) {
            const QList<QByteArray> fields = line.split(' ');
            const QString point =
                fields.size() > 1 ? QString::fromLocal8Bit(fields.at(1)) : QString();
            if (point == root || point.startsWith(root + QLatin1Char('/')))
                under << point;
        }
        while (!under.isEmpty()) // the deepest (mounted last) first
            cleaner.run(QStringLiteral("umount"), {QStringLiteral("-l"), under.takeLast()});
    }
    cleaner.run(QStringLiteral("chattr"), {QStringLiteral("-R"), QStringLiteral("-i"), root});
}

} // namespace tusk::test
