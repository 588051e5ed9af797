#include "gitignore.h"

#include "core/files/userfilewriter.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>

#include <memory>

namespace tusk::core {

QProcess *GitIgnore::checkProcess(const QString &projectRoot, const QString &path, QObject *parent)
{
    const QString git = QStandardPaths::findExecutable(QStringLiteral("git"));
    if (git.isEmpty())
        return nullptr;
    auto *process = new QProcess(parent);
    process->setWorkingDirectory(projectRoot);
    process->setProgram(git);
    process->setArguments({QStringLiteral("check-ignore"), QStringLiteral("-q"),
        QStringLiteral("--no-index"), QDir(projectRoot).relativeFilePath(path)});
    return process;
}

GitIgnore::State GitIgnore::stateOf(const QProcess &finished)
{
    if (finished.exitStatus() != QProcess::NormalExit)
        return State::Unknown;
    // 0: ignored, 1: not ignored, 128: not a repository or another error.
    switch (finished.exitCode()) {
    case 0:
        return State::Ignored;
    case 1:
        return State::NotIgnored;
    default:
        return State::Unknown;
    }
}

GitIgnore::State GitIgnore::check(const QString &projectRoot, const QString &path)
{
    std::unique_ptr<QProcess> process(checkProcess(projectRoot, path, nullptr));
    if (!process)
        return State::Unknown;
    process->start();
    if (!process->waitForFinished(5000))
        return State::Unknown;
    return stateOf(*process);
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
    UserFileWriter::Options options;
    options.createFolder = true;
    const FileWriteError failure = UserFileWriter::writeFile(file, content, options);
    *error = failure.message;
    return failure.isNull();
}

} // namespace tusk::core
