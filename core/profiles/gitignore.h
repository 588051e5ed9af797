#pragma once

#include <QString>

namespace tusk::core {

// Seed 002 keeps the project's postgres.toml out of git. Asks git itself
// whether a path is ignored (every .gitignore rule and exclude file counts)
// and appends the path to the root .gitignore when asked to.
class GitIgnore {
public:
    enum class State { Ignored, NotIgnored, Unknown };
    // Runs `git check-ignore` (local, quick). Unknown without git.
    static State check(const QString &projectRoot, const QString &path);
    static bool add(const QString &projectRoot, const QString &path, QString *error);
};

} // namespace tusk::core
