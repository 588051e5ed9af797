#include "goldenfile.h"

#include "testsupport.h"

#include <QFile>
#include <QList>

namespace tusk::test {

bool GoldenFile::updating()
{
    return qEnvironmentVariableIntValue("TUSK_UPDATE_GOLDEN") == 1;
}

QString GoldenFile::compare(const QString &path, const QByteArray &actual)
{
    if (updating()) {
        if (QFile::exists(path) && readFile(path) == actual)
            return {};
        return writeFile(path, actual) ? QString()
                                       : QStringLiteral("cannot write the reference %1").arg(path);
    }
    if (!QFile::exists(path))
        return QStringLiteral("no reference %1: run with TUSK_UPDATE_GOLDEN=1 to write it, then "
                              "read it before committing")
            .arg(path);
    const QByteArray expected = readFile(path);
    if (expected == actual)
        return {};
    const QList<QByteArray> want = expected.split('\n');
    const QList<QByteArray> got = actual.split('\n');
    qsizetype line = 0;
    while (line < want.size() && line < got.size() && want.at(line) == got.at(line))
        ++line;
    return QStringLiteral("%1:%2 differs (TUSK_UPDATE_GOLDEN=1 rewrites the reference)\n"
                          "  expected: %3\n"
                          "     found: %4")
        .arg(path)
        .arg(line + 1)
        .arg(QString::fromUtf8(want.value(line, "<end of file>")),
            QString::fromUtf8(got.value(line, "<end of file>")));
}

} // namespace tusk::test
