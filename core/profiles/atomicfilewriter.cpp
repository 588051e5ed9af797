#include "atomicfilewriter.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

namespace tusk::core {

bool AtomicFileWriter::write(
    const QString &path, const QByteArray &content, QString *error, Kind kind)
{
    const QFileInfo info(path);
    const bool existed = info.exists();
    if (!QDir().mkpath(info.absolutePath())) {
        *error = QStringLiteral("cannot create the folder %1").arg(info.absolutePath());
        return false;
    }
    const QFileDevice::Permissions privateMode = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
    if (existed && kind == Kind::PrivateWithBackup) {
        const QString backup = backupPath(path);
        QFile::remove(backup);
        if (!QFile::copy(path, backup)) {
            *error = QStringLiteral("cannot keep the previous version as %1; %2 was not changed")
                         .arg(backup, path);
            return false;
        }
        QFile::setPermissions(backup, QFile::permissions(path));
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = QStringLiteral("cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    // QSaveFile gives the temporary file the old file's mode; a new file is
    // made private before a single byte lands in it.
    if (!existed)
        file.setPermissions(kind == Kind::PrivateWithBackup
                ? privateMode
                : privateMode | QFileDevice::ReadGroup | QFileDevice::ReadOther);
    if (file.write(content) != content.size() || !file.commit()) {
        *error = QStringLiteral("cannot write %1: %2; the file was not changed")
                     .arg(path, file.errorString());
        return false;
    }
    return true;
}

} // namespace tusk::core
