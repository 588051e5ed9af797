#pragma once

#include "profile.h"

namespace tusk::core {

// Where the password for a profile's connection comes from, decided the way
// libpq would, before any keychain is asked. The keychain is the caller's
// next step when `needsLookup()`: its answer is asynchronous.
struct PasswordSource {
    enum class Kind {
        ProfileFile, // `password` in postgres.toml: works, flagged as plain text
        Url, // the password inside DB_URL / --db
        NotNeeded, // the sandbox trusts its owner on the socket
        PassFile, // ~/.pgpass or $PGPASSFILE has a matching line
        Nothing, // none stored: the keychain, then a prompt
    };
    Kind kind = Kind::Nothing;
    QString passFile; // the .pgpass path libpq reads
    QString passFileProblem; // why libpq would skip it (mode), when it exists

    static PasswordSource of(const Profile &profile);
    bool needsLookup() const { return kind == Kind::Nothing; }
};

} // namespace tusk::core
