#pragma once

#include "lintedfile.h"

#include <QByteArray>
#include <QList>

#include <functional>
#include <memory>

namespace tusk::core {

// Turns lint results into one output format. Every reporter is linear in
// the size of what it reports (no per-finding search over the file), so a
// 5 MB migration with tens of thousands of findings reports in milliseconds.
class LintReporter {
public:
    // Receives the report in pieces, in order.
    using Sink = std::function<void(const QByteArray &piece)>;

    virtual ~LintReporter() = default;
    virtual QByteArray report(const QList<LintedFile> &files, const ReportOptions &options,
        const LintEngine &engine) const = 0;
    // The report written as it is made, so a big one is never whole in
    // memory; the default hands over report() in one piece.
    virtual void write(const QList<LintedFile> &files, const ReportOptions &options,
        const LintEngine &engine, const Sink &sink) const;

    // "text", "json", "gcc", "github", "sarif"; null for an unknown name.
    static std::unique_ptr<LintReporter> create(const QString &format);
    static QStringList formats();
};

} // namespace tusk::core
