#include "foldertree.h"

#include "core/migrations/migrationsfolder.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QStringList>

#include <algorithm>

namespace tusk::test {

QByteArray FolderTree::read(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray("<unreadable>");
}

void FolderTree::copy(const QString &from, const QString &to, const QDateTime &mtime)
{
    QDirIterator it(from, QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot | QDir::Hidden,
        QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        const QString target = to + QLatin1Char('/') + QDir(from).relativeFilePath(path);
        if (it.fileInfo().isDir()) {
            QDir().mkpath(target);
            continue;
        }
        QDir().mkpath(QFileInfo(target).absolutePath());
        QFile::copy(path, target);
        QFile copied(target);
        copied.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup);
        copied.open(QIODevice::ReadWrite);
        copied.setFileTime(mtime, QFileDevice::FileModificationTime);
    }
}

QMap<QString, QString> FolderTree::releasedState(const QString &folder)
{
    QMap<QString, QString> out;
    QDirIterator it(folder, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        const QString relative = QDir(folder).relativeFilePath(path);
        const QStringList parts = relative.split(QLatin1Char('/'));
        if (std::none_of(parts.begin(), parts.end(), core::MigrationsFolder::isReleasedName))
            continue;
        out.insert(relative,
            QStringLiteral("%1 %2 %3")
                .arg(QString::fromLatin1(read(path).toHex()))
                .arg(int(it.fileInfo().permissions()))
                .arg(it.fileInfo().lastModified().toMSecsSinceEpoch()));
    }
    return out;
}

QByteArray FolderTree::dump(const QString &folder)
{
    QStringList paths;
    QDirIterator it(folder, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext())
        paths << QDir(folder).relativeFilePath(it.next());
    paths.sort();
    QByteArray out;
    for (const QString &p : paths) {
        out += "=== " + p.toUtf8() + '\n';
        QByteArray text = read(QDir(folder).filePath(p));
        if (!text.endsWith('\n'))
            text += "\n<no newline at end>\n";
        out += text;
    }
    return out;
}

} // namespace tusk::test
