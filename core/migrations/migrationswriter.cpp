#include "migrationswriter.h"

#include "changedescriber.h"
#include "changelog.h"
#include "migrationstatements.h"
#include "pendingcompaction.h"
#include "pendingsplit.h"

#include "core/files/userfilewriter.h"
#include "core/sql/parsedscript.h"
#include "core/sql/scriptlexer.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMutex>
#include <QSet>

#include <cerrno>
#include <filesystem>
#include <system_error>

namespace tusk::core {

namespace {
QByteArray readAll(const QString &path, bool *ok, QString *why = nullptr)
{
    QFile file(path);
    *ok = file.open(QIODevice::ReadOnly);
    // Qt says "file to open is a directory"; the system's words match the
    // other failures' ("Is a directory").
    if (!*ok && why)
        *why = QFileInfo(path).isDir()
            ? QString::fromStdString(std::generic_category().message(EISDIR))
            : file.errorString();
    return *ok ? file.readAll() : QByteArray();
}

// A file that exists but cannot be read is never taken for an empty one:
// writing over it would lose what it holds.
bool unreadable(const QString &path, bool readOk)
{
    return !readOk && QFileInfo::exists(path);
}

// Reads CHANGELOG.md into `log` (`exists` false when there is none yet);
// returns why it cannot be edited, or empty: unreadable, or not UTF-8
// (Tusk's UTF-8 lines would turn the file into two encodings at once).
QString readChangelog(const QString &path, Changelog *log, bool *exists)
{
    QString why;
    *log = Changelog(readAll(path, exists, &why));
    if (unreadable(path, *exists))
        return QStringLiteral("CHANGELOG.md cannot be read (%1)").arg(why);
    if (const int line = log->firstNonUtf8Line())
        return QStringLiteral("CHANGELOG.md is not UTF-8 (line %1; save it as UTF-8 and try "
                              "again)")
            .arg(line);
    return {};
}

UserFileWriter::Options protecting(const QString &folder)
{
    UserFileWriter::Options options;
    options.migrationsFolders = {folder};
    return options;
}

QStringList describedOnce(const QByteArray &sql)
{
    QStringList out;
    for (const QString &change : ChangeDescriber::describe(ParsedScript(sql))) {
        if (!out.contains(change))
            out << change;
    }
    return out;
}
} // namespace

// One write to a migrations folder at a time in this process: the Rollout
// page and the SQL tool both write from the BackgroundPool, and a CHANGELOG
// read-modify-write or a release must not interleave with another.
QMutex &MigrationsWriter::folderLock()
{
    static QMutex mutex;
    return mutex;
}

MigrationsWriter::MigrationsWriter(QString folder)
    : m_folder(QFileInfo(folder).absoluteFilePath())
{
}

MigrationsWriter::Outcome MigrationsWriter::blocked(const MigrationsFolder &folder) const
{
    Outcome o;
    if (!folder.problems().isEmpty())
        o.message = folder.problems().first().message + QStringLiteral(": nothing was written");
    return o;
}

MigrationsWriter::Outcome MigrationsWriter::create() const
{
    const QMutexLocker lock(&folderLock());
    Outcome o;
    o.file = m_folder;
    if (QFileInfo::exists(m_folder)) {
        o.message = QStringLiteral("%1 exists already").arg(m_folder);
        return o;
    }
    UserFileWriter::Options options = protecting(m_folder);
    options.createFolder = true;
    const FileWriteError written = UserFileWriter::writeFile(
        QDir(m_folder).filePath(QStringLiteral("CHANGELOG.md")), "# Changelog\n", options);
    if (!written.isNull()) {
        o.message = written.message;
        return o;
    }
    o.ok = true;
    o.message = QStringLiteral("created %1 with an empty CHANGELOG.md").arg(m_folder);
    return o;
}

MigrationsWriter::Outcome MigrationsWriter::add(const QByteArray &sql, const QDate &date) const
{
    const QMutexLocker lock(&folderLock());
    const MigrationsFolder folder = MigrationsFolder::read(m_folder);
    if (!folder.problems().isEmpty())
        return blocked(folder);
    Outcome o;
    o.file = folder.latestPendingPath();
    bool exists = false;
    QString why;
    QByteArray text = readAll(o.file, &exists, &why);
    if (unreadable(o.file, exists)) {
        o.message = QStringLiteral("cannot read %1 (%2): nothing was written").arg(o.file, why);
        return o;
    }
    const QByteArray before = text;
    if (!text.isEmpty() && !text.endsWith('\n'))
        text += '\n';
    QByteArray added = sql.trimmed();
    if (added.isEmpty()) {
        o.message = QStringLiteral("no statements to add");
        return o;
    }
    added = MigrationStatements::closed(added);
    // The CHANGELOG follows every change of a pending file: one that cannot
    // be edited stops the change before anything is written.
    bool hasLog = false;
    Changelog log;
    if (const QString trouble = readChangelog(folder.changelogPath(), &log, &hasLog);
        !trouble.isEmpty()) {
        o.message = trouble + QStringLiteral(": nothing was written");
        return o;
    }
    text += (text.isEmpty() ? QByteArray() : QByteArray("\n")) + added + '\n';
    const QStringList entries = describedOnce(added);
    log.addEntries(date, QFileInfo(o.file).fileName(), entries);
    // Both files are on disk before either replaces its original, so a full
    // disk or a read-only CHANGELOG.md leaves the pair as it was.
    UserFileWriter pendingFile(o.file, protecting(m_folder));
    UserFileWriter changelogFile(folder.changelogPath(), protecting(m_folder));
    const QString untouched =
        QStringLiteral(" (%1 was not changed either)").arg(QFileInfo(o.file).fileName());
    if (!(pendingFile.open() && pendingFile.write(text) && pendingFile.flush())) {
        o.message = pendingFile.error().message;
        return o;
    }
    if (!(changelogFile.open() && changelogFile.write(log.text()) && changelogFile.flush())) {
        o.message = changelogFile.error().message + untouched;
        return o;
    }
    if (!pendingFile.commit()) {
        o.message = pendingFile.error().message;
        return o;
    }
    if (!changelogFile.commit()) {
        // Only a rename can fail here: the pending file goes back as it was.
        const bool undone = exists
            ? UserFileWriter::writeFile(o.file, before, protecting(m_folder)).isNull()
            : QFile::remove(o.file);
        o.message = changelogFile.error().message
            + (undone ? untouched
                      : QStringLiteral("; %1 holds the new statements without their entries")
                            .arg(QFileInfo(o.file).fileName()));
        return o;
    }
    o.changelogEntries = entries;
    o.ok = true;
    o.message =
        QStringLiteral("added to %1 (%2 CHANGELOG entr%3)")
            .arg(QFileInfo(o.file).fileName())
            .arg(o.changelogEntries.size())
            .arg(o.changelogEntries.size() == 1 ? QStringLiteral("y") : QStringLiteral("ies"));
    return o;
}

// Per pending file (in order), the described changes `log` has no entry
// for yet; false with `error` when a pending file cannot be read.
bool MigrationsWriter::missingByFile(const MigrationsFolder &folder, const Changelog &log,
    QList<QPair<QString, QStringList>> *out, QString *error)
{
    QSet<QString> present;
    for (const Changelog::Entry &e : log.entries()) {
        if (!e.file.isEmpty())
            present.insert(e.file + QLatin1Char('\n') + e.text);
    }
    for (const MigrationsFolder::PendingFile &p : folder.pending()) {
        bool ok = false;
        const QByteArray sql = readAll(p.path, &ok);
        if (!ok) {
            *error = QStringLiteral("cannot read %1").arg(p.name);
            return false;
        }
        QStringList missing;
        for (const QString &change : describedOnce(sql)) {
            if (!present.contains(p.name + QLatin1Char('\n') + change))
                missing << change;
        }
        *out << qMakePair(p.name, missing);
    }
    return true;
}

QStringList MigrationsWriter::missingChangelogEntries(QString *error) const
{
    const MigrationsFolder folder = MigrationsFolder::read(m_folder);
    bool hasLog = false;
    const Changelog log(readAll(folder.changelogPath(), &hasLog));
    QList<QPair<QString, QStringList>> missing;
    QString problem;
    missingByFile(folder, log, &missing, &problem);
    if (error && !problem.isEmpty())
        *error = problem;
    QStringList out;
    for (const auto &[file, changes] : missing) {
        for (const QString &change : changes)
            out << file + QStringLiteral(": ") + change;
    }
    return out;
}

MigrationsWriter::Outcome MigrationsWriter::replaceEntries(
    const QDate &date, const QString &key, const QStringList &entries) const
{
    const QMutexLocker lock(&folderLock());
    const MigrationsFolder folder = MigrationsFolder::read(m_folder);
    if (!folder.exists())
        return blocked(folder);
    bool hasLog = false;
    Changelog log;
    Outcome o;
    if (const QString trouble = readChangelog(folder.changelogPath(), &log, &hasLog);
        !trouble.isEmpty()) {
        o.message = trouble + QStringLiteral(": nothing was written");
        return o;
    }
    log.removeEntriesFor({key});
    log.addEntries(date, key, entries);
    const FileWriteError written =
        UserFileWriter::writeFile(folder.changelogPath(), log.text(), protecting(m_folder));
    if (!written.isNull()) {
        o.message = written.message;
        return o;
    }
    o.ok = true;
    o.file = folder.changelogPath();
    o.changelogEntries = entries;
    o.message = QStringLiteral("CHANGELOG.md: %1").arg(entries.join(QStringLiteral("; ")));
    return o;
}

MigrationsWriter::Outcome MigrationsWriter::updateChangelog(const QDate &date) const
{
    const QMutexLocker lock(&folderLock());
    const MigrationsFolder folder = MigrationsFolder::read(m_folder);
    if (!folder.exists())
        return blocked(folder);
    bool hasLog = false;
    Changelog log;
    if (const QString trouble = readChangelog(folder.changelogPath(), &log, &hasLog);
        !trouble.isEmpty()) {
        Outcome o;
        o.message = trouble + QStringLiteral(": nothing was written");
        return o;
    }
    Outcome o;
    QList<QPair<QString, QStringList>> missing;
    if (!missingByFile(folder, log, &missing, &o.message))
        return o;
    for (const auto &[file, changes] : missing) {
        log.addEntries(date, file, changes);
        for (const QString &change : changes)
            o.changelogEntries << file + QStringLiteral(": ") + change;
    }
    o.ok = true;
    if (o.changelogEntries.isEmpty()) {
        o.message = QStringLiteral("CHANGELOG.md already describes every pending change");
        return o;
    }
    const FileWriteError written =
        UserFileWriter::writeFile(folder.changelogPath(), log.text(), protecting(m_folder));
    if (!written.isNull()) {
        o.ok = false;
        o.message = written.message;
        return o;
    }
    o.file = folder.changelogPath();
    o.message =
        QStringLiteral("%1 entr%2 added to CHANGELOG.md")
            .arg(o.changelogEntries.size())
            .arg(o.changelogEntries.size() == 1 ? QStringLiteral("y") : QStringLiteral("ies"));
    return o;
}

QString MigrationsWriter::releasedFolderName(const QDate &date) const
{
    return date.toString(Qt::ISODate) + QStringLiteral("_released");
}

MigrationsWriter::Outcome MigrationsWriter::planRelease(const QDate &date) const
{
    const MigrationsFolder folder = MigrationsFolder::read(m_folder);
    if (!folder.problems().isEmpty())
        return blocked(folder);
    Outcome o;
    o.file = QDir(m_folder).filePath(releasedFolderName(date));
    if (folder.pending().isEmpty()) {
        o.message = QStringLiteral("no pending files to release");
        return o;
    }
    if (QFileInfo::exists(o.file)) {
        o.message = QStringLiteral("%1 exists already and released history is never "
                                   "written: nothing was released (give another date)")
                        .arg(releasedFolderName(date));
        return o;
    }
    QStringList names;
    for (const MigrationsFolder::PendingFile &p : folder.pending())
        names << p.name;
    o.ok = true;
    o.message = QStringLiteral("release %1 into %2/ and remove their CHANGELOG entries")
                    .arg(names.join(QStringLiteral(", ")), releasedFolderName(date));
    return o;
}

MigrationsWriter::Outcome MigrationsWriter::release(const QDate &date) const
{
    const QMutexLocker lock(&folderLock());
    Outcome o = planRelease(date);
    if (!o.ok)
        return o;
    o.ok = false;
    const MigrationsFolder folder = MigrationsFolder::read(m_folder);
    const QString target = o.file;
    // Stage a copy beside the target (a name that is not "released"), then
    // rename it into place: either the whole folder appears or none.
    const QString staging = target + QStringLiteral(".staging");
    // One left by an interrupted release may hold the only copy of what it
    // staged, and may be a link elsewhere: never cleared unasked.
    if (QFileInfo(staging).exists() || QFileInfo(staging).isSymLink()) {
        o.message = QStringLiteral("%1 is left from an interrupted release: look at it, remove "
                                   "it, and release again; nothing was released")
                        .arg(QFileInfo(staging).fileName());
        return o;
    }
    std::error_code made;
    std::filesystem::create_directories(QFile::encodeName(staging).toStdString(), made);
    if (made) {
        o.message = QStringLiteral("cannot create %1: %2; nothing was released")
                        .arg(staging, QString::fromStdString(made.message()));
        return o;
    }
    QStringList names;
    for (const MigrationsFolder::PendingFile &p : folder.pending()) {
        QFile pending(p.path);
        if (!pending.copy(QDir(staging).filePath(p.name))) {
            QDir(staging).removeRecursively();
            o.message = QStringLiteral("cannot copy %1 into %2 (%3): nothing was released")
                            .arg(p.name, staging, pending.errorString());
            return o;
        }
        names << p.name;
    }
    bool hasLog = false;
    Changelog log;
    if (const QString trouble = readChangelog(folder.changelogPath(), &log, &hasLog);
        !trouble.isEmpty()) {
        QDir(staging).removeRecursively();
        o.message = trouble + QStringLiteral(": nothing was released");
        return o;
    }
    const int removed = log.removeEntriesFor(names);
    // The new CHANGELOG.md is on disk before the folder appears, and put in
    // place right after: a full disk or a CHANGELOG.md that cannot be
    // replaced stops the release with nothing changed.
    UserFileWriter changelogFile(folder.changelogPath(), protecting(m_folder));
    const bool logChanges = hasLog && removed > 0;
    if (logChanges
        && !(changelogFile.open() && changelogFile.write(log.text()) && changelogFile.flush())) {
        QDir(staging).removeRecursively();
        o.message = changelogFile.error().message + QStringLiteral("; nothing was released");
        return o;
    }
    // The one place a released folder comes to be: a new name, checked
    // absent above, never an existing one.
    std::error_code moved;
    if (!QFileInfo::exists(target))
        std::filesystem::rename(QFile::encodeName(staging).toStdString(),
            QFile::encodeName(target).toStdString(), moved);
    if (QFileInfo::exists(staging)) {
        QDir(staging).removeRecursively();
        o.message = QStringLiteral("cannot create %1: %2; nothing was released")
                        .arg(target,
                            moved ? QString::fromStdString(moved.message())
                                  : QStringLiteral("it exists already"));
        return o;
    }
    if (logChanges && !changelogFile.commit()) {
        // The folder just made goes again, so the pending files stay pending.
        std::filesystem::rename(QFile::encodeName(target).toStdString(),
            QFile::encodeName(staging).toStdString(), moved);
        if (!moved)
            QDir(staging).removeRecursively();
        o.message = changelogFile.error().message
            + (moved ? QStringLiteral("; %1/ was made but CHANGELOG.md still lists its files")
                           .arg(releasedFolderName(date))
                     : QStringLiteral("; nothing was released"));
        return o;
    }
    // A pending file changed since it was copied (saved meanwhile) is kept,
    // as is one that cannot be removed: said, never lost.
    QStringList kept;
    for (const MigrationsFolder::PendingFile &p : folder.pending()) {
        bool same = false;
        bool copied = false;
        const QByteArray now = readAll(p.path, &same);
        const QByteArray released = readAll(QDir(target).filePath(p.name), &copied);
        if (!same || !copied || now != released || !QFile::remove(p.path))
            kept << p.name;
    }
    o.ok = kept.isEmpty();
    o.message = QStringLiteral("released %1 into %2/; %3 CHANGELOG entr%4 removed")
                    .arg(names.join(QStringLiteral(", ")), releasedFolderName(date))
                    .arg(removed)
                    .arg(removed == 1 ? QStringLiteral("y") : QStringLiteral("ies"));
    if (!kept.isEmpty())
        o.message += QStringLiteral("; %1 still in the folder (changed during the release, or "
                                    "not removable): check them against the released copies")
                         .arg(kept.join(QStringLiteral(", ")));
    return o;
}

PendingRewrite MigrationsWriter::planSplit(
    const QString &fileName, int maxStatements, QString *why) const
{
    return PendingSplit::plan(MigrationsFolder::read(m_folder), fileName, maxStatements, why);
}

PendingRewrite MigrationsWriter::planCompaction(QString *why) const
{
    const MigrationsFolder folder = MigrationsFolder::read(m_folder);
    bool hasLog = false;
    const Changelog log(readAll(folder.changelogPath(), &hasLog));
    return PendingCompaction::plan(folder, log, why);
}

MigrationsWriter::Outcome MigrationsWriter::apply(const PendingRewrite &rewrite) const
{
    const QMutexLocker lock(&folderLock());
    const MigrationsFolder folder = MigrationsFolder::read(m_folder);
    if (!folder.problems().isEmpty())
        return blocked(folder);
    Outcome o;
    if (rewrite.isNull()) {
        o.message = QStringLiteral("nothing to write");
        return o;
    }
    const QDir dir(m_folder);
    for (auto it = rewrite.originals.constBegin(); it != rewrite.originals.constEnd(); ++it) {
        bool ok = false;
        if (readAll(dir.filePath(it.key()), &ok) != it.value() || !ok) {
            o.message = QStringLiteral("%1 changed on disk since the preview: nothing was "
                                       "written (look again)")
                            .arg(it.key());
            return o;
        }
    }
    for (const PendingRewrite::File &f : rewrite.files) {
        if (MigrationsFolder::pendingNumber(f.name) < 0 || f.name.contains(QLatin1Char('/'))
            || (QFileInfo::exists(dir.filePath(f.name)) && !rewrite.originals.contains(f.name))) {
            o.message = QStringLiteral("%1 exists already or is not a pending file's name: "
                                       "nothing was written")
                            .arg(f.name);
            return o;
        }
    }
    bool hasLog = false;
    Changelog log;
    if (const QString trouble = readChangelog(folder.changelogPath(), &log, &hasLog);
        !trouble.isEmpty()) {
        o.message = trouble + QStringLiteral(": nothing was written");
        return o;
    }
    // Stage every new file; a failure here has changed nothing.
    const QString staging = dir.filePath(QStringLiteral(".tusk-rewrite"));
    // One left by an interrupted rewrite may hold the only copy of the files
    // it set aside (and may be a link elsewhere): never cleared unasked.
    if (QFileInfo(staging).exists() || QFileInfo(staging).isSymLink()) {
        o.message = QStringLiteral(".tusk-rewrite is left from an interrupted split or "
                                   "compaction: its replaced/ folder holds the files it set "
                                   "aside; put them back if they are missing, remove it, and try "
                                   "again; nothing was written");
        return o;
    }
    UserFileWriter::Options options = protecting(m_folder);
    options.createFolder = true;
    for (const PendingRewrite::File &f : rewrite.files) {
        const FileWriteError written =
            UserFileWriter::writeFile(QDir(staging).filePath(f.name), f.sql, options);
        if (!written.isNull()) {
            QDir(staging).removeRecursively();
            o.message = written.message + QStringLiteral(": nothing was written");
            return o;
        }
    }
    // Set the replaced files aside, then move the staged ones in; undo on
    // the first failure.
    const QString aside = QDir(staging).filePath(QStringLiteral("replaced"));
    QDir().mkpath(aside);
    QStringList setAside;
    QStringList movedIn;
    // Puts the set-aside files back; when one cannot be, the staging
    // folder stays with it (the only copy) and the message says so.
    QString stuck;
    auto undo = [&]() {
        for (const QString &name : movedIn)
            QFile::remove(dir.filePath(name));
        bool restored = true;
        for (const QString &name : setAside)
            restored &= QFile::rename(QDir(aside).filePath(name), dir.filePath(name));
        if (restored)
            QDir(staging).removeRecursively();
        else
            stuck = QStringLiteral(" (some files could not be put back: they are in "
                                   ".tusk-rewrite/replaced/)");
    };
    for (auto it = rewrite.originals.constBegin(); it != rewrite.originals.constEnd(); ++it) {
        if (!QFile::rename(dir.filePath(it.key()), QDir(aside).filePath(it.key()))) {
            undo();
            o.message =
                QStringLiteral("cannot move %1: nothing was changed%2").arg(it.key(), stuck);
            return o;
        }
        setAside << it.key();
    }
    for (const PendingRewrite::File &f : rewrite.files) {
        if (!QFile::rename(QDir(staging).filePath(f.name), dir.filePath(f.name))) {
            undo();
            o.message = QStringLiteral("cannot write %1: nothing was changed%2").arg(f.name, stuck);
            return o;
        }
        movedIn << f.name;
    }
    if (hasLog) {
        log.reassignEntries([&rewrite](const QString &file, const QString &text) {
            return rewrite.changelogFile(file, text);
        });
        const FileWriteError written =
            UserFileWriter::writeFile(folder.changelogPath(), log.text(), protecting(m_folder));
        if (!written.isNull()) {
            undo();
            o.message = QStringLiteral("CHANGELOG.md could not be written (%1): nothing was "
                                       "changed%2")
                            .arg(written.message, stuck);
            return o;
        }
    }
    QDir(staging).removeRecursively();
    o.ok = true;
    o.file = dir.filePath(rewrite.files.first().name);
    o.message = rewrite.title;
    return o;
}

} // namespace tusk::core
