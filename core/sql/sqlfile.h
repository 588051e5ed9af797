#pragma once

#include "core/files/filewriteerror.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <QStringList>

namespace tusk::core {

// An SQL file as the editor opens and saves it: UTF-8 checked (a file that
// is not is reported with the offset of its first bad byte, and may be
// read as Latin-1 instead), saved in one step (a temporary file renamed
// over it, so a crash or a full disk never leaves half a file), and
// released migrations refused.
class SqlFile {
public:
    struct Loaded {
        bool ok = false;
        QString text;
        QString error; // why it could not be read
        bool notUtf8 = false; // ok is false; read again with latin1 to open it
        qsizetype badByteAt = -1; // the first byte that is not UTF-8
        bool hadBom = false; // a UTF-8 byte order mark was dropped
        qint64 size = 0;
        QDateTime modified; // as the file system says, to notice changes made elsewhere
    };
    enum class Encoding { Utf8, Latin1 };

    static Loaded read(const QString &path, Encoding encoding = Encoding::Utf8);
    // Writes `text` as UTF-8 in one step through UserFileWriter; a null
    // error when done. A path inside a released part of one of
    // `migrationsFolders` is refused (ReleasedMigrations). The file keeps
    // its mode.
    static FileWriteError write(
        const QString &path, const QString &text, const QStringList &migrationsFolders = {});
    // The first byte offset of `bytes` that is not valid UTF-8, or -1.
    static qsizetype firstInvalidUtf8(const QByteArray &bytes);
};

} // namespace tusk::core
