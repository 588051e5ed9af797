#pragma once

#include "filewriteerror.h"

#include <QByteArray>
#include <QStringList>

#include <memory>

class QSaveFile;

namespace tusk::core {

// The one way Tusk writes a file of the user's (profiles, .gitignore, SQL,
// lint fixes, autosave, exports, the sandbox's own files). A file is
// replaced in one step (a temporary file renamed over it), so a crash or a
// full disk never leaves half a file; and a path inside a *released part of
// a migrations folder (ReleasedMigrations) is refused before anything is
// touched, whichever face asked. A failure names the path and the system's
// reason. Any thread; one writer per file.
class UserFileWriter {
public:
    enum class Permissions {
        SharedWhenNew, // a new file gets 0644, an existing one keeps its mode
        PrivateWhenNew, // a new file gets 0600 (it may hold connection details)
        AlwaysPrivate, // 0600 whatever the file had (passwords, ports)
    };
    struct Options {
        Permissions permissions = Permissions::SharedWhenNew;
        bool keepBackup = false; // the previous content as <file>.bak
        bool createFolder = false; // make missing parent folders
        // Folders whose released parts are never written: the workspace's
        // migrations folder, and for the command line the folders it is given.
        QStringList migrationsFolders;
    };

    explicit UserFileWriter(const QString &path, const Options &options);
    UserFileWriter(const UserFileWriter &) = delete;
    UserFileWriter &operator=(const UserFileWriter &) = delete;
    // Without commit() the file stays as it was.
    ~UserFileWriter();

    // Checks the policy, makes the folder and the backup, opens the
    // temporary file. False with error() set.
    bool open();
    bool write(const QByteArray &bytes);
    // Puts every byte on disk (flush and sync) without replacing the file
    // yet: a change of two files flushes both before committing either, so
    // a full disk stops it before anything changed.
    bool flush();
    // Flushes, then renames the temporary file over the target.
    bool commit();
    const FileWriteError &error() const { return m_error; }

    // open, write, commit; a null error on success.
    static FileWriteError writeFile(
        const QString &path, const QByteArray &content, const Options &options);
    static QString backupPath(const QString &path) { return path + QStringLiteral(".bak"); }

private:
    bool fail(FileWriteError::Code code, const QString &message, const QString &reason = {});
    bool failWriting(const QString &reason);
    bool keepBackup();

    QString m_path;
    Options m_options;
    std::unique_ptr<QSaveFile> m_file;
    FileWriteError m_error;
};

} // namespace tusk::core
