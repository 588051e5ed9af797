#include "profileformat.h"

#include "core/profiles/passwordsource.h"

#include <QJsonArray>

namespace tusk::app {

using core::Profile;
using core::ProfileScope;

QString ProfileFormat::scopeName(ProfileScope scope)
{
    switch (scope) {
    case ProfileScope::Project:
        return QStringLiteral("project");
    case ProfileScope::User:
        return QStringLiteral("user");
    case ProfileScope::Sandbox:
        return QStringLiteral("sandbox");
    case ProfileScope::OneOff:
        return QStringLiteral("one-off");
    }
    return {};
}

QString ProfileFormat::passwordSource(const Profile &profile, const QString &keychain)
{
    using Kind = core::PasswordSource::Kind;
    const core::PasswordSource source = core::PasswordSource::of(profile);
    switch (source.kind) {
    case Kind::ProfileFile:
        return QStringLiteral("toml (plain text)");
    case Kind::Url:
        return QStringLiteral("DB_URL");
    case Kind::NotNeeded:
        return QStringLiteral("none needed (the sandbox trusts its owner on the socket)");
    case Kind::PassFile:
        return source.passFile;
    case Kind::Nothing:
        break;
    }
    if (!keychain.isEmpty())
        return keychain;
    if (!source.passFileProblem.isEmpty())
        return QStringLiteral("none: %1").arg(source.passFileProblem);
    return QStringLiteral("none stored (no entry in %1)").arg(source.passFile);
}

QJsonObject ProfileFormat::toJson(const Profile &p, const QString &keychain)
{
    QJsonObject o {
        {QStringLiteral("name"), p.name},
        {QStringLiteral("scope"), scopeName(p.scope)},
        {QStringLiteral("host"), p.host},
        {QStringLiteral("port"), p.port},
        {QStringLiteral("database"), p.database},
        {QStringLiteral("user"), p.user},
        {QStringLiteral("sslmode"), p.sslMode},
        {QStringLiteral("password_source"), passwordSource(p, keychain)},
        {QStringLiteral("connection"), p.connInfo().toDisplayString()},
        {QStringLiteral("url"), p.connInfo().toUrl()},
    };
    auto optional = [&o](const char *key, const QString &value) {
        if (!value.isEmpty())
            o.insert(QLatin1String(key), value);
    };
    optional("project", p.project);
    optional("description", p.description);
    optional("migrations_path", p.migrationsPath);
    optional("safety", p.safety);
    optional("lock_timeout", p.lockTimeout);
    optional("statement_timeout", p.statementTimeout);
    optional("sslrootcert", p.sslRootCert);
    optional("sslcert", p.sslCert);
    optional("sslkey", p.sslKey);
    if (p.readOnly)
        o.insert(QStringLiteral("read_only"), true);
    if (!p.filePath.isEmpty())
        o.insert(QStringLiteral("file"), p.filePath);
    if (p.line > 0)
        o.insert(QStringLiteral("line"), p.line);
    if (!p.extra.isEmpty())
        o.insert(QStringLiteral("other_keys"), QJsonObject::fromVariantMap(p.extra));
    return o;
}

QJsonObject ProfileFormat::toJson(const core::MigrationsPath &m)
{
    return {{QStringLiteral("path"), m.path}, {QStringLiteral("source"), m.source},
        {QStringLiteral("exists"), m.exists}};
}

QJsonObject ProfileFormat::toJson(const core::ProfileResolution &r)
{
    QJsonObject o {{QStringLiteral("resolved"), r.isResolved()},
        {QStringLiteral("source"), core::ProfileResolution::sourceName(r.source)},
        {QStringLiteral("reason"), r.reason}};
    if (r.profile)
        o.insert(QStringLiteral("profile"), toJson(*r.profile));
    if (!r.candidates.isEmpty())
        o.insert(QStringLiteral("candidates"), QJsonArray::fromStringList(r.candidates));
    return o;
}

QString ProfileFormat::listLine(const Profile &p, bool chosen)
{
    QString where = p.filePath;
    if (p.line > 0)
        where += QStringLiteral(":%1").arg(p.line);
    QStringList tags;
    if (!p.project.isEmpty())
        tags << QStringLiteral("project %1").arg(p.project);
    if (!p.safety.isEmpty())
        tags << p.safety;
    return QStringLiteral("%1 %2 %3 %4%5")
        .arg(chosen ? QLatin1Char('*') : QLatin1Char(' '))
        .arg(p.name, -14)
        .arg(p.connInfo().toDisplayString(), -40)
        .arg(scopeName(p.scope) + QStringLiteral("  ") + where)
        .arg(tags.isEmpty() ? QString()
                            : QStringLiteral("  [%1]").arg(tags.join(QStringLiteral(", "))));
}

QString ProfileFormat::details(
    const Profile &p, const core::MigrationsPath &m, const QString &keychain)
{
    QString text;
    auto row = [&text](const QString &label, const QString &value) {
        if (!value.isEmpty())
            text += QStringLiteral("%1 %2\n").arg(label + QLatin1Char(':'), -18).arg(value);
    };
    row(QStringLiteral("profile"), p.name);
    row(QStringLiteral("defined in"),
        p.line > 0
            ? QStringLiteral("%1:%2 (%3)").arg(p.filePath).arg(p.line).arg(scopeName(p.scope))
            : scopeName(p.scope));
    row(QStringLiteral("description"), p.description);
    row(QStringLiteral("connection"), p.connInfo().toDisplayString());
    row(QStringLiteral("url"), p.connInfo().toUrl());
    row(QStringLiteral("sslmode"), p.sslMode);
    row(QStringLiteral("sslrootcert"), p.sslRootCert);
    row(QStringLiteral("sslcert"), p.sslCert);
    row(QStringLiteral("sslkey"), p.sslKey);
    row(QStringLiteral("password"), passwordSource(p, keychain));
    row(QStringLiteral("project"), p.project);
    row(QStringLiteral("safety"), p.safety);
    row(QStringLiteral("lock_timeout"), p.lockTimeout);
    row(QStringLiteral("statement_timeout"), p.statementTimeout);
    if (p.readOnly)
        row(QStringLiteral("read_only"), QStringLiteral("yes"));
    row(QStringLiteral("migrations"),
        QStringLiteral("%1 (%2%3)")
            .arg(m.path, m.source, m.exists ? QString() : QStringLiteral(", missing")));
    for (auto it = p.extra.begin(); it != p.extra.end(); ++it)
        row(it.key(), it.value().toString() + QStringLiteral("  (not Tusk's key; kept)"));
    return text;
}

} // namespace tusk::app
