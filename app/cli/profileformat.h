#pragma once

#include "core/profiles/migrationspath.h"
#include "core/profiles/profile.h"
#include "core/profiles/profileresolution.h"

#include <QJsonObject>
#include <QString>

namespace tusk::app {

// How `tusk profiles` prints a profile: JSON for scripts, text for people.
// Neither ever holds a password, only where one comes from.
class ProfileFormat {
public:
    static QString scopeName(core::ProfileScope scope);
    // "toml (plain text)", "~/.pgpass", "none stored …"; `keychain` names
    // the keychain when it was asked and holds the password.
    static QString passwordSource(const core::Profile &profile, const QString &keychain = {});
    static QJsonObject toJson(const core::Profile &profile, const QString &keychain = {});
    static QJsonObject toJson(const core::MigrationsPath &migrations);
    static QJsonObject toJson(const core::ProfileResolution &resolution);
    // One line for `list`: name, where it points, where it is defined.
    static QString listLine(const core::Profile &profile, bool chosen);
    // The block `show` prints.
    static QString details(const core::Profile &profile, const core::MigrationsPath &migrations,
        const QString &keychain = {});
};

} // namespace tusk::app
