#pragma once

#include <QString>

#include <optional>

namespace tusk::core {

// How bad a finding is, for every kind of finding Tusk makes (lint,
// health, plan insights, profile file problems). Ordered: a `--fail-on`
// level catches itself and everything above it. Each face words the levels
// in its own vocabulary where its peers do (a plan's Error is "critical",
// a profile file's Info a "note"); severityName() is the lint and health one.
enum class Severity { Info, Warning, Error };

QString severityName(Severity severity);
std::optional<Severity> severityFromName(const QString &name);

} // namespace tusk::core
