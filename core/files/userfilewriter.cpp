#include "userfilewriter.h"

#include "releasedmigrations.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

#include <cerrno>
#include <filesystem>
#include <system_error>

#include <unistd.h>

namespace tusk::core {

namespace {
constexpr QFileDevice::Permissions privateMode = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
constexpr QFileDevice::Permissions sharedMode =
    privateMode | QFileDevice::ReadGroup | QFileDevice::ReadOther;

QString systemWords(int error)
{
    return QString::fromStdString(std::generic_category().message(error));
}

// Why `path` cannot be replaced, in the system's words: QSaveFile says only
// "Existing file … is not writable" for a read-only file system or an
// immutable file, and "Filename refers to a directory" for a directory.
QString obstacle(const QString &path, const QString &fallback)
{
    const QFileInfo info(path);
    if (info.isDir())
        return systemWords(EISDIR);
    if (info.exists() && ::access(QFile::encodeName(path).constData(), W_OK) != 0)
        return systemWords(errno);
    if (::access(QFile::encodeName(info.absolutePath()).constData(), W_OK | X_OK) != 0)
        return systemWords(errno);
    return fallback;
}
} // namespace

UserFileWriter::UserFileWriter(const QString &path, const Options &options)
    : m_path(path)
    , m_options(options)
{
}

UserFileWriter::~UserFileWriter()
{
    if (m_file)
        m_file->cancelWriting();
}

bool UserFileWriter::fail(FileWriteError::Code code, const QString &message, const QString &reason)
{
    m_error = FileWriteError::make(code, m_path, message, reason);
    if (m_file) {
        m_file->cancelWriting();
        m_file.reset();
    }
    return false;
}

bool UserFileWriter::failWriting(const QString &reason)
{
    return fail(FileWriteError::Code::CannotWrite,
        QStringLiteral("cannot write %1: %2; the file was not changed").arg(m_path, reason),
        reason);
}

// The backup is written like any file: the previous one stays until the new
// one is whole, and a failure says why.
bool UserFileWriter::keepBackup()
{
    const QString backup = backupPath(m_path);
    QFile source(m_path);
    Options options;
    options.permissions = Permissions::AlwaysPrivate; // until it has the source's mode
    options.migrationsFolders = m_options.migrationsFolders;
    UserFileWriter writer(backup, options);
    QString reason;
    if (!source.open(QIODevice::ReadOnly))
        reason = source.errorString();
    else if (writer.open()) {
        while (!source.atEnd() && writer.error().isNull()) {
            const QByteArray chunk = source.read(1 << 20);
            if (chunk.isEmpty() && source.error() != QFileDevice::NoError)
                break;
            writer.write(chunk);
        }
        if (source.error() != QFileDevice::NoError)
            reason = source.errorString();
        else if (writer.error().isNull())
            writer.commit();
    }
    if (reason.isEmpty() && !writer.error().isNull())
        reason = writer.error().reason.isEmpty() ? writer.error().message : writer.error().reason;
    if (!reason.isEmpty()) {
        return fail(FileWriteError::Code::CannotKeepBackup,
            QStringLiteral("cannot keep the previous version as %1: %2; %3 was not changed")
                .arg(backup, reason, m_path),
            reason);
    }
    QFile::setPermissions(backup, QFile::permissions(m_path));
    return true;
}

bool UserFileWriter::open()
{
    if (ReleasedMigrations::containsAny(m_path, m_options.migrationsFolders)) {
        return fail(FileWriteError::Code::ReleasedMigration,
            QStringLiteral("%1 is a released migration (inside a folder whose name ends in "
                           "\"released\"): Tusk never changes it")
                .arg(m_path));
    }
    const QFileInfo info(m_path);
    if (m_options.createFolder) {
        std::error_code made;
        std::filesystem::create_directories(
            QFile::encodeName(info.absolutePath()).toStdString(), made);
        if (made) {
            const QString reason = QString::fromStdString(made.message());
            return fail(FileWriteError::Code::CannotCreateFolder,
                QStringLiteral("cannot create the folder %1: %2").arg(info.absolutePath(), reason),
                reason);
        }
    }
    const bool existed = info.exists();
    m_file = std::make_unique<QSaveFile>(m_path);
    if (!m_file->open(QIODevice::WriteOnly))
        return failWriting(obstacle(m_path, m_file->errorString()));
    // Only a file that can be replaced gets a backup: a failed write never
    // costs the previous backup.
    if (existed && m_options.keepBackup && !keepBackup())
        return false;
    // QSaveFile gives the temporary file the old file's mode; a private
    // file is made private before a single byte lands in it.
    if (m_options.permissions == Permissions::AlwaysPrivate)
        m_file->setPermissions(privateMode);
    else if (!existed)
        m_file->setPermissions(
            m_options.permissions == Permissions::PrivateWhenNew ? privateMode : sharedMode);
    return true;
}

bool UserFileWriter::write(const QByteArray &bytes)
{
    if (!m_file)
        return false;
    // A full disk first shows as a short write, which carries no reason
    // ("Unknown error"): writing the rest fails with the system's words.
    qint64 done = 0;
    while (done < bytes.size()) {
        const qint64 written = m_file->write(bytes.constData() + done, bytes.size() - done);
        if (written <= 0)
            return failWriting(m_file->errorString());
        done += written;
    }
    return true;
}

bool UserFileWriter::flush()
{
    if (!m_file)
        return false;
    // QSaveFile (Qt 6.4) renames even when flushing its last buffer failed,
    // which on a full disk replaced the file with an empty one; and a sync
    // that fails (a disk that filled meanwhile, NFS) must not be renamed in.
    if (!m_file->flush())
        return failWriting(m_file->errorString());
    if (::fsync(m_file->handle()) != 0 && errno != EINVAL)
        return failWriting(systemWords(errno));
    return true;
}

bool UserFileWriter::commit()
{
    if (!flush())
        return false;
    if (!m_file->commit())
        return failWriting(obstacle(m_path, m_file->errorString()));
    m_file.reset();
    return true;
}

FileWriteError UserFileWriter::writeFile(
    const QString &path, const QByteArray &content, const Options &options)
{
    UserFileWriter writer(path, options);
    if (writer.open() && writer.write(content))
        writer.commit();
    return writer.error();
}

} // namespace tusk::core
