#pragma once

#include "profile.h"
#include "tomltext.h"

#include "core/support/severity.h"

#include <QList>
#include <QString>

#include <functional>
#include <optional>

namespace tusk::core {

// Something worth telling about a profile file, with the line it is on.
struct ProfileIssue {
    Severity severity = Severity::Warning;
    int line = 0;
    QString message;
};

// One postgres.toml (docs/profiles.md, schema v1): [configuration], [database]
// defaults, [database.<profile>] sections and [migrations]. Holds the file's
// text; edits are minimal text edits (TomlText) and reach the disk only
// through save(), atomically and with a .bak of the previous content.
class ProfileFile {
public:
    static constexpr int currentSchemaVersion = 1;

    ProfileFile() = default;
    ProfileFile(const QString &path, ProfileScope scope);

    // Reads the file. A missing file loads as empty (exists() is false);
    // a broken one fails with "file:line:column: message" and stays broken:
    // nothing will write it.
    bool load(QString *error);
    // Takes text instead of the disk's content (tests, and the GUI's editor).
    void setText(const QByteArray &utf8);

    const QString &path() const { return m_path; }
    ProfileScope scope() const { return m_scope; }
    bool exists() const { return m_exists; }
    bool isBroken() const { return !m_toml.isValid(); }
    QString parseErrorText() const;
    const TomlText &toml() const { return m_toml; }
    // How a missing pg_bin_path is found when this file writes one (a new
    // file, a migration): PgBinPath::detect by default, which waits for
    // pg_config; the window gives a detector that never waits.
    using BinPathDetector = std::function<QString()>;
    void setBinPathDetector(BinPathDetector detector) { m_detectBinPath = std::move(detector); }
    bool isModified() const { return m_toml.text() != m_onDisk; }

    // 0 when [configuration].schema_version is missing: a pre-1 file.
    int schemaVersion() const;
    bool needsMigration() const;
    bool isNewerThanTusk() const { return schemaVersion() > currentSchemaVersion; }
    QString pgBinPath() const;
    QString defaultProfileName() const; // [configuration].default_profile (Tusk's key)
    QString migrationsPath() const; // [migrations].path
    QList<Profile> profiles() const;
    std::optional<Profile> profile(const QString &name) const;
    // Names, plaintext passwords, ports, ssl modes, schema version, bin path.
    QList<ProfileIssue> issues() const;

    // In-memory edits; each refuses with a reason and changes nothing then.
    // saveProfile writes only the keys that differ from the file (values
    // equal to the [database] defaults are not repeated); previousName
    // renames an existing profile.
    bool saveProfile(const Profile &profile, const QString &previousName, QString *error);
    bool removeProfile(const QString &name, QString *error);
    bool setSslMode(const QString &profileName, const QString &libpqMode, QString *error);
    bool setPgBinPath(const QString &folder, QString *error);
    bool setDefaultProfileName(const QString &name, QString *error);
    // Pre-1 → v1 (SchemaMigration); `changes` says what it did.
    bool migrateSchema(QStringList *changes, QString *error);

    // Writes the edits: refused when the file changed on disk since it was
    // read (nothing is lost either way), or when it is broken or newer.
    bool save(QString *error);

private:
    bool editable(QString *error) const;
    bool setConfigurationValue(const QString &key, const QString &literal, QString *error);
    QVariantMap ownValues(const QString &profileName) const;
    QVariantMap defaults() const;
    // The [database] defaults overlaid by the profile's own keys.
    QVariantMap effectiveValues(const QString &profileName, QVariantMap defaults) const;

    QString m_path;
    ProfileScope m_scope = ProfileScope::User;
    bool m_exists = false;
    QByteArray m_onDisk;
    TomlText m_toml;
    BinPathDetector m_detectBinPath;
};

} // namespace tusk::core
