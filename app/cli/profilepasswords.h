#pragma once

#include "core/profiles/profile.h"
#include "core/profiles/secretstore.h"

#include <functional>

namespace tusk::app {

struct ProfilesContext;

// The keychain from the command line: `tusk profiles password NAME
// [--forget]`, and the lookup `test` and `show` make when neither the file
// nor ~/.pgpass holds a password. The command line may wait: it has no
// window to keep alive, so each keychain call runs a local event loop.
class ProfilePasswords {
public:
    // Reads a password (no echo at a terminal; one line from a pipe) and
    // stores it for the profile's server and role, or removes it.
    static int set(ProfilesContext &c, const QString &name, bool forget);
    // The keychain's password for this profile, or empty. `note` says what
    // happened when something other than "not found" did.
    static QString lookup(ProfilesContext &c, const core::Profile &profile, QString *note);
    // One keychain call, waited for (at most 30 s: a keychain that wants to
    // show an unlock prompt nobody can see should not hang a script).
    static core::SecretResult wait(
        const std::function<void(QObject *context, core::SecretStore::Reply reply)> &call);
    // A line from stdin; without echo when stdin is a terminal.
    static QString readSecret(const QString &prompt);
};

} // namespace tusk::app
