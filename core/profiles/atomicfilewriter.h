#pragma once

#include <QByteArray>
#include <QString>

namespace tusk::core {

// Replaces a file in one step (write a temporary file, then rename), so a
// crash or a full disk never leaves half a file. The previous content is
// kept next to it as <file>.bak; a file that did not exist is created with
// mode 0600 (it may hold connection details), an existing one keeps its mode.
class AtomicFileWriter {
public:
    // A .gitignore is shared (0644) and needs no .bak beside it in the repository.
    enum class Kind { PrivateWithBackup, Shared };
    static bool write(const QString &path, const QByteArray &content, QString *error,
        Kind kind = Kind::PrivateWithBackup);
    static QString backupPath(const QString &path) { return path + QStringLiteral(".bak"); }
};

} // namespace tusk::core
