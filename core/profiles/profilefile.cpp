#include "profilefile.h"

#include "core/files/userfilewriter.h"
#include "pgbinpath.h"
#include "schemamigration.h"
#include "sslmode.h"

#include <QFile>

namespace tusk::core {

namespace {
const QString databaseKey = QStringLiteral("database");
const QString configurationKey = QStringLiteral("configuration");

const QStringList knownKeys {QStringLiteral("host"), QStringLiteral("port"),
    QStringLiteral("database"), QStringLiteral("user"), QStringLiteral("password"),
    QStringLiteral("sslmode"), QStringLiteral("sslrootcert"), QStringLiteral("sslcert"),
    QStringLiteral("sslkey"), QStringLiteral("project"), QStringLiteral("description"),
    QStringLiteral("migrations_path"), QStringLiteral("safety"), QStringLiteral("lock_timeout"),
    QStringLiteral("statement_timeout"), QStringLiteral("read_only"),
    QStringLiteral("confirm_ddl")};

QString literalOf(const QVariant &value)
{
    switch (value.typeId()) {
    case QMetaType::Bool:
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QMetaType::LongLong:
        return QString::number(value.toLongLong());
    default:
        return TomlText::stringLiteral(value.toString());
    }
}

// A profile from its values (defaults already overlaid), with what is wrong.
Profile buildProfile(const QString &name, const QVariantMap &values, const TomlText &toml,
    QList<ProfileIssue> *issues)
{
    const QStringList table {databaseKey, name};
    auto issue = [&](Severity severity, const QString &key, const QString &text) {
        int line = toml.valueLine(table, key);
        if (!line)
            line = toml.valueLine({databaseKey}, key);
        if (!line)
            line = toml.headerLine(table);
        issues->append({severity, line, QStringLiteral("[database.%1] %2").arg(name, text)});
    };
    Profile p;
    p.name = name;
    auto text = [&values](const char *key) { return values.value(QLatin1String(key)).toString(); };
    p.host = text("host");
    p.database = text("database");
    p.user = text("user");
    p.password = text("password");
    p.sslRootCert = text("sslrootcert");
    p.sslCert = text("sslcert");
    p.sslKey = text("sslkey");
    p.project = text("project");
    p.description = text("description");
    p.migrationsPath = text("migrations_path");
    p.safety = text("safety");
    p.lockTimeout = text("lock_timeout");
    p.statementTimeout = text("statement_timeout");
    p.readOnly = values.value(QStringLiteral("read_only")).toBool();
    p.confirmDdl = values.value(QStringLiteral("confirm_ddl"), true).toBool();
    if (values.contains(QStringLiteral("port"))) {
        bool ok = false;
        const int port = values.value(QStringLiteral("port")).toString().toInt(&ok);
        if (ok && port > 0 && port < 65536)
            p.port = port;
        else
            issue(Severity::Error, QStringLiteral("port"),
                QStringLiteral("port %1 is not a TCP port")
                    .arg(literalOf(values.value(QStringLiteral("port")))));
    }
    // docs/profiles.md: sslmode = false unless a profile or [database] says otherwise.
    const QVariant ssl = values.value(QStringLiteral("sslmode"), false);
    if (const auto mode = SslMode::toLibpq(ssl))
        p.sslMode = *mode;
    else
        issue(Severity::Error, QStringLiteral("sslmode"),
            QStringLiteral("sslmode %1 means nothing: use true, false or one of disable, allow, "
                           "prefer, require, verify-ca, verify-full")
                .arg(literalOf(ssl)));
    if (!p.password.isEmpty())
        issue(Severity::Warning, QStringLiteral("password"),
            QStringLiteral("password is stored in plain text: move it to ~/.pgpass or the "
                           "system keychain (tusk profiles check explains how)"));
    for (auto it = values.begin(); it != values.end(); ++it) {
        if (!knownKeys.contains(it.key()) && it.value().typeId() != QMetaType::QVariantMap)
            p.extra.insert(it.key(), it.value());
    }
    p.line = toml.headerLine(table);
    return p;
}
} // namespace

ProfileFile::ProfileFile(const QString &path, ProfileScope scope)
    : m_path(path)
    , m_scope(scope)
{
}

bool ProfileFile::load(QString *error)
{
    QFile file(m_path);
    m_exists = file.exists();
    if (!m_exists) {
        m_onDisk.clear();
        m_toml = TomlText();
        return true;
    }
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read %1: %2").arg(m_path, file.errorString());
        m_toml = TomlText("\x01"); // unreadable counts as broken: nothing writes it
        return false;
    }
    m_onDisk = file.readAll();
    m_toml = TomlText(m_onDisk);
    if (isBroken()) {
        *error = parseErrorText();
        return false;
    }
    return true;
}

