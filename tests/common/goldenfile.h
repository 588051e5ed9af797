#pragma once

#include <QByteArray>
#include <QString>

namespace tusk::test {

// A reference file that pins a whole output (lint findings with severity,
// message, span and lock; a command's text). compare() returns an empty
// string when `actual` matches, else a message naming the first line that
// differs. With TUSK_UPDATE_GOLDEN=1 in the environment it writes `actual`
// to the file instead and passes, so a reviewer sees the change as a diff
// of the references in the commit.
class GoldenFile {
public:
    static QString compare(const QString &path, const QByteArray &actual);
    static bool updating();
};

} // namespace tusk::test
