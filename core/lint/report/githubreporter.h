#pragma once

#include "lintreporter.h"

namespace tusk::core {

// `--format github`: GitHub Actions workflow commands
// (`::warning file=…,line=…::message`), which the Actions runner turns into
// annotations on the pull request's diff.
class GithubReporter : public LintReporter {
public:
    QByteArray report(const QList<LintedFile> &files, const ReportOptions &options,
        const LintEngine &engine) const override;
};

} // namespace tusk::core
