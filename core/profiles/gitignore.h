#pragma once

#include <QString>

class QObject;
class QProcess;

namespace tusk::core {

// docs/profiles.md keeps the project's postgres.toml out of git. Asks git itself
// whether a path is ignored (every .gitignore rule and exclude file counts)
// and appends the path to the root .gitignore when asked to.
class GitIgnore {
public:
    enum class State { Ignored, NotIgnored, Unknown };
    // Runs `git check-ignore` and waits (the command line). Unknown without git.
    static State check(const QString &projectRoot, const QString &path);
    // The same check, set up but not started, for callers that must not
    // wait (the window); stateOf() reads its exit code. Null without git.
    static QProcess *checkProcess(const QString &projectRoot, const QString &path, QObject *parent);
    static State stateOf(const QProcess &finished);
    static bool add(const QString &projectRoot, const QString &path, QString *error);
};

} // namespace tusk::core
