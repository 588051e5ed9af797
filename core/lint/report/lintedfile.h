#pragma once

#include "core/lint/lintengine.h"

#include <QString>

#include <memory>

namespace tusk::core {

// One file as the reporters see it: its path, its parsed script (for source
// lines), the lint result, or why it could not be read.
struct LintedFile {
    QString path; // as given on the command line; "-" → "<stdin>"
    std::shared_ptr<const ParsedScript> script; // null when unreadable
    LintResult result;
    QString error; // "cannot read …" when the file could not be linted

    bool ok() const { return error.isEmpty() && script; }
};

struct ReportOptions {
    bool showLocks = false; // --locks: each statement's locks as well
    QString toolVersion; // for SARIF's driver
};

} // namespace tusk::core
