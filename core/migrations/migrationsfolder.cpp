#include "migrationsfolder.h"

#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QRegularExpression>

#include <algorithm>

namespace tusk::core {

int MigrationsFolder::pendingNumber(const QString &fileName)
{
    if (fileName.compare(QLatin1String("prerelease.sql"), Qt::CaseInsensitive) == 0)
        return 0;
    static const QRegularExpression numbered(QStringLiteral("^([0-9]{1,9})_prerelease\\.sql$"),
        QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch m = numbered.match(fileName);
    // Numbers start at 1; 0_prerelease.sql would share its number with
    // the bare prerelease.sql.
    return m.hasMatch() && m.captured(1).toInt() > 0 ? m.captured(1).toInt() : -1;
}

bool MigrationsFolder::isReleasedName(const QString &name)
{
    return name.endsWith(QLatin1String("released"), Qt::CaseInsensitive);
}

MigrationsFolder MigrationsFolder::read(const QString &folder)
{
    MigrationsFolder out;
    out.m_path = QFileInfo(folder).absoluteFilePath();
    const QDir dir(out.m_path);
    out.m_exists = dir.exists();
    if (!out.m_exists) {
        out.m_problems << Problem {Problem::Kind::MissingFolder,
            QStringLiteral("the migrations folder %1 does not exist").arg(out.m_path),
            {out.m_path}};
        return out;
    }
    if (!QFileInfo(out.m_path).isReadable()) {
        out.m_problems << Problem {Problem::Kind::Unreadable,
            QStringLiteral("the migrations folder %1 cannot be read").arg(out.m_path),
            {out.m_path}};
        return out;
    }
    const QFileInfoList entries = dir.entryInfoList(
        QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot | QDir::Hidden, QDir::Name);
    QHash<int, QStringList> byNumber;
    for (const QFileInfo &entry : entries) {
        const QString name = entry.fileName();
        if (isReleasedName(name)) {
            out.m_released << name;
            continue;
        }
        if (!entry.isFile())
            continue;
        const int number = pendingNumber(name);
        if (number < 0)
            continue;
        out.m_pending << PendingFile {name, entry.absoluteFilePath(), number};
        byNumber[number] << entry.absoluteFilePath();
    }
    std::stable_sort(out.m_pending.begin(), out.m_pending.end(),
        [](const PendingFile &a, const PendingFile &b) { return a.number < b.number; });
    QList<int> numbers = byNumber.keys();
    std::sort(numbers.begin(), numbers.end());
    for (int number : numbers) {
        const QStringList &paths = byNumber.value(number);
        if (paths.size() > 1)
            out.m_problems << Problem {Problem::Kind::DuplicateNumber,
                number == 0
                    ? QStringLiteral("%1 files are named prerelease.sql (in different case); "
                                     "keep one")
                          .arg(paths.size())
                    : QStringLiteral("%1 pending files have the number %2; their order is "
                                     "not known, rename one")
                          .arg(paths.size())
                          .arg(number),
                paths};
    }
    if (byNumber.contains(0) && byNumber.size() > 1)
        out.m_problems << Problem {Problem::Kind::BareAndNumbered,
            QStringLiteral("prerelease.sql sits beside numbered prerelease files; its place in "
                           "the order is not known (rename it with a number)"),
            byNumber.value(0)};
    return out;
}

QString MigrationsFolder::latestPendingPath() const
{
    for (const Problem &p : m_problems) {
        if (p.kind == Problem::Kind::DuplicateNumber || p.kind == Problem::Kind::BareAndNumbered)
            return {};
    }
    if (m_pending.isEmpty())
        return QDir(m_path).filePath(QStringLiteral("prerelease.sql"));
    return m_pending.last().path;
}

QString MigrationsFolder::changelogPath() const
{
    return QDir(m_path).filePath(QStringLiteral("CHANGELOG.md"));
}

} // namespace tusk::core
