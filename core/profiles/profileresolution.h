#pragma once

#include "profile.h"

#include <QStringList>

#include <optional>

namespace tusk::core {

// Which profile a working directory and environment lead to, and why.
struct ProfileResolution {
    enum class Source {
        DbUrl, // DB_URL: a one-off connection
        DbProfile, // DB_PROFILE named it
        ProjectMatch, // its `project` matches the working directory
        SingleGlobal, // the only profile without `project`
        DefaultProfile, // [configuration].default_profile, or "local"
        Sandbox, // no profiles at all: Tusk's own local server
        Unresolved, // the user has to choose (GUI) or set DB_PROFILE (CLI)
    };

    Source source = Source::Unresolved;
    std::optional<Profile> profile;
    QString reason; // one sentence for people
    QStringList candidates; // when unresolved: the names to choose from

    bool isResolved() const { return source != Source::Unresolved; }
    static QString sourceName(Source source);
};

} // namespace tusk::core
