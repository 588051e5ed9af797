#pragma once

#include "lintedfile.h"

#include <QByteArray>
#include <QList>

#include <memory>

namespace tusk::core {

// Turns lint results into one output format. Every reporter is linear in
// the size of what it reports (no per-finding search over the file), so a
// 5 MB migration with tens of thousands of findings reports in milliseconds.
class LintReporter {
public:
    virtual ~LintReporter() = default;
    virtual QByteArray report(const QList<LintedFile> &files, const ReportOptions &options,
        const LintEngine &engine) const = 0;

    // "text", "json", "gcc", "github", "sarif"; null for an unknown name.
    static std::unique_ptr<LintReporter> create(const QString &format);
    static QStringList formats();
};

} // namespace tusk::core
