#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QMap>
#include <QString>

namespace tusk::test {

// A folder of files as the golden folder tests see it: copied from a
// reference, dumped whole into one text, and the state of its released
// parts (docs/migrations-folder.md), to show that nothing touched them.
class FolderTree {
public:
    // The file's bytes, or "<unreadable>".
    static QByteArray read(const QString &path);
    // Copies `from` into `to` (hidden files too), every file dated `mtime`
    // and made 0640, so a touched mtime or mode shows.
    static void copy(const QString &from, const QString &to, const QDateTime &mtime);
    // Every file below a released part: its bytes, mode and mtime.
    static QMap<QString, QString> releasedState(const QString &folder);
    // Every file, sorted by path: "=== path" and its text.
    static QByteArray dump(const QString &folder);
};

} // namespace tusk::test
