#pragma once

#include "profile.h"

#include <optional>

namespace tusk::core {

// The sandbox (Tusk's own local server) seen as a profile named "sandbox",
// in no file. It exists once the sandbox folder holds a cluster.
class SandboxProfile {
public:
    static QString name() { return QStringLiteral("sandbox"); }
    static std::optional<Profile> find(const QString &folder);
};

} // namespace tusk::core
