#include "core/profiles/secretstore.h"

namespace tusk::core {

namespace {

// libpq's default for one parameter: the environment, then its built-in.
QString orDefault(const QString &value, const char *environment, const QString &builtIn)
{
    if (!value.isEmpty())
        return value;
    const QString fromEnvironment = qEnvironmentVariable(environment);
    return fromEnvironment.isEmpty() ? builtIn : fromEnvironment;
}

} // namespace

QString SecretStore::keyFor(const ConnInfo &info)
{
    const QString user =
        orDefault(info.user(), "PGUSER", qEnvironmentVariable("USER", QStringLiteral("postgres")));
    const QString host = orDefault(info.host(), "PGHOST", QStringLiteral("localhost"));
    const QString port = orDefault(info.port(), "PGPORT", QStringLiteral("5432"));
    const QString database = orDefault(info.database(), "PGDATABASE", user);
    return QStringLiteral("postgresql://%1@%2:%3/%4").arg(user, host, port, database);
}

} // namespace tusk::core
