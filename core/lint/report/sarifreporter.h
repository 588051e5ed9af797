#pragma once

#include "lintreporter.h"

namespace tusk::core {

// `--format sarif`: SARIF 2.1.0, the static-analysis format GitHub code
// scanning, GitLab and IDEs import; rules with their descriptions, results
// with regions, and fixes as replacements.
class SarifReporter : public LintReporter {
public:
    QByteArray report(const QList<LintedFile> &files, const ReportOptions &options,
        const LintEngine &engine) const override;
};

} // namespace tusk::core