void ProfileFile::setText(const QByteArray &utf8)
{
    m_toml = TomlText(utf8);
}

QString ProfileFile::parseErrorText() const
{
    const TomlError e = m_toml.error();
    return e.isNull()
        ? QString()
        : QStringLiteral("%1:%2:%3: %4").arg(m_path).arg(e.line).arg(e.column).arg(e.message);
}

int ProfileFile::schemaVersion() const
{
    return m_toml.tree()
        .value(configurationKey)
        .toMap()
        .value(QStringLiteral("schema_version"))
        .toInt();
}

bool ProfileFile::needsMigration() const
{
    return !isBroken() && !m_toml.text().trimmed().isEmpty() && schemaVersion() == 0;
}

QString ProfileFile::pgBinPath() const
{
    return m_toml.tree()
        .value(configurationKey)
        .toMap()
        .value(QStringLiteral("pg_bin_path"))
        .toString();
}

QString ProfileFile::defaultProfileName() const
{
    return m_toml.tree()
        .value(configurationKey)
        .toMap()
        .value(QStringLiteral("default_profile"))
        .toString();
}

QString ProfileFile::migrationsPath() const
{
    return m_toml.tree()
        .value(QStringLiteral("migrations"))
        .toMap()
        .value(QStringLiteral("path"))
        .toString();
}

QVariantMap ProfileFile::defaults() const
{
    QVariantMap values = m_toml.tree().value(databaseKey).toMap();
    for (auto it = values.begin(); it != values.end();) {
        if (it.value().typeId() == QMetaType::QVariantMap)
            it = values.erase(it);
        else
            ++it;
    }
    return values;
}

QVariantMap ProfileFile::ownValues(const QString &profileName) const
{
    return m_toml.tree().value(databaseKey).toMap().value(profileName).toMap();
}

QVariantMap ProfileFile::effectiveValues(const QString &profileName, QVariantMap defaults) const
{
    const QVariantMap own = ownValues(profileName);
    for (auto it = own.begin(); it != own.end(); ++it)
        defaults.insert(it.key(), it.value());
    return defaults;
}

QList<Profile> ProfileFile::profiles() const
{
    QList<Profile> list;
    QList<ProfileIssue> ignored;
    const QVariantMap base = defaults();
    for (const QString &name : m_toml.childTables({databaseKey})) {
        Profile p = buildProfile(name, effectiveValues(name, base), m_toml, &ignored);
        p.scope = m_scope;
        p.filePath = m_path;
        list << p;
    }
    return list;
}

std::optional<Profile> ProfileFile::profile(const QString &name) const
{
    for (const Profile &p : profiles()) {
        if (p.name == name)
            return p;
    }
    return std::nullopt;
}

QList<ProfileIssue> ProfileFile::issues() const
{
    QList<ProfileIssue> list;
    if (isBroken()) {
        list.append({Severity::Error, m_toml.error().line, m_toml.error().message});
        return list;
    }
    if (!m_exists && m_toml.text().isEmpty())
        return list;
    if (needsMigration())
        list.append({Severity::Error, 1,
            QStringLiteral("no [configuration].schema_version: a pre-1 file; run "
                           "`tusk profiles migrate` to upgrade it (comments are kept)")});
    if (isNewerThanTusk())
        list.append({Severity::Error,
            m_toml.valueLine({configurationKey}, QStringLiteral("schema_version")),
            QStringLiteral("schema_version %1 is newer than this Tusk understands (%2); Tusk "
                           "reads it but will not write it")
                .arg(schemaVersion())
                .arg(currentSchemaVersion)});
    const QString bin = pgBinPath();
    if (bin.isEmpty() && !needsMigration())
        list.append({Severity::Warning, m_toml.headerLine({configurationKey}),
            QStringLiteral("[configuration].pg_bin_path is missing (Tusk fills it in)")});
    else if (!bin.isEmpty() && !PgBinPath::holdsClientPrograms(bin))
        list.append(
            {Severity::Warning, m_toml.valueLine({configurationKey}, QStringLiteral("pg_bin_path")),
                QStringLiteral("pg_bin_path %1 holds no psql").arg(bin)});
    const QVariantMap base = defaults();
    for (const QString &name : m_toml.childTables({databaseKey})) {
        if (!Profile::isValidName(name))
            list.append({Severity::Error, m_toml.headerLine({databaseKey, name}),
                QStringLiteral("profile name \"%1\" breaks the rule: %2")
                    .arg(name, Profile::nameRule())});
        buildProfile(name, effectiveValues(name, base), m_toml, &list);
    }
    const QString defaultName = defaultProfileName();
    if (!defaultName.isEmpty() && !m_toml.childTables({databaseKey}).contains(defaultName))
        list.append({Severity::Warning,
            m_toml.valueLine({configurationKey}, QStringLiteral("default_profile")),
            QStringLiteral("default_profile \"%1\" names no profile in this file")
                .arg(defaultName)});
    return list;
}

