#pragma once

#include "profiles/profileresolution.h"
#include "profiles/profilestore.h"

#include <optional>

namespace tusk::core {
class SecretStore;
}

namespace tusk::app {

// What every `tusk profiles` action shares: the two files, the sandbox, the
// keychain and the options.
struct ProfilesContext {
    core::ProfileStore store;
    QString sandboxFolder;
    core::SecretStore *secrets = nullptr;
    bool json = false;
    bool yes = false;

    std::optional<core::Profile> sandbox() const;
    // Both files' profiles, then the sandbox unless a file names one so.
    QList<core::Profile> allProfiles() const;
    core::ProfileResolution resolve() const;
    std::optional<core::Profile> find(const QString &name) const;
    // The project file (when inside a project), then the user file.
    QList<core::ProfileFile *> files();
    // "user" or "project"; nullptr (with *error) when there is no project.
    core::ProfileFile *fileNamed(const QString &target, QString *error);
};

} // namespace tusk::app
