#pragma once

// Real obstacles to writing a file, for the tests of what a failed write
// leaves behind: a read-only file system (a read-only bind mount), a full
// one (a small tmpfs, filled up), an immutable file or folder (chattr +i).
// No mock: the kernel refuses, as it would refuse the user. Everything is
// undone when the guard goes, also when a test fails midway.
//
// Root is not stopped by a folder's mode bits, so the obstacles need root
// (mount, chattr), as the tests run in CI. Without root only makeReadOnly()
// works (mode 0555 stops everyone else); the others fail with
// needsRootMessage(), so a test says why instead of skipping in silence.

#include <QFileDevice>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

namespace tusk::test {

class WriteObstacle {
public:
    WriteObstacle() = default;
    ~WriteObstacle() { undo(); }
    WriteObstacle(const WriteObstacle &) = delete;
    WriteObstacle &operator=(const WriteObstacle &) = delete;

    static bool isRoot();
    static QString needsRootMessage();

    // `folder` and its files become read-only: a read-only bind mount of
    // the folder on itself as root, mode 0555 for anyone else.
    bool makeReadOnly(const QString &folder);
    // Mounts an empty tmpfs of `kib` KiB on the existing `folder`.
    bool mountSmallDisk(const QString &folder, int kib = 64);
    // Fills the file system that holds `folder` with one file until no
    // byte is left (the filler's path is returned through `filler`).
    bool fill(const QString &folder, QString *filler = nullptr);
    // chattr +i: a file that cannot be replaced, or a folder nothing can be
    // added to or removed from.
    bool makeImmutable(const QString &path);

    QString error() const { return m_error; }
    // Takes every obstacle away, newest first.
    void undo();

    // Unmounts what an interrupted run left under `root` and clears its
    // immutable flags, so the folder can be removed and made again.
    static void clearLeftovers(const QString &root);

private:
    bool run(const QString &program, const QStringList &arguments);

    QStringList m_mounts;
    QStringList m_immutable;
    QList<QPair<QString, QFileDevice::Permissions>> m_modes;
    QString m_error;
};

} // namespace tusk::test