bool ProfileFile::editable(QString *error) const
{
    if (isBroken()) {
        *error = QStringLiteral("%1 is not valid TOML (%2); fix it first: Tusk will not write it")
                     .arg(m_path, parseErrorText());
        return false;
    }
    if (needsMigration()) {
        // docs/profiles.md: the schema migration comes before any other change.
        *error = QStringLiteral("%1 is a pre-1 file (no schema_version): run `tusk profiles "
                                "migrate` first")
                     .arg(m_path);
        return false;
    }
    if (isNewerThanTusk()) {
        *error = QStringLiteral("%1 has schema_version %2, newer than this Tusk (%3): Tusk will "
                                "not write it")
                     .arg(m_path)
                     .arg(schemaVersion())
                     .arg(currentSchemaVersion);
        return false;
    }
    return true;
}

bool ProfileFile::saveProfile(const Profile &profile, const QString &previousName, QString *error)
{
    if (!editable(error))
        return false;
    if (!Profile::isValidName(profile.name)) {
        *error = QStringLiteral("profile name \"%1\" refused: %2")
                     .arg(profile.name, Profile::nameRule());
        return false;
    }
    const QStringList existing = m_toml.childTables({databaseKey});
    const bool renaming = !previousName.isEmpty() && previousName != profile.name;
    if ((renaming || previousName.isEmpty()) && existing.contains(profile.name)) {
        *error =
            QStringLiteral("a profile named \"%1\" exists already in %2").arg(profile.name, m_path);
        return false;
    }
    TomlText edited = m_toml;
    if (edited.text().trimmed().isEmpty()) {
        // A new file starts as schema v1, so it never reads as pre-1.
        TomlText::Entries configuration {
            {QStringLiteral("schema_version"), QString::number(currentSchemaVersion)}};
        if (const QString bin = m_detectBinPath ? m_detectBinPath() : PgBinPath::detect();
            !bin.isEmpty())
            configuration << qMakePair(QStringLiteral("pg_bin_path"), TomlText::stringLiteral(bin));
        if (!edited.addTable({configurationKey}, configuration, error))
            return false;
    }
    const QStringList table {databaseKey, profile.name};
    if (renaming && !edited.renameTable({databaseKey, previousName}, profile.name, error))
        return false;

    const QVariantMap base = defaults();
    QMap<QString, QString> wanted;
    for (const auto &entry : profile.tomlEntries())
        wanted.insert(entry.first, entry.second);
    // A value equal to the [database] default is not repeated in the profile.
    auto inherited = [&base, &profile](const QString &key, const QString &literal) {
        if (!base.contains(key))
            return false;
        if (key == QLatin1String("sslmode"))
            return SslMode::toLibpq(base.value(key)).value_or(QString()) == profile.sslMode;
        return literalOf(base.value(key)) == literal;
    };
    if (!existing.contains(renaming ? previousName : profile.name)) {
        TomlText::Entries entries;
        for (const auto &entry : profile.tomlEntries()) {
            if (!inherited(entry.first, entry.second))
                entries << entry;
        }
        if (!edited.addTable(table, entries, error))
            return false;
    } else {
        QVariantMap own = edited.tree().value(databaseKey).toMap().value(profile.name).toMap();
        for (const QString &key : knownKeys) {
            const bool has = own.contains(key);
            if (!wanted.contains(key)) {
                if (has && !edited.removeKey(table, key, error))
                    return false;
                continue;
            }
            const QString literal = wanted.value(key);
            const bool same = key == QLatin1String("sslmode")
                ? SslMode::toLibpq(own.value(key)).value_or(QString()) == profile.sslMode
                : literalOf(own.value(key)) == literal;
            // An sslmode the file never named stays unnamed while the profile
            // keeps the default (false, docs/profiles.md): an edit of another
            // key does not add it.
            const bool implicitSsl = !has && key == QLatin1String("sslmode")
                && SslMode::toLibpq(base.value(key, false)).value_or(QString()) == profile.sslMode;
            if ((has && same) || (!has && inherited(key, literal)) || implicitSsl)
                continue;
            if (has && inherited(key, literal)) { // back to the default
                if (!edited.removeKey(table, key, error))
                    return false;
                continue;
            }
            const QString written = key == QLatin1String("sslmode")
                ? SslMode::literalFor(profile.sslMode, own.value(key))
                : literal;
            if (!edited.setValue(table, key, written, error))
                return false;
        }
    }
    m_toml = edited;
    return true;
}

