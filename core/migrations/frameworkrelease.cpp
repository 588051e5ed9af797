#include "frameworkrelease.h"

#include "migrationswriter.h"

#include "appliedevidence.h"
#include "changedescriber.h"
#include "changelog.h"
#include "frameworkreleaselayouts.h"
#include "statementreverse.h"

#include "core/files/userfilewriter.h"
#include "core/lint/outsidetransaction.h"
#include "core/sql/migrationframework.h"
#include "core/sql/parsedscript.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMap>
#include <QMutex>

#include <pg_query/pg_query.pb-c.h>

namespace tusk::core {

using namespace frameworkrelease;

namespace {
const QString kPlain = QStringLiteral("plain SQL");

QStringList describedOnce(const ParsedScript &script)
{
    QStringList out;
    for (const QString &change : ChangeDescriber::describe(script)) {
        if (!out.contains(change))
            out << change;
    }
    return out;
}

// The statement on one line, for the flagged list.
QString oneLine(const QString &statement)
{
    QString line = statement.simplified();
    if (line.size() > 120)
        line = line.left(119) + QChar(0x2026);
    return line;
}

QString downScript(const QList<StatementReverse::Inverse> &inverses, QStringList *flagged)
{
    for (const StatementReverse::Inverse &inverse : inverses) {
        if (!inverse.safe)
            *flagged << QStringLiteral("%1: %2 (%3)")
                            .arg(oneLine(inverse.statement),
                                inverse.isPartial() ? QStringLiteral("partial inverse")
                                                    : QStringLiteral("no safe inverse"),
                                inverse.reason);
    }
    const QString body = StatementReverse::downScript(inverses);
    QString head =
        QStringLiteral("-- Written by Tusk: the inverse of each statement, last first.\n");
    if (flagged->size() == 1)
        head +=
            QStringLiteral("-- One statement has no safe inverse: see the comment on it below.\n");
    else if (flagged->size() > 1)
        head += QStringLiteral("-- %1 statements have no safe inverse: see the comments on them "
                               "below.\n")
                    .arg(flagged->size());
    if (body.isEmpty())
        head += QStringLiteral("-- Nothing to undo.\n");
    return head + (body.isEmpty() ? QString() : QLatin1Char('\n') + body);
}

// The first statement no transaction may wrap, or empty.
QString outsideCommand(const ParsedScript &script)
{
    for (const ParsedStatement &st : script.statements()) {
        if (st.node) {
            const OutsideTransaction::Command c = OutsideTransaction::of(st.node);
            if (!c.isNull())
                return c.name;
        }
    }
    return {};
}

// Reads, parses and describes each pending file; its down script comes
// from the pending SQL up to its end, so it starts from what the earlier
// files left. Empty with `error` when a file cannot be read or its last
// statement runs into the next file.
QList<Unit> units(const MigrationsFolder &folder, const CatalogSnapshot &before,
    const QString &name, QList<FrameworkRelease::FileBytes> *read, QString *error)
{
    QList<Unit> out;
    const StatementReverse reverse(before);
    QByteArray prefix;
    qsizetype statementsBefore = 0;
    for (const MigrationsFolder::PendingFile &p : folder.pending()) {
        QFile file(p.path);
        if (!file.open(QIODevice::ReadOnly)) {
            *error = QStringLiteral("cannot read %1: nothing was written").arg(p.name);
            return {};
        }
        Unit u;
        u.file = p.name;
        u.sql = file.readAll();
        *read << qMakePair(p.path, u.sql);
        if (!u.sql.isEmpty() && !u.sql.endsWith('\n'))
            u.sql += '\n';
        const ParsedScript script(u.sql, 1);
        u.statements = int(script.statements().size());
        u.changes = describedOnce(script);
        u.outside = outsideCommand(script);
        for (const ParsedStatement &st : script.statements())
            u.ownTransaction |=
                st.node && st.node->node_case == PG_QUERY__NODE__NODE_TRANSACTION_STMT;
        // The describer's details come last, in parentheses.
        u.slug = FrameworkRelease::slug(
            name.isEmpty() ? u.changes.value(0).section(QStringLiteral(" ("), 0, 0) : name);
        if (u.slug.isEmpty())
            u.slug = QStringLiteral("release");
        if (!name.isEmpty() && !out.isEmpty())
            u.slug += QStringLiteral("_%1").arg(out.size() + 1);
        prefix += u.sql;
        const QList<StatementReverse::Inverse> all = reverse.reverse(QString::fromUtf8(prefix));
        if (all.size() != statementsBefore + u.statements) {
            *error = QStringLiteral("the last statement of %1 does not end with ';', so it runs "
                                    "into the next file: end it and release again")
                         .arg(out.last().file);
            return {};
        }
        u.down = downScript(all.mid(statementsBefore), &u.flagged);
        const ParsedScript down(u.down.toUtf8(), 1);
        u.downOutside = outsideCommand(down);
        u.downStatements = int(down.statements().size());
        statementsBefore = all.size();
        out << u;
    }
    return out;
}

QByteArray readFile(const QString &path, bool *ok)
{
    QFile file(path);
    *ok = file.open(QIODevice::ReadOnly);
    return *ok ? file.readAll() : QByteArray();
}

// What apply() did so far, to take back on a failure.
class Journal {
public:
    explicit Journal(const QString &folder)
    {
        m_options.migrationsFolders = {folder};
        m_options.createFolder = true;
    }
    const QString &error() const { return m_error; }

