#pragma once

#include <QString>

namespace tusk::core {

// Where the two profile files live (docs/profiles.md): the project's
// <root>/.skills/postgres/postgres.toml, the root being the nearest folder
// at or above the working directory that holds .git, and the user's
// $XDG_CONFIG_HOME/tusk/postgres.toml.
class ProjectLocator {
public:
    // Empty when no ancestor holds .git.
    static QString findProjectRoot(const QString &workingDir);
    static QString projectFile(const QString &projectRoot);
    static QString userFile();
};

} // namespace tusk::core
