#include "gitignore.h"

#include "atomicfilewriter.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>

namespace tusk::core {

GitIgnore::State GitIgnore::check(const QString &projectRoot, const QString &path)
{
    const QString git = QStandardPaths::findExecutable(QStringLiteral("git"));
    if (git.isEmpty())
        return State::Unknown;
    QProcess process;
    process.setWorkingDirectory(projectRoot);
    process.start(git,
        {QStringLiteral("check-ignore"), QStringLiteral("-q"), QStringLiteral("--no-index"),
            QDir(projectRoot).relativeFilePath(path)});
    if (!process.waitForFinished(5000))
        return State::Unknown;
    // 0: ignored, 1: not ignored, 128: not a repository or another error.
    switch (process.exitCode()) {
    case 0:
        return State::Ignored;
    case 1:
        return State::NotIgnored;
    default:
        return State::Unknown;
    }
}

bool GitIgnore::add(const QString &projectRoot, const QString &path, QString *error)
{
    const QString file = projectRoot + QStringLiteral("/.gitignore");
    QByteArray content;
    QFile existing(file);
    if (existing.exists()) {
        if (!existing.open(QIODevice::ReadOnly)) {
            *error = QStringLiteral("cannot read %1: %2").arg(file, existing.errorString());
            return false;
        }
        content = existing.readAll();
    }
    if (!content.isEmpty() && !content.endsWith('\n'))
        content += '\n';
    content += "# Tusk / postgres skill connection profiles (may hold connection details)\n/"
        + QDir(projectRoot).relativeFilePath(path).toUtf8() + '\n';
    return AtomicFileWriter::write(file, content, error, AtomicFileWriter::Kind::Shared);
}

} // namespace tusk::core
