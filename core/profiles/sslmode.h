#pragma once

#include <QString>
#include <QVariant>

#include <optional>

namespace tusk::core {

// sslmode in postgres.toml. postgres.toml writes a boolean (false = no TLS,
// true = TLS required); Tusk also takes every libpq mode by name, so
// verify-full with a root certificate can be expressed.
class SslMode {
public:
    // libpq's spelling for a TOML value: false → disable, true → require,
    // a mode name (any case) → that mode; "true"/"no"/"off"… as text (how
    // pre-1 files spelled it) → the boolean's mode. nullopt when the value
    // means nothing.
    static std::optional<QString> toLibpq(const QVariant &tomlValue);
    // The TOML literal schema v1 writes for a value: booleans for the two
    // boolean-like forms, lower-case names for the other modes. Empty when
    // the value means nothing.
    static QString normalizedLiteral(const QVariant &tomlValue);
    // The mode to retry with after a failed connection (docs/profiles.md's ssl
    // fallback), or empty when there is none: only disable goes on to
    // require; nothing goes below what the profile asked (require and the
    // verified modes), and prefer/allow already try both.
    static QString fallbackFor(const QString &libpqMode);
    // The literal to write for `libpqMode`, in the style of the value the
    // file had (boolean unless the file spelled a mode name).
    static QString literalFor(const QString &libpqMode, const QVariant &previousValue);
    static bool isKnownMode(const QString &libpqMode);
};

} // namespace tusk::core
