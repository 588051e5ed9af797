#pragma once

#include "core/lint/schemafacts.h"

#include <optional>

namespace tusk::app {

// The catalog for `tusk lint --profile NAME | --db URL`: the profile is
// found as `tusk profiles` finds it (with its password from the keychain
// when one is kept there), the catalog read on a connection of its own,
// with a time limit so CI never hangs on an unreachable server.
class SchemaFactsSource {
public:
    static std::optional<core::SchemaFacts> load(
        const QString &profile, const QString &url, QString *error);
};

} // namespace tusk::app
