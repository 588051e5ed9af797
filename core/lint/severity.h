#pragma once

#include <QString>

#include <optional>

namespace tusk::core {

// How bad a finding is. Ordered: a `--fail-on` level catches itself and
// everything above it.
enum class Severity { Info, Warning, Error };

QString severityName(Severity severity);
std::optional<Severity> severityFromName(const QString &name);

} // namespace tusk::core
