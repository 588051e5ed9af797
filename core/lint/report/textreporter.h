#pragma once

#include "lintreporter.h"

namespace tusk::core {

// The default, for people: each finding with its source line underlined,
// the lock it takes and what that blocks, the online alternative, and
// whether --fix can rewrite it; then a summary. With --locks, every
// statement's locks. Linear in the output: each source line is found by
// SourceText's line index, never by scanning the file.
class TextReporter : public LintReporter {
public:
    QByteArray report(const QList<LintedFile> &files, const ReportOptions &options,
        const LintEngine &engine) const override;
};

} // namespace tusk::core
