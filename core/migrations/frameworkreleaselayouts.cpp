// FrameworkRelease: where each migration tool keeps its next migration,
// how it names it, and what it needs beside the SQL.

#include "frameworkreleaselayouts.h"

#include "migrationsfolder.h"

#include "changeverifier.h"

#include "core/sql/parsedscript.h"
#include "core/sql/sqlidentifier.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QTimeZone>

#include <algorithm>

namespace tusk::core::frameworkrelease {

namespace {
using Plan = FrameworkRelease::Plan;

const char *const kStampFormat = "yyyyMMddHHmmss";

QString stamp(const QDateTime &utc)
{
    return utc.toString(QLatin1String(kStampFormat));
}

// `count` 14-digit UTC timestamps, one second apart, from `utc` or, when an
// existing migration is as late (a clock behind), from just after it.
QStringList stampsAfter(const QDateTime &utc, qint64 latest, qsizetype count)
{
    QDateTime from = utc;
    if (stamp(utc).toLongLong() <= latest) {
        from = QDateTime::fromString(QString::number(latest), QLatin1String(kStampFormat));
        from.setTimeZone(QTimeZone::utc());
        from = from.addSecs(1);
    }
    QStringList out;
    for (qsizetype i = 0; i < count; ++i)
        out << (from.isValid() ? stamp(from.addSecs(i)) : QString::number(latest + 1 + i));
    return out;
}

// The highest leading number of the names in `folder` that match `pattern`
// (its first group), and the widest zero-padded one.
qint64 highest(const QString &folder, const QRegularExpression &pattern, QDir::Filters filters,
    int *paddedWidth = nullptr, QStringList *numbers = nullptr)
{
    qint64 out = 0;
    for (const QString &name : QDir(folder).entryList(filters | QDir::NoDotAndDotDot)) {
        const QRegularExpressionMatch m = pattern.match(name);
        if (!m.hasMatch())
            continue;
        const QString number = m.captured(1);
        out = qMax(out, number.toLongLong());
        if (numbers)
            *numbers << number;
        if (paddedWidth && number.size() > 1 && number.startsWith(QLatin1Char('0')))
            *paddedWidth = qMax(*paddedWidth, int(number.size()));
    }
    return out;
}

void addWrite(Plan &plan, const QString &path, const QByteArray &bytes)
{
    plan.writes << qMakePair(path, bytes);
}

// A tool that sends a migration to the server as one query: PostgreSQL
// runs a query of several statements as one transaction.
void oneQueryNote(
    const QString &tool, const QString &file, const QString &outside, int statements, Plan &plan)
{
    if (!outside.isEmpty() && statements > 1)
        plan.notes << QStringLiteral("%1: %2 sends a migration to the server as one query, "
                                     "which PostgreSQL runs as one transaction, so %3 fails "
                                     "beside other statements: split the pending file (tusk "
                                     "migrate split) and release again")
                          .arg(file, tool, outside);
}

// The same for a migration's up and down scripts.
void oneQueryNotes(const QString &tool, const Unit &u, Plan &plan)
{
    oneQueryNote(tool, u.file, u.outside, u.statements, plan);
    oneQueryNote(tool, QStringLiteral("the down script of ") + u.file, u.downOutside,
        u.downStatements, plan);
}

void ownTransactionNote(const QString &tool, const Unit &u, Plan &plan)
{
    if (u.ownTransaction)
        plan.notes << QStringLiteral("%1 holds its own transaction control (BEGIN, COMMIT, …) "
                                     "and %2 runs each migration in a transaction of its own")
                          .arg(u.file, tool);
}

QString noDown(const QString &tool)
{
    return QStringLiteral("%1 keeps no down migrations: no down script written").arg(tool);
}

// sqitch: the folder holding sqitch.plan, at or above the migrations folder.
QString sqitchTop(const QString &folder)
{
    QDir dir(folder);
    for (int depth = 0; depth < 8; ++depth) {
        if (QFileInfo::exists(dir.filePath(QStringLiteral("sqitch.plan"))))
            return dir.absolutePath();
        if (!dir.cdUp())
            break;
    }
    return {};
}

QByteArray sqitchVerify(const QString &head, const Unit &u)
{
    const QList<ChangeVerifier::Check> checks = ChangeVerifier::finalChecksFor(u.sql);
    if (checks.isEmpty())
        return (head
            + QStringLiteral("--\n-- Tusk has no catalog check for what this change does: add a "
                             "query that fails\n-- when the change is not there.\n"))
            .toUtf8();
    QString out = head
        + QStringLiteral("-- Written by Tusk: each query divides by zero, and so fails, when "
                         "what its\n-- comment states does not hold.\n\nBEGIN;\n\n");
    for (const ChangeVerifier::Check &check : checks)
        out += QStringLiteral("-- %1\n%2\n\n")
                   .arg(SqlIdentifier::commentText(check.what), ChangeVerifier::assertion(check));
    return (out + QStringLiteral("ROLLBACK;\n")).toUtf8();
}

// A deploy or revert script: in BEGIN … COMMIT unless a statement may not
// run in one (or the SQL brings its own).
QByteArray sqitchScript(
    const QString &head, const QString &sql, const QString &outside, bool ownTransaction)
{
    if (!outside.isEmpty())
        return (head
            + QStringLiteral("-- No BEGIN … COMMIT: %1 cannot run inside a transaction "
                             "block.\n\n%2")
                  .arg(outside, sql))
            .toUtf8();
    if (ownTransaction)
        return (head + QLatin1Char('\n') + sql).toUtf8();
    return (head + QStringLiteral("\nBEGIN;\n\n%1\nCOMMIT;\n").arg(sql)).toUtf8();
}
} // namespace

QStringList flyway(const Layout &layout, Plan &plan)
{
    // V<version>__<description>.sql; a version's first number is the one
    // that grows (V1_1__ counts as 1). Flyway reads its folders recursively.
    static const QRegularExpression versioned(
        QStringLiteral("^([VU])(\\d+)(?:[._]\\d+)*__.+\\.sql$"),
        QRegularExpression::CaseInsensitiveOption);
    qint64 major = 0;
    int width = 0;
    bool undo = false;
    QString where = layout.folder;
    QDirIterator it(layout.folder, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        it.next();
        const QRegularExpressionMatch m = versioned.match(it.fileName());
        if (!m.hasMatch())
            continue;
        if (m.captured(1).compare(QLatin1String("U"), Qt::CaseInsensitive) == 0) {
            undo = true;
            continue;
        }
        const QString number = m.captured(2);
        if (number.size() > 1 && number.startsWith(QLatin1Char('0')))
            width = qMax(width, int(number.size()));
        // Versions in released history count (Flyway reads them too), but a
        // new file never goes into a released part.
        const QStringList parts = QDir(layout.folder)
                                      .relativeFilePath(it.fileInfo().absolutePath())
                                      .split(QLatin1Char('/'));
        const bool released =
            std::any_of(parts.begin(), parts.end(), MigrationsFolder::isReleasedName);
        if (number.toLongLong() >= major) {
            major = number.toLongLong();
            if (!released)
                where = it.fileInfo().absolutePath(); // beside the latest
        }
    }
    QStringList names;
    for (qsizetype i = 0; i < layout.units.size(); ++i) {
        const Unit &u = layout.units.at(i);
        const QString version =
            QString::number(major + 1 + i).rightJustified(width, QLatin1Char('0'));
        const QString base = QStringLiteral("%1__%2.sql").arg(version, u.slug);
        const QString up = QDir(where).filePath(QLatin1Char('V') + base);
        addWrite(plan, up, u.sql);
        // Flyway 6.1 and later: a script config file beside the script.
        if (!u.outside.isEmpty()) {
            addWrite(plan, up + QStringLiteral(".conf"), "executeInTransaction=false\n");
            plan.notes << QStringLiteral("V%1: %2 cannot run in a transaction, so a .conf file "
                                         "beside it turns Flyway's off; its other statements run "
                                         "without one too")
                              .arg(base, u.outside);
        } else {
            ownTransactionNote(QStringLiteral("Flyway"), u, plan);
        }
        if (undo) {
            const QString down = QDir(where).filePath(QLatin1Char('U') + base);
            addWrite(plan, down, u.down.toUtf8());
            if (!u.downOutside.isEmpty())
                addWrite(plan, down + QStringLiteral(".conf"), "executeInTransaction=false\n");
            plan.flagged << u.flagged;
        }
        names << QLatin1Char('V') + base;
    }
    if (!undo)
        plan.notes << QStringLiteral("Flyway runs undo scripts only from U<version>__ files "
                                     "(Flyway Teams) and the folder has none: no down script "
                                     "written");
    return names;
}

QStringList golangMigrate(const Layout &layout, Plan &plan)
{
    static const QRegularExpression migration(QStringLiteral("^(\\d+)_.*\\.(?:up|down)\\.sql$"));
    int width = 0;
    QStringList numbers;
    const qint64 latest = highest(layout.folder, migration, QDir::Files, &width, &numbers);
    const auto allOf = [&numbers](int digits) {
        return std::all_of(numbers.cbegin(), numbers.cend(),
            [digits](const QString &n) { return n.size() == digits; });
    };
    // Numbered the way the folder is: 14-digit timestamps (migrate create's
    // default), Unix seconds (-format unix), or a sequence (-seq), padded as
    // its files are; a timestamp in a folder without any.
    QStringList versions;
    const qsizetype count = layout.units.size();
    if (numbers.isEmpty() || allOf(14)) {
        versions = stampsAfter(layout.utc, latest, count);
    } else if (allOf(10) && latest > 1000000000) {
        const qint64 from = qMax(layout.utc.toSecsSinceEpoch(), latest + 1);
        for (qsizetype i = 0; i < count; ++i)
            versions << QString::number(from + i);
    } else {
        for (qsizetype i = 0; i < count; ++i)
            versions << QString::number(latest + 1 + i).rightJustified(width, QLatin1Char('0'));
    }
    QStringList names;
    for (qsizetype i = 0; i < count; ++i) {
        const Unit &u = layout.units.at(i);
        const QString base =
            QDir(layout.folder).filePath(versions.at(i) + QLatin1Char('_') + u.slug);
        addWrite(plan, base + QStringLiteral(".up.sql"), u.sql);
        addWrite(plan, base + QStringLiteral(".down.sql"), u.down.toUtf8());
        plan.flagged << u.flagged;
        oneQueryNotes(QStringLiteral("golang-migrate"), u, plan);
        names << QFileInfo(base).fileName() + QStringLiteral(".up.sql");
    }
    return names;
}

QStringList dbmate(const Layout &layout, Plan &plan)
{
    static const QRegularExpression migration(QStringLiteral("^(\\d+).*\\.sql$"));
    const qint64 latest = highest(layout.folder, migration, QDir::Files);
    const QStringList versions = stampsAfter(layout.utc, latest, layout.units.size());
    QStringList names;
    for (qsizetype i = 0; i < layout.units.size(); ++i) {
        const Unit &u = layout.units.at(i);
        const QString name = QStringLiteral("%1_%2.sql").arg(versions.at(i), u.slug);
        const QString noTransaction = QStringLiteral(" transaction:false");
        const QString text =
            QStringLiteral("-- migrate:up%1\n%2\n-- migrate:down%3\n%4")
                .arg(u.outside.isEmpty() ? QString() : noTransaction, QString::fromUtf8(u.sql),
                    u.downOutside.isEmpty() ? QString() : noTransaction, u.down);
        addWrite(plan, QDir(layout.folder).filePath(name), text.toUtf8());
        plan.flagged << u.flagged;
        oneQueryNotes(QStringLiteral("dbmate"), u, plan);
        if (u.outside.isEmpty())
            ownTransactionNote(QStringLiteral("dbmate"), u, plan);
        names << name;
    }
    return names;
}

QStringList sqitch(const Layout &layout, Plan &plan, QString *error)
{
    const QString top = sqitchTop(layout.folder);
    const QString planPath = QDir(top).filePath(QStringLiteral("sqitch.plan"));
    QFile file(planPath);
    if (top.isEmpty() || !file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read sqitch.plan: nothing was written");
        return {};
    }
    const QByteArray planText = file.readAll();
    plan.read << qMakePair(planPath, planText);
    // Pragmas (%project=…), then changes and tags: "name [deps] 2024-01-02T03:04:05Z
    // Planner Name <email> # note".
    static const QRegularExpression entry(QStringLiteral(
        "^(\\S+).*?\\s(\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ)\\s+([^#]*?)\\s*(?:#.*)?$"));
    QString project;
    QString planner;
    QStringList taken;
    for (const QByteArray &raw : planText.split('\n')) {
        const QString line = QString::fromUtf8(raw).trimmed();
        if (line.startsWith(QLatin1String("%project=")))
            project = line.mid(9).trimmed();
        const QRegularExpressionMatch m = entry.match(line);
        if (line.startsWith(QLatin1Char('%')) || line.startsWith(QLatin1Char('#')) || !m.hasMatch())
            continue;
        if (!line.startsWith(QLatin1Char('@')))
            taken << m.captured(1);
        planner = m.captured(3);
    }
    if (planner.isEmpty()) {
        planner = QStringLiteral("Tusk <tusk@localhost>");
        plan.notes << QStringLiteral("sqitch.plan names no planner yet: \"%1\" stands in; put "
                                     "yours in its place")
                          .arg(planner);
    }
    const QDir dir(top);
    QByteArray lines;
    if (!planText.isEmpty() && !planText.endsWith('\n'))
        lines += '\n';
    QStringList names;
    for (const Unit &u : layout.units) {
        QString name = u.slug;
        for (int n = 2; taken.contains(name) || names.contains(name)
             || QFileInfo::exists(dir.filePath(QStringLiteral("deploy/%1.sql").arg(name)));
             ++n)
            name = u.slug + QStringLiteral("_%1").arg(n);
        const QString full = project.isEmpty() ? name : project + QLatin1Char(':') + name;
        addWrite(plan, dir.filePath(QStringLiteral("deploy/%1.sql").arg(name)),
            sqitchScript(QStringLiteral("-- Deploy %1 to pg\n").arg(full), QString::fromUtf8(u.sql),
                u.outside, u.ownTransaction));
        addWrite(plan, dir.filePath(QStringLiteral("revert/%1.sql").arg(name)),
            sqitchScript(
                QStringLiteral("-- Revert %1 from pg\n").arg(full), u.down, u.downOutside, false));
        addWrite(plan, dir.filePath(QStringLiteral("verify/%1.sql").arg(name)),
            sqitchVerify(QStringLiteral("-- Verify %1 on pg\n").arg(full), u));
        plan.flagged << u.flagged;
        QString note = u.changes.value(0, u.file);
        if (u.changes.size() > 1)
            note += QStringLiteral(" (and %1 more)").arg(u.changes.size() - 1);
        lines += QStringLiteral("%1 %2 %3 # %4\n")
                     .arg(name, layout.utc.toString(Qt::ISODate), planner, note.simplified())
                     .toUtf8();
        names << name;
    }
    plan.appends << qMakePair(planPath, lines);
    return names;
}

QStringList graphileMigrate(const Layout &layout, Plan &plan)
{
    const QDir dir(layout.folder);
    plan.notes << noDown(QStringLiteral("graphile-migrate"))
               << QStringLiteral("graphile-migrate runs the current migration again each time it "
                                 "changes (graphile-migrate watch): keep its statements "
                                 "idempotent, and commit it with graphile-migrate commit");
    // Several files in current/ (their names sort as they run), or one current.sql.
    const QString currentDir = dir.filePath(QStringLiteral("current"));
    if (QFileInfo(currentDir).isDir()) {
        static const QRegularExpression numbered(QStringLiteral("^(\\d+)"));
        const qint64 latest = highest(currentDir, numbered, QDir::Files);
        QStringList names;
        for (qsizetype i = 0; i < layout.units.size(); ++i) {
            const Unit &u = layout.units.at(i);
            const QString name =
                QStringLiteral("current/%1-%2.sql")
                    .arg(QString::number(latest + 1 + i).rightJustified(3, QLatin1Char('0')),
                        u.slug);
            addWrite(plan, dir.filePath(name), u.sql);
            names << name;
        }
        return names;
    }
    const QString path = dir.filePath(QStringLiteral("current.sql"));
    QFile file(path);
    const bool exists = file.open(QIODevice::ReadOnly);
    const QByteArray current = exists ? file.readAll() : QByteArray();
    QByteArray added;
    QString outside;
    int statements = 0;
    for (const Unit &u : layout.units) {
        added += (added.isEmpty() ? QByteArray() : QByteArray("\n")) + u.sql;
        statements += u.statements;
        if (outside.isEmpty())
            outside = u.outside;
    }
    if (!outside.isEmpty()) {
        // An empty current.sql can opt out of graphile-migrate's transaction;
        // one with statements already has its way.
        if (current.isEmpty())
            added.prepend("--! no-transaction\n");
        QStringList why;
        if (!current.isEmpty() && !current.startsWith("--! no-transaction"))
            why << QStringLiteral("graphile-migrate wraps current.sql in one unless its first "
                                  "line is --! no-transaction");
        if (statements + ParsedScript(current, 1).statements().size() > 1)
            why << QStringLiteral("it sends current.sql to the server as one query, which "
                                  "PostgreSQL runs as one transaction");
        if (!why.isEmpty())
            plan.notes << QStringLiteral("%1 cannot run in a transaction, but %2: commit what "
                                         "current.sql holds first (graphile-migrate commit), "
                                         "then release the statement on its own")
                              .arg(outside, why.join(QStringLiteral(", and ")));
    }
    if (!exists) {
        addWrite(plan, path, added);
    } else {
        plan.read << qMakePair(path, current);
        if (!current.isEmpty())
            added.prepend(current.endsWith('\n') ? "\n" : "\n\n");
        plan.appends << qMakePair(path, added);
    }
    return {QStringLiteral("current.sql")};
}

QStringList prisma(const Layout &layout, Plan &plan)
{
    static const QRegularExpression migration(QStringLiteral("^(\\d{14})_\\w+$"));
    const qint64 latest = highest(layout.folder, migration, QDir::Dirs);
    const QStringList stamps = stampsAfter(layout.utc, latest, layout.units.size());
    plan.notes << noDown(QStringLiteral("Prisma Migrate"));
    QStringList names;
    for (qsizetype i = 0; i < layout.units.size(); ++i) {
        const Unit &u = layout.units.at(i);
        const QString name = stamps.at(i) + QLatin1Char('_') + u.slug;
        addWrite(
            plan, QDir(layout.folder).filePath(name + QStringLiteral("/migration.sql")), u.sql);
        oneQueryNote(QStringLiteral("Prisma Migrate"), u.file, u.outside, u.statements, plan);
        names << name + QLatin1Char('/');
    }
    return names;
}

} // namespace tusk::core::frameworkrelease
