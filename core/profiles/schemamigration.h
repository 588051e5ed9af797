#pragma once

#include <QString>
#include <QStringList>

#include <functional>

namespace tusk::core {

class TomlText;

// Upgrades a pre-1 postgres.toml (no [configuration].schema_version) to
// schema v1, as the postgres skill's migrate_toml_schema does (docs/profiles.md), but as minimal
// text edits: schema_version = 1 is added, sslmode values are normalised (booleans for
// "true"/"no"/…, lower-case mode names) and a missing pg_bin_path is filled in. Comments and
// everything else stay byte for byte.
class SchemaMigration {
public:
    // detectBinPath is asked only when pg_bin_path is missing; the migration
    // fails when it finds nothing (docs/profiles.md). On failure the text is as it was.
    static bool migrate(TomlText *toml, const std::function<QString()> &detectBinPath,
        QStringList *changes, QString *error);
};

} // namespace tusk::core
