#pragma once

#include "profileresolution.h"

#include <QProcessEnvironment>

namespace tusk::core {

class ProfileStore;

// The choice of a profile (docs/profiles.md), in order: DB_URL (one-off), DB_PROFILE,
// the profile whose `project` matches the working directory (the deepest
// match wins in a monorepo), the single profile without `project`, the
// default profile when it exists, the sandbox when there are no profiles at
// all; else unresolved, with the candidates. While a profile file cannot
// be read, only DB_URL and DB_PROFILE choose: the auto-pick stops.
class ProfileResolver {
public:
    static ProfileResolution resolve(
        const ProfileStore &store, const QProcessEnvironment &environment, bool sandboxAvailable);
    // How deep `project` matches the working directory below the project
    // root: -1 for no match, 0 for the root itself, n for n folders down.
    // "services/api" matches by path from the root; a bare name ("api")
    // also matches a folder of that name at any depth.
    static int matchDepth(
        const QString &project, const QString &projectRoot, const QString &workingDir);
};

} // namespace tusk::core
