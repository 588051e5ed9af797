#pragma once

#include <QString>
#include <QStringList>

namespace tusk::core {

// The rule of docs/migrations-folder.md: inside a migrations folder, a file
// or folder whose name ends in "released" (any case), and everything below
// it, is history that Tusk never writes. Symbolic links are resolved, so a
// link cannot smuggle a write into a released folder, nor a released folder
// out of the migrations folder.
class ReleasedMigrations {
public:
    // True when `path` lies inside `migrationsFolder` and its own name, or
    // the name of a folder between it and migrationsFolder, ends in
    // "released". An empty migrationsFolder protects nothing.
    static bool contains(const QString &path, const QString &migrationsFolder);
    // The same against several folders (the CLI does not always know which
    // one is the migrations folder, so it names every candidate).
    static bool containsAny(const QString &path, const QStringList &migrationsFolders);
    // `path` with every existing part's symbolic links resolved; the parts
    // that do not exist yet (a file about to be created) are appended as
    // they are.
    static QString resolved(const QString &path);
};

} // namespace tusk::core
