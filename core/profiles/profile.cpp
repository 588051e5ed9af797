#include "profile.h"

#include "sslmode.h"
#include "tomltext.h"

#include <QRegularExpression>

namespace tusk::core {

namespace {
// Backslash-escapes spaces and backslashes for libpq's `options`.
QString optionValue(const QString &value)
{
    QString escaped;
    for (const QChar c : value) {
        if (c == QLatin1Char(' ') || c == QLatin1Char('\\'))
            escaped += QLatin1Char('\\');
        escaped += c;
    }
    return escaped;
}
} // namespace

Profile Profile::oneOff(const ConnInfo &info, const QString &name)
{
    Profile p;
    p.name = name;
    p.scope = ProfileScope::OneOff;
    p.url = info;
    p.host = info.host();
    p.port = info.port().toInt();
    p.database = info.database();
    p.user = info.user();
    p.sslMode = info.value(QStringLiteral("sslmode"));
    p.sslRootCert = info.value(QStringLiteral("sslrootcert"));
    p.sslCert = info.value(QStringLiteral("sslcert"));
    p.sslKey = info.value(QStringLiteral("sslkey"));
    return p;
}

bool Profile::isValidName(const QString &name)
{
    static const QRegularExpression rule(QStringLiteral("^[a-z0-9_]+$"));
    return rule.match(name).hasMatch();
}

QString Profile::nameRule()
{
    return QStringLiteral("lowercase letters, digits and underscores only (^[a-z0-9_]+$)");
}

ConnInfo Profile::connInfo() const
{
    ConnInfo info = url;
    auto set = [&info](const char *keyword, const QString &value) {
        if (!value.isEmpty())
            info.setValue(QLatin1String(keyword), value);
    };
    set("host", host);
    if (port > 0)
        info.setValue(QStringLiteral("port"), QString::number(port));
    set("dbname", database);
    set("user", user);
    set("password", password);
    set("sslmode", sslMode);
    set("sslrootcert", sslRootCert);
    set("sslcert", sslCert);
    set("sslkey", sslKey);
    QStringList options;
    if (!lockTimeout.isEmpty())
        options << QStringLiteral("-c lock_timeout=") + optionValue(lockTimeout);
    if (!statementTimeout.isEmpty())
        options << QStringLiteral("-c statement_timeout=") + optionValue(statementTimeout);
    if (readOnly)
        options << QStringLiteral("-c default_transaction_read_only=on");
    if (!options.isEmpty())
        info.setValue(QStringLiteral("options"), options.join(QLatin1Char(' ')));
    if (!info.contains(QStringLiteral("application_name")))
        info.setValue(QStringLiteral("application_name"), QStringLiteral("tusk"));
    return info;
}

QList<QPair<QString, QString>> Profile::tomlEntries() const
{
    QList<QPair<QString, QString>> entries;
    auto text = [&entries](const char *key, const QString &value) {
        if (!value.isEmpty())
            entries << qMakePair(QLatin1String(key), TomlText::stringLiteral(value));
    };
    text("host", host);
    if (port > 0)
        entries << qMakePair(QStringLiteral("port"), QString::number(port));
    text("database", database);
    text("user", user);
    if (!password.isEmpty())
        text("password", password);
    if (!sslMode.isEmpty())
        entries << qMakePair(QStringLiteral("sslmode"), SslMode::literalFor(sslMode, {}));
    text("sslrootcert", sslRootCert);
    text("sslcert", sslCert);
    text("sslkey", sslKey);
    text("project", project);
    text("description", description);
    text("migrations_path", migrationsPath);
    text("safety", safety);
    text("lock_timeout", lockTimeout);
    text("statement_timeout", statementTimeout);
    if (readOnly)
        entries << qMakePair(QStringLiteral("read_only"), QStringLiteral("true"));
    if (!confirmDdl)
        entries << qMakePair(QStringLiteral("confirm_ddl"), QStringLiteral("false"));
    return entries;
}

} // namespace tusk::core
