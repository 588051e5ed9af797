#include "migrationsoverview.h"

#include "changelog.h"
#include "frameworkrelease.h"
#include "migrationswriter.h"
#include "pendingcompaction.h"
#include "pendingsplit.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>

namespace tusk::core {

namespace {
// Released files that differ from git's HEAD (edited or deleted by hand);
// new, untracked ones are a release not yet committed, not an edit.
QStringList editedSinceHead(const MigrationsFolder &folder, QString *note)
{
    if (folder.released().isEmpty())
        return {};
    QProcess git;
    git.setWorkingDirectory(folder.path());
    git.start(QStringLiteral("git"),
        QStringList {QStringLiteral("status"), QStringLiteral("--porcelain"),
            QStringLiteral("--untracked-files=no"), QStringLiteral("--")}
            + folder.released());
    if (!git.waitForFinished(30000) || git.exitStatus() != QProcess::NormalExit
        || git.exitCode() != 0) {
        *note = QStringLiteral("not in a git work tree (or git is missing): released files "
                               "were not compared with HEAD");
        return {};
    }
    QStringList out;
    for (const QByteArray &line : git.readAllStandardOutput().split('\n')) {
        if (line.size() > 3)
            out << QStringLiteral("%1 differs from git's HEAD (%2): released history is never "
                                  "edited")
                       .arg(QString::fromUtf8(line.mid(3)),
                           QString::fromLatin1(line.left(2)).trimmed());
    }
    return out;
}
} // namespace

MigrationsOverview MigrationsOverview::read(const QString &path, bool askGit, int maxStatements)
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
            // The whole name, as a word or a path's part: a folder called
            // "released" is not every entry that says "released_at".
            const QRegularExpression named(QStringLiteral("(?<![\\w.-])%1(?![\\w.-])")
                                               .arg(QRegularExpression::escape(released)),
                QRegularExpression::CaseInsensitiveOption);
            if (e.text.contains(named)) {
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
    if (askGit)
        o.editedReleased = editedSinceHead(o.folder, &o.gitNote);
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
    o.framework = FrameworkRelease::frameworkOf(o.folder.path());
    if (o.framework != QLatin1String("plain SQL")) {
        QDirIterator it(o.folder.path(), QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext() && o.toolFiles.size() < 500) {
            const QString relative = dir.relativeFilePath(it.next());
            const QString top = relative.section(QLatin1Char('/'), 0, 0);
            if (relative == QLatin1String("CHANGELOG.md") || top.startsWith(QLatin1Char('.'))
                || MigrationsFolder::isReleasedName(top)
                || (!relative.contains(QLatin1Char('/'))
                    && MigrationsFolder::pendingNumber(relative) >= 0))
                continue;
            o.toolFiles << relative;
        }
        o.toolFiles.sort();
    }
    // What the folder's rules propose (never do unasked): a split, a compaction.
    if (o.folder.problems().isEmpty()) {
        QString why;
        const PendingRewrite split = PendingSplit::plan(o.folder, QString(), maxStatements, &why);
        if (!split.isNull())
            o.suggestions << QStringLiteral("%1: %2").arg(split.title, split.reason);
        const PendingRewrite compaction = PendingCompaction::plan(o.folder, log, &why);
        if (!compaction.isNull())
            o.suggestions << QStringLiteral("%1: %2").arg(compaction.title, compaction.reason);
    }
    return o;
}

QStringList MigrationsOverview::problems() const
{
    QStringList out;
    for (const MigrationsFolder::Problem &p : folder.problems())
        out << p.message;
    out << staleEntries << editedReleased;
    for (const QString &missing : missingEntries)
        out << QStringLiteral("no CHANGELOG entry for %1").arg(missing);
    if (!readError.isEmpty())
        out << readError;
    return out;
}

} // namespace tusk::core
