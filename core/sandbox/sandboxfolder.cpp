#include "sandboxfolder.h"

#include "serveraccount.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

namespace tusk::core {

namespace {
const QLatin1String markerName("TUSK_SANDBOX");

constexpr QDir::Filters everything =
    QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot;

// What a sandbox folder holds: the cluster, its log, Tusk's small files,
// and the server's socket with its lock file.
bool isSandboxEntry(const QString &name)
{
    static const QStringList names {QStringLiteral("data"), QStringLiteral("server.log"),
        QStringLiteral("superuser.password"), QStringLiteral("port"), markerName,
        QStringLiteral(".initdb-password")};
    static const QRegularExpression socket(QStringLiteral("^\\.s\\.PGSQL\\.\\d+(\\.lock)?$"));
    return names.contains(name) || socket.match(name).hasMatch();
}
} // namespace

SandboxFolder::SandboxFolder(const QString &path)
    : m_path(QDir::cleanPath(QDir(path).absolutePath()))
{
}

bool SandboxFolder::exists() const
{
    return QDir(m_path).exists();
}

bool SandboxFolder::isMarked() const
{
    return QFile::exists(m_path + QLatin1Char('/') + markerName);
}

bool SandboxFolder::prepare(const ServerAccount &account, QString *error) const
{
    QDir dir(m_path);
    if (dir.exists() && !isMarked() && !dir.entryList(everything).isEmpty()) {
        *error = QStringLiteral("%1 exists and is not a Tusk sandbox folder; Tusk will not "
                                "touch it")
                     .arg(m_path);
        return false;
    }
    // Missing parents are made one by one and left open for the server's
    // account to pass through, whatever the umask says.
    // (QDir::cdUp() refuses to step into a parent that does not exist, so
    // the walk goes by path text.)
    QStringList missing;
    for (QString up = m_path; !QFileInfo::exists(up); up = QFileInfo(up).path()) {
        missing.prepend(up);
        if (QFileInfo(up).path() == up)
            break;
    }
    for (const QString &folder : missing) {
        if (!QDir().mkdir(folder)) {
            *error = QStringLiteral("cannot create the folder %1").arg(folder);
            return false;
        }
        if (folder != m_path)
            QFile::setPermissions(folder,
                QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner
                    | QFileDevice::ReadGroup | QFileDevice::ExeGroup | QFileDevice::ReadOther
                    | QFileDevice::ExeOther);
    }
    QFile::setPermissions(
        m_path, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    QFile marker(dir.filePath(markerName));
    if (!marker.exists()) {
        if (!marker.open(QIODevice::WriteOnly)) {
            *error = QStringLiteral("cannot write %1").arg(marker.fileName());
            return false;
        }
        marker.write("A PostgreSQL cluster created by Tusk (tusk sandbox). "
                     "`tusk sandbox remove` deletes this folder.\n");
        marker.close();
    }
    if (!account.takeOwnership(m_path)) {
        *error = QStringLiteral("cannot give %1 to the '%2' user").arg(m_path, account.name());
        return false;
    }
    return true;
}

bool SandboxFolder::removeContents(QStringList *leftOver, QString *error) const
{
    QDir dir(m_path);
    if (!dir.exists())
        return true;
    if (!isMarked()) {
        *error =
            QStringLiteral("%1 is not a Tusk sandbox folder; Tusk will not delete it").arg(m_path);
        return false;
    }
    const QStringList entries = dir.entryList(everything);
    for (const QString &name : entries) {
        if (!isSandboxEntry(name) || name == markerName) {
            if (name != markerName)
                leftOver->append(name);
            continue;
        }
        const QString entry = dir.filePath(name);
        const bool removed = QFileInfo(entry).isDir() && !QFileInfo(entry).isSymLink()
            ? QDir(entry).removeRecursively()
            : QFile::remove(entry);
        if (!removed) {
            *error = QStringLiteral("cannot delete %1").arg(entry);
            return false;
        }
    }
    if (!leftOver->isEmpty())
        return true; // the marker stays with what is left, so a later remove still works
    QFile::remove(dir.filePath(markerName));
    if (!QDir().rmdir(m_path)) {
        *error = QStringLiteral("cannot delete the folder %1").arg(m_path);
        return false;
    }
    return true;
}

} // namespace tusk::core
