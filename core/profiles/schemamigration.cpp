#include "schemamigration.h"

#include "sslmode.h"
#include "tomltext.h"

namespace tusk::core {

namespace {
const QString configuration = QStringLiteral("configuration");
const QString sslmodeKey = QStringLiteral("sslmode");

// The TOML text of a value as the file holds it (bool or string here).
QString literalOf(const QVariant &value)
{
    if (value.typeId() == QMetaType::Bool)
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    return TomlText::stringLiteral(value.toString());
}

bool normaliseSslMode(
    TomlText *toml, const QStringList &table, QStringList *changes, QString *error)
{
    QVariantMap values = toml->tree();
    for (const QString &name : table)
        values = values.value(name).toMap();
    if (!values.contains(sslmodeKey))
        return true;
    const QVariant value = values.value(sslmodeKey);
    const QString normalized = SslMode::normalizedLiteral(value);
    const QString where = QStringLiteral("[%1] sslmode").arg(TomlText::pathText(table));
    if (normalized.isEmpty()) {
        *error = QStringLiteral("%1 (line %2) is %3: use true, false or one of disable, allow, "
                                "prefer, require, verify-ca, verify-full")
                     .arg(where)
                     .arg(toml->valueLine(table, sslmodeKey))
                     .arg(literalOf(value));
        return false;
    }
    if (normalized == literalOf(value)
        || (value.typeId() != QMetaType::Bool && value.typeId() != QMetaType::QString))
        return true;
    if (!toml->setValue(table, sslmodeKey, normalized, error))
        return false;
    *changes << QStringLiteral("%1: %2 → %3").arg(where, literalOf(value), normalized);
    return true;
}
} // namespace

bool SchemaMigration::migrate(TomlText *toml, const std::function<QString()> &detectBinPath,
    QStringList *changes, QString *error)
{
    if (!toml->isValid()) {
        *error = QStringLiteral("the file is not valid TOML");
        return false;
    }
    const QVariantMap config = toml->tree().value(configuration).toMap();
    if (config.contains(QStringLiteral("schema_version"))) {
        *error = QStringLiteral("the file has schema_version %1 already")
                     .arg(config.value(QStringLiteral("schema_version")).toString());
        return false;
    }
    TomlText edited = *toml;
    QStringList done;

    // sslmode first: a value that means nothing stops the migration before
    // anything else is touched.
    const QStringList database {QStringLiteral("database")};
    if (!normaliseSslMode(&edited, database, &done, error))
        return false;
    for (const QString &profile : edited.childTables(database)) {
        if (!normaliseSslMode(&edited, QStringList(database) << profile, &done, error))
            return false;
    }

    TomlText::Entries additions {{QStringLiteral("schema_version"), QStringLiteral("1")}};
    if (config.value(QStringLiteral("pg_bin_path")).toString().isEmpty()) {
        const QString binPath = detectBinPath();
        if (binPath.isEmpty()) {
            *error = QStringLiteral("pg_bin_path is missing and no PostgreSQL client programs "
                                    "(psql) were found: install postgresql-client or set "
                                    "[configuration].pg_bin_path");
            return false;
        }
        additions << qMakePair(QStringLiteral("pg_bin_path"), TomlText::stringLiteral(binPath));
    }
    const QStringList table {configuration};
    if (edited.tree().contains(configuration)) {
        for (const auto &entry : additions) {
            if (!edited.setValue(table, entry.first, entry.second, error))
                return false;
        }
    } else if (!edited.addTableAtTop(table, additions, error)) {
        return false;
    }
    for (const auto &entry : additions)
        done << QStringLiteral("[configuration] %1 = %2").arg(entry.first, entry.second);
    *toml = edited;
    *changes << done;
    return true;
}

} // namespace tusk::core
