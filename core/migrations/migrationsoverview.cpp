#include "migrationsoverview.h"

#include "changelog.h"
#include "migrationswriter.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>

namespace tusk::core {

MigrationsOverview MigrationsOverview::read(const QString &path)
{
    MigrationsOverview o;
    o.folder = MigrationsFolder::read(path);
    if (!o.folder.exists())
        return o;
    QFile file(o.folder.changelogPath());
    o.hasChangelog = file.open(QIODevice::ReadOnly);
    if (o.hasChangelog)
        o.changelog = file.readAll();
    const Changelog log(o.changelog);
    for (const Changelog::Entry &e : log.entries()) {
        if (!e.file.isEmpty())
            ++o.entriesPerFile[e.file];
        for (const QString &released : o.folder.released()) {
            if (e.text.contains(released, Qt::CaseInsensitive)) {
                o.staleEntries << QStringLiteral("CHANGELOG.md line %1 still describes the "
                                                 "released %2; released migrations' entries "
                                                 "are removed")
                                      .arg(e.line)
                                      .arg(released);
                break;
            }
        }
    }
    o.missingEntries = MigrationsWriter(path).missingChangelogEntries(&o.readError);
    const QDir dir(o.folder.path());
    for (const QString &released : o.folder.released()) {
        const QString top = dir.filePath(released);
        if (QFileInfo(top).isFile()) {
            o.releasedFiles << released;
            continue;
        }
        QDirIterator it(top, QDir::Files, QDirIterator::Subdirectories);
        QStringList inside;
        while (it.hasNext())
            inside << dir.relativeFilePath(it.next());
        inside.sort();
        o.releasedFiles << inside;
    }
    return o;
}

QStringList MigrationsOverview::problems() const
{
    QStringList out;
    for (const MigrationsFolder::Problem &p : folder.problems())
        out << p.message;
    out << staleEntries;
    for (const QString &missing : missingEntries)
        out << QStringLiteral("no CHANGELOG entry for %1").arg(missing);
    if (!readError.isEmpty())
        out << readError;
    return out;
}

} // namespace tusk::core
