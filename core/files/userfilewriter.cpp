#include "userfilewriter.h"

#include "releasedmigrations.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

namespace tusk::core {

namespace {
constexpr QFileDevice::Permissions privateMode = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
constexpr QFileDevice::Permissions sharedMode =
    privateMode | QFileDevice::ReadGroup | QFileDevice::ReadOther;
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

bool UserFileWriter::fail(FileWriteError::Code code, const QString &message)
{
    m_error = FileWriteError::make(code, m_path, message);
    if (m_file) {
        m_file->cancelWriting();
        m_file.reset();
    }
    return false;
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
    if (m_options.createFolder && !QDir().mkpath(info.absolutePath())) {
        return fail(FileWriteError::Code::CannotCreateFolder,
            QStringLiteral("cannot create the folder %1").arg(info.absolutePath()));
    }
    const bool existed = info.exists();
    if (existed && m_options.keepBackup) {
        const QString backup = backupPath(m_path);
        QFile::remove(backup);
        if (!QFile::copy(m_path, backup)) {
            return fail(FileWriteError::Code::CannotKeepBackup,
                QStringLiteral("cannot keep the previous version as %1; %2 was not changed")
                    .arg(backup, m_path));
        }
        QFile::setPermissions(backup, QFile::permissions(m_path));
    }
    m_file = std::make_unique<QSaveFile>(m_path);
    if (!m_file->open(QIODevice::WriteOnly)) {
        return fail(FileWriteError::Code::CannotWrite,
            QStringLiteral("cannot write %1: %2").arg(m_path, m_file->errorString()));
    }
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
    if (m_file->write(bytes) != bytes.size()) {
        return fail(FileWriteError::Code::CannotWrite,
            QStringLiteral("cannot write %1: %2; the file was not changed")
                .arg(m_path, m_file->errorString()));
    }
    return true;
}

bool UserFileWriter::commit()
{
    if (!m_file)
        return false;
    if (!m_file->commit()) {
        return fail(FileWriteError::Code::CannotWrite,
            QStringLiteral("cannot write %1: %2; the file was not changed")
                .arg(m_path, m_file->errorString()));
    }
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
