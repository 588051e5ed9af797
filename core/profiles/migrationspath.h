#pragma once

#include <QString>

namespace tusk::core {

class ProfileStore;
struct Profile;

// Where a profile's migrations live (docs/profiles.md), in order:
// [database.<profile>].migrations_path, [migrations].path (project file,
// then user file), DB_MIGRATIONS_PATH in the project's AGENTS.md, then
// db/migrations. Relative paths are relative to the project root.
struct MigrationsPath {
    QString path; // absolute
    QString source; // "profile", "[migrations].path", "AGENTS.md", "default"
    bool exists = false;

    static MigrationsPath resolve(const ProfileStore &store, const Profile *profile);
    // DB_MIGRATIONS_PATH from an AGENTS.md text ("DB_MIGRATIONS_PATH=db/m",
    // "`DB_MIGRATIONS_PATH`: db/m", …); empty when it names none.
    static QString fromAgentsText(const QString &text);
};

} // namespace tusk::core