    bool create(const QString &path, const QByteArray &bytes)
    {
        QStringList missing; // outermost first
        for (QDir dir = QFileInfo(path).dir(); !dir.exists();
             dir.setPath(QFileInfo(dir.path()).path()))
            missing.prepend(dir.path());
        if (!write(path, bytes))
            return false;
        m_created << path;
        m_madeFolders << missing;
        return true;
    }
    bool replace(const QString &path, const QByteArray &bytes)
    {
        bool ok = false;
        const QByteArray original = readFile(path, &ok);
        if (!write(path, bytes))
            return false;
        m_replaced << qMakePair(path, original);
        return true;
    }
    bool remove(const QString &path)
    {
        bool ok = false;
        const QByteArray original = readFile(path, &ok);
        if (!QFile::remove(path)) {
            m_error = QStringLiteral("it cannot be removed");
            return false;
        }
        m_replaced << qMakePair(path, original);
        return true;
    }
    void undo()
    {
        for (const FrameworkRelease::FileBytes &f : std::as_const(m_replaced))
            UserFileWriter::writeFile(f.first, f.second, m_options);
        for (const QString &path : std::as_const(m_created))
            QFile::remove(path);
        for (auto it = m_madeFolders.crbegin(); it != m_madeFolders.crend(); ++it)
            QDir().rmdir(*it);
    }

private:
    bool write(const QString &path, const QByteArray &bytes)
    {
        const FileWriteError written = UserFileWriter::writeFile(path, bytes, m_options);
        m_error = written.message;
        return written.isNull();
    }

