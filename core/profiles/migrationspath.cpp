#include "migrationspath.h"

#include "profilestore.h"

#include "core/sandbox/demomigrations.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>

namespace tusk::core {

QString MigrationsPath::fromAgentsText(const QString &text)
{
    static const QRegularExpression setting(QStringLiteral(
        "DB_MIGRATIONS_PATH[`*\"']*\\s*[:=]\\s*(?:`([^`]+)`|\"([^\"]+)\"|'([^']+)'|(\\S+))"));
    const QRegularExpressionMatch match = setting.match(text);
    for (int group = 1; group <= 4 && match.hasMatch(); ++group) {
        if (!match.captured(group).isEmpty())
            return match.captured(group).trimmed();
    }
    return {};
}

MigrationsPath MigrationsPath::resolve(const ProfileStore &store, const Profile *profile)
{
    const QString base = store.projectRoot().isEmpty() ? store.workingDir() : store.projectRoot();
    auto absolute = [&base](QString path) {
        if (path.startsWith(QLatin1String("~/")))
            path = QDir::homePath() + path.mid(1);
        return QDir::cleanPath(QDir(base).absoluteFilePath(path));
    };
    MigrationsPath result;
    if (profile && !profile->migrationsPath.isEmpty()) {
        result = {absolute(profile->migrationsPath),
            QStringLiteral("[database.%1].migrations_path").arg(profile->name)};
    } else if (!store.projectFile().migrationsPath().isEmpty()) {
        result = {absolute(store.projectFile().migrationsPath()),
            QStringLiteral("[migrations].path in %1").arg(store.projectFile().path())};
    } else if (!store.userFile().migrationsPath().isEmpty()) {
        result = {absolute(store.userFile().migrationsPath()),
            QStringLiteral("[migrations].path in %1").arg(store.userFile().path())};
    } else {
        QFile agents(base + QStringLiteral("/AGENTS.md"));
        const QString fromAgents = agents.open(QIODevice::ReadOnly)
            ? fromAgentsText(QString::fromUtf8(agents.readAll()))
            : QString();
        if (!fromAgents.isEmpty())
            result = {absolute(fromAgents), QStringLiteral("DB_MIGRATIONS_PATH in AGENTS.md")};
        else
            result = {absolute(QStringLiteral("db/migrations")), QStringLiteral("default")};
    }
    result.exists = QDir(result.path).exists();
    // The sandbox profile in a project without migrations: the demo ones.
    if (!result.exists && result.source == QLatin1String("default") && profile
        && profile->scope == ProfileScope::Sandbox) {
        const QString demo = DemoMigrations::folderFor(profile->filePath);
        if (QDir(demo).exists())
            result = {demo, QStringLiteral("the sandbox's demo migrations"), true};
    }
    return result;
}

} // namespace tusk::core
