#include "lintreporter.h"

#include "gccreporter.h"
#include "githubreporter.h"
#include "jsonreporter.h"
#include "sarifreporter.h"
#include "textreporter.h"

namespace tusk::core {

std::unique_ptr<LintReporter> LintReporter::create(const QString &format)
{
    if (format == QLatin1String("text"))
        return std::make_unique<TextReporter>();
    if (format == QLatin1String("json"))
        return std::make_unique<JsonReporter>();
    if (format == QLatin1String("gcc"))
        return std::make_unique<GccReporter>();
    if (format == QLatin1String("github"))
        return std::make_unique<GithubReporter>();
    if (format == QLatin1String("sarif"))
        return std::make_unique<SarifReporter>();
    return nullptr;
}

void LintReporter::write(const QList<LintedFile> &files, const ReportOptions &options,
    const LintEngine &engine, const Sink &sink) const
{
    sink(report(files, options, engine));
}

QStringList LintReporter::formats()
{
    return {QStringLiteral("text"), QStringLiteral("json"), QStringLiteral("gcc"),
        QStringLiteral("github"), QStringLiteral("sarif")};
}

} // namespace tusk::core
