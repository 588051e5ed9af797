#pragma once

#include "core/pg/conninfo.h"
#include "core/workspace/workspacetarget.h"

#include <optional>

namespace tusk::app {

// The database a command works on: `--db URL`, else `--profile NAME`,
// else (when `resolveDefault`) the profile Tusk would pick here, by the
// rules of `tusk profiles resolve` (DB_URL, DB_PROFILE, the project of the
// working directory, the default profile, the sandbox). A profile's
// password comes from the keychain when one is kept there.
class CliConnection {
public:
    static std::optional<core::ConnInfo> resolve(const QString &profile, const QString &url,
        bool resolveDefault, QString *error, QString *label = nullptr);
    // The workspace target a command works on without connecting: the
    // profile named, else the one Tusk would pick here (none is fine), with
    // its migrations folder. Its parameters are left empty, so a Workspace
    // made from it opens nothing; it serves the policies (lint --fix).
    static core::WorkspaceTarget offlineTarget(const QString &profile);
    // How long a command waits for the server before giving up, so CI never
    // hangs on an unreachable one.
    static constexpr int timeLimitMs = 60'000;
};

} // namespace tusk::app
