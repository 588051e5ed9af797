#pragma once

#include "lintreporter.h"

namespace tusk::core {

// `--format gcc`: one line per finding, `path:line:column: severity: message
// [rule]`, as compilers print them (editors and CI annotators read it).
class GccReporter : public LintReporter {
public:
    QByteArray report(const QList<LintedFile> &files, const ReportOptions &options,
        const LintEngine &engine) const override;
};

} // namespace tusk::core
