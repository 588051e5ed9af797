#include "writefailurecase.h"

#include "testsupport.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QTest>

namespace tusk::test {

WriteFailureCase::WriteFailureCase(Obstacle obstacle, const QString &name)
    : m_obstacle(obstacle)
{
    // One root per test program: ctest runs them side by side.
    const QString root =
        scratchFolder(QStringLiteral("writefailures-") + QCoreApplication::applicationName());
    WriteObstacle::clearLeftovers(root);
    QDir(root).removeRecursively();
    m_folder = root + QLatin1Char('/') + name;
    QDir().mkpath(m_folder);
}

QString WriteFailureCase::name(Obstacle obstacle)
{
    switch (obstacle) {
    case Obstacle::ReadOnlyFolder:
        return QStringLiteral("read-only folder");
    case Obstacle::FullDisk:
        return QStringLiteral("full disk");
    case Obstacle::Directory:
        return QStringLiteral("a directory in its place");
    case Obstacle::ImmutableFile:
        return QStringLiteral("immutable file");
    }
    return {};
}

QString WriteFailureCase::path(const QString &relative) const
{
    return m_folder + QLatin1Char('/') + relative;
}

QString WriteFailureCase::reason() const
{
    switch (m_obstacle) {
    case Obstacle::ReadOnlyFolder:
        return WriteObstacle::isRoot() ? QStringLiteral("Read-only file system")
                                       : QStringLiteral("Permission denied");
    case Obstacle::FullDisk:
        return QStringLiteral("No space left on device");
    case Obstacle::Directory:
        return QStringLiteral("Is a directory");
    case Obstacle::ImmutableFile:
        return QStringLiteral("Operation not permitted");
    }
    return {};
}

bool WriteFailureCase::stage(const QMap<QString, QByteArray> &files, const QString &target,
    const std::function<bool()> &beforeBlocking)
{
    if (m_obstacle == Obstacle::FullDisk && !m_guard.mountSmallDisk(m_folder)) {
        m_error = m_guard.error();
        return false;
    }
    for (auto it = files.constBegin(); it != files.constEnd(); ++it) {
        if (m_obstacle == Obstacle::Directory && it.key() == target)
            continue;
        if (!writeFile(path(it.key()), it.value())) {
            m_error = QStringLiteral("cannot stage %1").arg(it.key());
            return false;
        }
    }
    if (beforeBlocking && !beforeBlocking()) {
        m_error = QStringLiteral("cannot prepare the writer");
        return false;
    }
    bool ok = true;
    switch (m_obstacle) {
    case Obstacle::ReadOnlyFolder:
        ok = m_guard.makeReadOnly(m_folder);
        break;
    case Obstacle::FullDisk:
        ok = m_guard.fill(m_folder);
        break;
    case Obstacle::Directory:
        ok = writeFile(path(target) + QStringLiteral("/kept.txt"), "a folder's own file\n");
        break;
    case Obstacle::ImmutableFile:
        ok = m_guard.makeImmutable(path(target));
        break;
    }
    if (!ok)
        m_error = m_guard.error().isEmpty() ? QStringLiteral("cannot stage") : m_guard.error();
    m_before = snapshot();
    return ok;
}

QMap<QString, QByteArray> WriteFailureCase::snapshot() const
{
    QMap<QString, QByteArray> files;
    QDirIterator it(m_folder, QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden,
        QDirIterator::Subdirectories);
    const QDir base(m_folder);
    while (it.hasNext()) {
        const QFileInfo info(it.next());
        const QString relative = base.relativeFilePath(info.filePath());
        files.insert(info.isDir() ? relative + QLatin1Char('/') : relative,
            info.isDir() ? QByteArray() : readFile(info.filePath()));
    }
    return files;
}

bool WriteFailureCase::saysWhatAndWhere(
    const QString &message, const QString &path, QString *why) const
{
    qInfo("%s: %s", qPrintable(name(m_obstacle)), qPrintable(message)); // what the user reads
    if (!message.contains(path)) {
        *why = QStringLiteral("the message does not name %1: %2").arg(path, message);
        return false;
    }
    if (!message.contains(reason())) {
        *why = QStringLiteral("the message does not say \"%1\": %2").arg(reason(), message);
        return false;
    }
    return true;
}

void WriteFailureCase::addObstacleRows()
{
    QTest::addColumn<Obstacle>("obstacle");
    for (Obstacle o : {Obstacle::ReadOnlyFolder, Obstacle::FullDisk, Obstacle::Directory,
             Obstacle::ImmutableFile})
        QTest::newRow(qPrintable(name(o))) << o;
}

} // namespace tusk::test
