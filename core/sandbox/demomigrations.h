#pragma once

#include <QString>

namespace tusk::core {

// The sandbox's demo migrations folder: a prerelease.sql full of
// statements a reviewer should stop at, a released folder and a
// CHANGELOG.md (docs/migrations-folder.md), copied next to the sandbox's server
// so the editor has a migration to lint against the demo database. The
// sandbox profile uses it when the project has no migrations folder.
class DemoMigrations {
public:
    // <sandbox folder>/migrations
    static QString folderFor(const QString &sandboxFolder);
    // Copies the files in unless the folder exists (edits are kept);
    // false with `error` set when it cannot be written.
    static bool install(const QString &sandboxFolder, QString *error);
};

} // namespace tusk::core
