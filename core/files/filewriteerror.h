#pragma once

#include <QString>

namespace tusk::core {

// Why a file was not written, as a value: a code for tests and callers to
// decide on, and one sentence for people. The file on disk is unchanged.
struct FileWriteError {
    enum class Code {
        None,
        ReleasedMigration, // inside a *released part of a migrations folder
        CannotCreateFolder,
        CannotKeepBackup, // <file>.bak could not be made, so nothing was risked
        CannotWrite, // opening, writing or renaming failed (permissions, a full disk)
    };

    Code code = Code::None;
    QString path;
    QString message; // names the path and the reason
    // The system's words for the obstacle ("No space left on device",
    // "Read-only file system", "Is a directory"); empty for a refusal.
    QString reason;

    bool isNull() const { return code == Code::None; }
    static FileWriteError make(
        Code code, const QString &path, const QString &message, const QString &reason = {})
    {
        return {code, path, message, reason};
    }
};

} // namespace tusk::core