bool ProfileFile::removeProfile(const QString &name, QString *error)
{
    if (!editable(error))
        return false;
    if (!m_toml.childTables({databaseKey}).contains(name)) {
        *error = QStringLiteral("no profile \"%1\" in %2").arg(name, m_path);
        return false;
    }
    TomlText edited = m_toml;
    if (!edited.removeTable({databaseKey, name}, error))
        return false;
    m_toml = edited;
    return true;
}

bool ProfileFile::setSslMode(const QString &profileName, const QString &libpqMode, QString *error)
{
    const std::optional<Profile> p = profile(profileName);
    if (!p) {
        *error = QStringLiteral("no profile \"%1\" in %2").arg(profileName, m_path);
        return false;
    }
    Profile changed = *p;
    changed.sslMode = libpqMode;
    // saveProfile compares with the file's own values; passwords and other
    // fields come back as they were read.
    const QVariantMap own = ownValues(profileName);
    if (!own.contains(QStringLiteral("password")))
        changed.password.clear();
    return saveProfile(changed, profileName, error);
}

bool ProfileFile::setConfigurationValue(const QString &key, const QString &literal, QString *error)
{
    if (!editable(error))
        return false;
    TomlText edited = m_toml;
    // A file without [configuration] gets one on top, with the version its
    // content has.
    const bool ok = edited.tree().contains(configurationKey)
        ? edited.setValue({configurationKey}, key, literal, error)
        : edited.addTableAtTop({configurationKey},
            {{QStringLiteral("schema_version"), QString::number(currentSchemaVersion)},
                {key, literal}},
            error);
    if (ok)
        m_toml = edited;
    return ok;
}

bool ProfileFile::setPgBinPath(const QString &folder, QString *error)
{
    return setConfigurationValue(
        QStringLiteral("pg_bin_path"), TomlText::stringLiteral(folder), error);
}

bool ProfileFile::setDefaultProfileName(const QString &name, QString *error)
{
    return setConfigurationValue(
        QStringLiteral("default_profile"), TomlText::stringLiteral(name), error);
}

bool ProfileFile::migrateSchema(QStringList *changes, QString *error)
{
    if (isBroken()) {
        *error = QStringLiteral("%1 is not valid TOML (%2); fix it first: Tusk will not write it")
                     .arg(m_path, parseErrorText());
        return false;
    }
    return SchemaMigration::migrate(&m_toml,
        m_detectBinPath ? m_detectBinPath : ProfileFile::BinPathDetector(&PgBinPath::detect),
        changes, error);
}

bool ProfileFile::save(QString *error)
{
    if (!isModified())
        return true;
    if (!editable(error))
        return false;
    QFile current(m_path);
    const bool existsNow = current.exists();
    QByteArray onDiskNow;
    if (existsNow && current.open(QIODevice::ReadOnly))
        onDiskNow = current.readAll();
    if (existsNow != m_exists || onDiskNow != m_onDisk) {
        *error = QStringLiteral("%1 changed on disk since Tusk read it; Tusk did not overwrite "
                                "it (reload, then make the change again)")
                     .arg(m_path);
        return false;
    }
    UserFileWriter::Options options;
    options.permissions = UserFileWriter::Permissions::PrivateWhenNew;
    options.keepBackup = true;
    options.createFolder = true;
    if (const FileWriteError failure = UserFileWriter::writeFile(m_path, m_toml.text(), options);
        !failure.isNull()) {
        *error = failure.message;
        return false;
    }
    m_onDisk = m_toml.text();
    m_exists = true;
    return true;
}

} // namespace tusk::core
