#pragma once

#include <QString>

namespace tusk::app {

struct ProfilesContext;

// `tusk profiles save NAME [--url URL] [--to user|project] [--password
// keychain|file|none]`: a one-off connection (DB_URL by default) kept as a
// profile. DB_URL is never saved unless asked; this is the asking. The
// URL's password goes to the keychain by default, into the file only when
// `--password file` says so.
class SaveUrlAction {
public:
    static int run(ProfilesContext &c, const QString &name, const QString &url,
        const QString &target, const QString &passwordChoice);
};

} // namespace tusk::app
