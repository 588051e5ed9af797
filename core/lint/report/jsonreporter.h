#pragma once

#include "lintreporter.h"

namespace tusk::core {

// `--format json`: {"files":[{"path", "statements", "findings":[{"rule",
// "severity", "line", "column", "end_line", "end_column", "statement",
// "message", "lock", "fix", …}]}], "summary":{…}, "rules":{id:{"summary",
// "explanation", "alternative"}}}. Lines, columns and statements count from
// 1; "fix" is null or the list of edits. A rule's texts are written once,
// under "rules", not with each of its (maybe 60,000) findings.
class JsonReporter : public LintReporter {
public:
    QByteArray report(const QList<LintedFile> &files, const ReportOptions &options,
        const LintEngine &engine) const override;
    void write(const QList<LintedFile> &files, const ReportOptions &options,
        const LintEngine &engine, const Sink &sink) const override;
};

} // namespace tusk::core
