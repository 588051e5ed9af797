#pragma once

#include "core/profiles/passwordkeeper.h"
#include "core/profiles/profileregistry.h"

namespace tusk::app {

// What every `tusk profiles` action shares: core's core::ProfileRegistry (the
// same one the window reads, with its password keeper) and the options.
struct ProfilesContext {
    // The working directory's files (projectRoot overrides the .git
    // search) and the sandbox in `sandboxFolder`.
    explicit ProfilesContext(const QString &sandboxFolder, const QString &projectRoot = {});

    core::ProfileRegistry profiles;
    bool json = false;
    bool yes = false;
};

} // namespace tusk::app
