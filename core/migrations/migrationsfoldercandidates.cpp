#include "migrationsfoldercandidates.h"

#include "migrationsfolder.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>

namespace tusk::core {

namespace {
constexpr int kMaxDepth = 4;
constexpr int kMaxFolders = 4000; // a bound on the walk, not a result limit

bool skipped(const QString &name)
{
    static const QSet<QString> trees {QStringLiteral("node_modules"), QStringLiteral("vendor"),
        QStringLiteral("build"), QStringLiteral("dist"), QStringLiteral("target"),
        QStringLiteral("__pycache__"), QStringLiteral("venv")};
    return name.startsWith(QLatin1Char('.')) || trees.contains(name);
}

bool firstLinesHold(const QString &path, const char *text)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) && file.read(4096).contains(text);
}

// What makes `dir` look like a migrations folder, and how much.
MigrationsFolderCandidates::Candidate judge(const QDir &dir)
{
    static const QRegularExpression flyway(QStringLiteral("^V\\d+(?:[._]\\d+)*__.+\\.sql$"),
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression prisma(QStringLiteral("^\\d{14}_\\w+$"));
    static const QSet<QString> usualNames {QStringLiteral("migrations"),
        QStringLiteral("migration"), QStringLiteral("migrate"), QStringLiteral("db"),
        QStringLiteral("sql"), QStringLiteral("schema")};
    MigrationsFolderCandidates::Candidate c;
    c.path = dir.absolutePath();
    QStringList why;
    int sql = 0;
    for (const QFileInfo &entry :
        dir.entryInfoList(QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name)) {
        const QString name = entry.fileName();
        if (entry.isFile() && name.endsWith(QLatin1String(".sql"), Qt::CaseInsensitive))
            ++sql;
        if (entry.isFile() && MigrationsFolder::pendingNumber(name) >= 0) {
            c.score += 10;
            why << name;
        } else if (MigrationsFolder::isReleasedName(name)) {
            c.score += 10;
            why << name + (entry.isDir() ? QStringLiteral("/") : QString());
        } else if (name == QLatin1String("sqitch.plan")) {
            c.score += 8;
            why << QStringLiteral("sqitch.plan");
        } else if (entry.isDir() && name == QLatin1String("committed")
            && QFileInfo::exists(dir.filePath(QStringLiteral("current.sql")))) {
            c.score += 8;
            why << QStringLiteral("graphile-migrate's committed/ and current.sql");
        } else if (entry.isFile() && flyway.match(name).hasMatch()) {
            c.score += 3;
            why << QStringLiteral("Flyway's %1").arg(name);
        } else if (entry.isFile() && name.endsWith(QLatin1String(".up.sql"))) {
            c.score += 3;
            why << QStringLiteral("golang-migrate's %1").arg(name);
        } else if (entry.isDir() && prisma.match(name).hasMatch()
            && QFileInfo::exists(
                QDir(entry.filePath()).filePath(QStringLiteral("migration.sql")))) {
            c.score += 3;
            why << QStringLiteral("Prisma's %1/migration.sql").arg(name);
        } else if (entry.isFile() && name.endsWith(QLatin1String(".sql"))
            && firstLinesHold(entry.filePath(), "-- migrate:up")) {
            c.score += 3;
            why << QStringLiteral("dbmate's %1").arg(name);
        }
    }
    if (c.score > 0 && QFileInfo::exists(dir.filePath(QStringLiteral("CHANGELOG.md")))) {
        c.score += 2;
        why << QStringLiteral("CHANGELOG.md");
    }
    if (sql > 0 && usualNames.contains(dir.dirName().toLower())) {
        c.score += 2;
        why << (sql == 1 ? QStringLiteral("1 SQL file") : QStringLiteral("%1 SQL files").arg(sql));
    }
    // Three reasons of one kind say as much as one; keep the line short.
    why.removeDuplicates();
    if (why.size() > 3)
        why = why.mid(0, 3) << QStringLiteral("…");
    c.why = why.join(QStringLiteral(", "));
    return c;
}
} // namespace

QList<MigrationsFolderCandidates::Candidate> MigrationsFolderCandidates::find(
    const QString &projectRoot, int limit)
{
    QList<Candidate> out;
    if (projectRoot.isEmpty() || !QFileInfo(projectRoot).isDir())
        return out;
    const QDir root(projectRoot);
    QList<QPair<QString, int>> queue {{root.absolutePath(), 0}};
    int visited = 0;
    while (!queue.isEmpty() && visited++ < kMaxFolders) {
        const auto [path, depth] = queue.takeFirst();
        const QDir dir(path);
        Candidate c = judge(dir);
        if (c.score > 0) {
            c.relative = root.relativeFilePath(c.path);
            out << c;
        }
        if (depth >= kMaxDepth)
            continue;
        for (const QString &child : dir.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name)) {
            // A released part is history inside a migrations folder, not one.
            if (!skipped(child) && !MigrationsFolder::isReleasedName(child))
                queue.append({dir.filePath(child), depth + 1});
        }
    }
    std::stable_sort(out.begin(), out.end(),
        [](const Candidate &a, const Candidate &b) { return a.score > b.score; });
    if (out.size() > limit)
        out.resize(limit);
    return out;
}

} // namespace tusk::core
