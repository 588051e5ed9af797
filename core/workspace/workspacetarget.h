#pragma once

#include "core/pg/conninfo.h"
#include "core/profiles/profile.h"

#include <optional>

namespace tusk::core {

// Where the tools point: the database (with the password found for it),
// the profile behind it if any, how people call it, its safety flags and
// its migrations folder. A plain value; Workspace holds the current one.
struct WorkspaceTarget {
    std::optional<Profile> profile; // none for a bare connection (tests, tools)
    ConnInfo connInfo;
    QString label; // "sandbox", a profile name, "orders (production)"
    bool production = false;
    bool readOnly = false;
    QString migrationsFolder; // absolute; empty when none applies

    bool isEmpty() const { return connInfo.isEmpty(); }
    // A profile's target: `info` is its parameters with the password the
    // lookup found; the label marks a production profile.
    static WorkspaceTarget forProfile(
        const Profile &profile, const ConnInfo &info, const QString &migrationsFolder);
    // A connection with no profile behind it.
    static WorkspaceTarget forConnection(const ConnInfo &info, const QString &label);
};

} // namespace tusk::core
