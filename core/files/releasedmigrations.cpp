#include "releasedmigrations.h"

#include <QDir>
#include <QFileInfo>

namespace tusk::core {

namespace {
bool releasedBelow(const QString &file, const QString &folder)
{
    if (folder.isEmpty() || !file.startsWith(folder + QLatin1Char('/')))
        return false;
    const QStringList parts = file.mid(folder.size() + 1).split(QLatin1Char('/'));
    return std::any_of(parts.begin(), parts.end(), [](const QString &part) {
        return part.endsWith(QLatin1String("released"), Qt::CaseInsensitive);
    });
}
} // namespace

QString ReleasedMigrations::resolved(const QString &path)
{
    const QString clean = QDir::cleanPath(QFileInfo(path).absoluteFilePath());
    QString existing = clean;
    QStringList missing;
    while (!existing.isEmpty() && !QFileInfo::exists(existing)) {
        const qsizetype slash = existing.lastIndexOf(QLatin1Char('/'));
        if (slash <= 0)
            return clean;
        missing.prepend(existing.mid(slash + 1));
        existing.truncate(slash);
    }
    QString canonical = QFileInfo(existing).canonicalFilePath();
    if (canonical.isEmpty())
        return clean;
    for (const QString &part : std::as_const(missing))
        canonical += QLatin1Char('/') + part;
    return canonical;
}

bool ReleasedMigrations::contains(const QString &path, const QString &migrationsFolder)
{
    if (migrationsFolder.isEmpty())
        return false;
    // Both spellings count: the path as written (a link named
    // "x_released" is refused even when it points elsewhere) and the path
    // with links resolved (a link that points into a released folder).
    const QString folder = QDir::cleanPath(QFileInfo(migrationsFolder).absoluteFilePath());
    const QString file = QDir::cleanPath(QFileInfo(path).absoluteFilePath());
    return releasedBelow(file, folder) || releasedBelow(resolved(file), resolved(folder));
}

bool ReleasedMigrations::containsAny(const QString &path, const QStringList &migrationsFolders)
{
    return std::any_of(migrationsFolders.begin(), migrationsFolders.end(),
        [&path](const QString &folder) { return contains(path, folder); });
}

} // namespace tusk::core
