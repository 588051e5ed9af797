#pragma once

// One failed write, staged for real (tests/common/writeobstacle.h): the
// obstacle, the folder as it was, and what the failure must say. Shared by
// the write-failure tests of the core writers, the command line and the
// window.

#include "writeobstacle.h"

#include <QByteArray>
#include <QMap>
#include <QMetaType>
#include <QString>

#include <functional>

namespace tusk::test {

enum class Obstacle {
    ReadOnlyFolder, // a read-only bind mount (mode 0555 without root)
    FullDisk, // a 64 KiB tmpfs, filled up
    Directory, // the file replaced by a directory
    ImmutableFile, // chattr +i: cannot be replaced
};

class WriteFailureCase {
public:
    // `folder` is made anew (a scratch folder named after the case).
    WriteFailureCase(Obstacle obstacle, const QString &name);

    // The files before the write, relative to folder(); `target` is the file
    // the obstacle is aimed at (made a directory, or immutable).
    // `beforeBlocking` runs once the files are there and before the
    // obstacle (a writer that must start while it still can).
    bool stage(const QMap<QString, QByteArray> &files, const QString &target,
        const std::function<bool()> &beforeBlocking = {});
    QString folder() const { return m_folder; }
    QString path(const QString &relative) const;
    // The system's words the message must hold.
    QString reason() const;
    // Every file and folder under folder() with its bytes.
    QMap<QString, QByteArray> snapshot() const;
    QMap<QString, QByteArray> before() const { return m_before; }
    QString error() const { return m_error; }
    // True when `message` names `path` and the reason; else why not in
    // *why.
    bool saysWhatAndWhere(const QString &message, const QString &path, QString *why) const;

    static QString name(Obstacle obstacle);
    // The data rows of a test function tried against every obstacle: a
    // column "obstacle", one row per kind.
    static void addObstacleRows();

private:
    Obstacle m_obstacle;
    QString m_folder;
    QMap<QString, QByteArray> m_before;
    QString m_error;
    WriteObstacle m_guard;
};

} // namespace tusk::test

Q_DECLARE_METATYPE(tusk::test::Obstacle)