    UserFileWriter::Options m_options;
    QString m_error;
    QStringList m_created;
    QStringList m_madeFolders;
    QList<FrameworkRelease::FileBytes> m_replaced; // with their bytes before
};
} // namespace

QString FrameworkRelease::slug(const QString &text, int maxLength)
{
    QString out;
    for (const QChar c : text.toLower()) {
        if (c.unicode() < 128 && c.isLetterOrNumber())
            out += c;
        else if (!out.isEmpty() && !out.endsWith(QLatin1Char('_')))
            out += QLatin1Char('_');
    }
    if (out.size() > maxLength) {
        out.truncate(maxLength);
        // End at a word rather than inside one, unless that loses too much.
        const qsizetype cut = out.lastIndexOf(QLatin1Char('_'));
        if (cut > maxLength / 2)
            out.truncate(cut);
    }
    while (out.endsWith(QLatin1Char('_')))
        out.chop(1);
    return out;
}

QString FrameworkRelease::frameworkOf(const QString &folder)
{
    const QDir dir(folder);
    // .gmrc or sqitch.plan at or above the folder: what detect() finds for
    // any file in it.
    const QString around =
        MigrationFramework::detect(dir.filePath(QStringLiteral("prerelease.sql")), QString()).name;
    if (around != kPlain)
        return around;
    if (QFileInfo(dir.filePath(QStringLiteral("committed"))).isDir()
        && QFileInfo::exists(dir.filePath(QStringLiteral("current.sql"))))
        return QStringLiteral("graphile-migrate");
    QMap<QString, int> votes;
    const QFileInfoList entries =
        dir.entryInfoList(QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
    for (const QFileInfo &entry : entries) {
        if (MigrationsFolder::isReleasedName(entry.fileName())
            || MigrationsFolder::pendingNumber(entry.fileName()) >= 0)
            continue;
        const QString path = entry.isDir()
            ? QDir(entry.filePath()).filePath(QStringLiteral("migration.sql"))
            : entry.filePath();
        QFile file(path);
        if (!path.endsWith(QLatin1String(".sql"), Qt::CaseInsensitive)
            || !file.open(QIODevice::ReadOnly))
            continue;
        const QString tool =
            MigrationFramework::detect(path, QString::fromUtf8(file.read(4096))).name;
        if (tool != kPlain)
            ++votes[tool];
    }
    QString best = kPlain;
    for (auto it = votes.constBegin(); it != votes.constEnd(); ++it) {
        if (best == kPlain || it.value() > votes.value(best))
            best = it.key();
    }
    return best;
}

FrameworkRelease::Plan FrameworkRelease::plan(const MigrationsFolder &folder,
    const CatalogSnapshot &before, const QDateTime &now, const QString &name)
{
    Plan p;
    if (!folder.problems().isEmpty()) {
        p.message = folder.problems().first().message + QStringLiteral(": nothing was written");
        return p;
    }
    if (folder.pending().isEmpty()) {
        p.message = QStringLiteral("no pending files to release");
        return p;
    }
    p.framework = frameworkOf(folder.path());
    if (p.framework == kPlain) {
        p.message = QStringLiteral("no migration tool recognised in the migrations folder: tusk "
                                   "migrate release moves the pending files into a dated "
                                   "released folder");
        return p;
    }
    // The catalog must be the one before the pending SQL: one that already
    // has its objects is the one after, and would "restore" the new state.
    QByteArray pendingSql;
    for (const MigrationsFolder::PendingFile &f : folder.pending()) {
        QFile file(f.path);
        if (file.open(QIODevice::ReadOnly))
            pendingSql += file.readAll() + '\n';
    }
    CatalogSnapshot usable = before;
    const QStringList applied = AppliedEvidence::find(before, pendingSql);
    if (!applied.isEmpty()) {
        usable = CatalogSnapshot();
        p.notes << QStringLiteral("the catalog given already holds these changes (%1): it is "
                                  "the one after them, so the down scripts were written without "
                                  "it and every inverse that needs the old state is flagged; "
                                  "give the catalog of a database they have not run on")
                       .arg(applied.join(QStringLiteral("; ")));
    }
    QString error;
    const QList<Unit> all = units(folder, usable, name, &p.read, &error);
    if (all.isEmpty()) {
        p.message = error;
        return p;
    }
    int statements = 0;
    for (const Unit &u : all) {
        p.pendingFiles << u.file;
        statements += u.statements;
    }
    if (statements == 0) {
        p.message = QStringLiteral("the pending files hold no statements: nothing to release");
        return p;
    }
    const Layout layout {folder.path(), now.toUTC(), all};
    QStringList &names = p.migrations;
    if (p.framework == QLatin1String("Flyway"))
        names = flyway(layout, p);
    else if (p.framework == QLatin1String("golang-migrate"))
        names = golangMigrate(layout, p);
    else if (p.framework == QLatin1String("dbmate"))
        names = dbmate(layout, p);
    else if (p.framework == QLatin1String("sqitch"))
        names = sqitch(layout, p, &error);
    else if (p.framework == QLatin1String("graphile-migrate"))
        names = graphileMigrate(layout, p);
    else if (p.framework == QLatin1String("Prisma"))
        names = prisma(layout, p);
    if (names.isEmpty()) {
        p.message = error.isEmpty()
            ? QStringLiteral("Tusk cannot release into %1 migrations").arg(p.framework)
            : error;
        return p;
    }
    for (const FileBytes &w : std::as_const(p.writes)) {
        if (QFileInfo::exists(w.first)) {
            p.message = QStringLiteral("%1 exists already and is never overwritten: nothing was "
                                       "written (give the release another name)")
                            .arg(QDir(folder.path()).relativeFilePath(w.first));
            return p;
        }
    }
    p.ok = true;
    p.message = QStringLiteral("release %1 as %2 %3")
                    .arg(p.pendingFiles.join(QStringLiteral(", ")), p.framework,
                        names.join(QStringLiteral(", ")));
    return p;
}

QString FrameworkRelease::Plan::preview(const QString &folder) const
{
    const QDir dir(folder);
    QStringList lines {message};
    for (const FileBytes &w : writes)
        lines << QStringLiteral("write %1 (%2)")
                     .arg(dir.relativeFilePath(w.first),
                         w.second.count('\n') == 1
                             ? QStringLiteral("1 line")
                             : QStringLiteral("%1 lines").arg(w.second.count('\n')));
    for (const FileBytes &a : appends) {
        lines << QStringLiteral("append to %1:").arg(dir.relativeFilePath(a.first));
        for (const QByteArray &line : a.second.split('\n')) {
            if (!line.isEmpty())
                lines << QStringLiteral("  + ") + QString::fromUtf8(line);
        }
    }
    if (!pendingFiles.isEmpty())
        lines << QStringLiteral("remove %1 and their CHANGELOG entries")
                     .arg(pendingFiles.join(QStringLiteral(", ")));
    for (const QString &f : flagged)
        lines << QStringLiteral("flagged: ") + f;
    for (const QString &n : notes)
        lines << QStringLiteral("note: ") + n;
    return lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

FrameworkRelease::Outcome FrameworkRelease::apply(const Plan &plan, const QString &folder)
{
    // One lock with MigrationsWriter: a release never interleaves with an add.
    const QMutexLocker lock(&MigrationsWriter::folderLock());
    Outcome o;
    if (!plan.ok) {
        o.message = plan.message;
        return o;
    }
    const QDir dir(folder);
    for (const FileBytes &f : plan.read) {
        bool ok = false;
        if (readFile(f.first, &ok) != f.second || !ok) {
            o.message = QStringLiteral("%1 changed since the release was planned: nothing was "
                                       "written (look again)")
                            .arg(dir.relativeFilePath(f.first));
            return o;
        }
    }
    for (const FileBytes &w : plan.writes) {
        if (QFileInfo::exists(w.first)) {
            o.message = QStringLiteral("%1 exists already and is never overwritten: nothing was "
                                       "written")
                            .arg(dir.relativeFilePath(w.first));
            return o;
        }
    }
    const MigrationsFolder migrations = MigrationsFolder::read(folder);
    bool hasLog = false;
    Changelog log(readFile(migrations.changelogPath(), &hasLog));
    if (!hasLog && QFileInfo::exists(migrations.changelogPath())) {
        o.message = QStringLiteral("CHANGELOG.md cannot be read: nothing was written");
        return o;
    }
    if (const int line = log.firstNonUtf8Line()) {
        o.message = QStringLiteral("CHANGELOG.md is not UTF-8 (line %1; save it as UTF-8 and try "
                                   "again): nothing was written")
                        .arg(line);
        return o;
    }
    const int removed = log.removeEntriesFor(plan.pendingFiles);

    Journal journal(folder);
    const auto fail = [&](const QString &what) {
        journal.undo();
        o.written.clear();
        o.message =
            QStringLiteral("cannot %1: %2; nothing was released").arg(what, journal.error());
        return o;
    };
    for (const FileBytes &w : plan.writes) {
        if (!journal.create(w.first, w.second))
            return fail(QStringLiteral("write ") + dir.relativeFilePath(w.first));
        o.written << w.first;
    }
    for (const FileBytes &a : plan.appends) {
        bool ok = false;
        if (!journal.replace(a.first, readFile(a.first, &ok) + a.second))
            return fail(QStringLiteral("extend ") + dir.relativeFilePath(a.first));
        o.written << a.first;
    }
    if (hasLog && removed > 0 && !journal.replace(migrations.changelogPath(), log.text()))
        return fail(QStringLiteral("write CHANGELOG.md"));
    for (const MigrationsFolder::PendingFile &p : migrations.pending()) {
        if (plan.pendingFiles.contains(p.name) && !journal.remove(p.path))
            return fail(QStringLiteral("remove ") + p.name);
    }
    o.ok = true;
    o.message = QStringLiteral("released %1 as %2 %3; %4 CHANGELOG entr%5 removed")
                    .arg(plan.pendingFiles.join(QStringLiteral(", ")), plan.framework,
                        plan.migrations.join(QStringLiteral(", ")))
                    .arg(removed)
                    .arg(removed == 1 ? QStringLiteral("y") : QStringLiteral("ies"));
    return o;
}

} // namespace tusk::core
