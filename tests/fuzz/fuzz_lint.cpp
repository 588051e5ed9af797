// libFuzzer entry: any bytes are a script. Splitting, parsing, every rule,
// the PL/pgSQL bodies, fixes and the reporters must come back with findings
// or errors, never crash, overflow or hang.

#include "core/lint/fixapplier.h"
#include "core/lint/lintengine.h"
#include "core/lint/report/lintreporter.h"

#include <cstddef>
#include <cstdint>

using namespace tusk::core;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const LintEngine engine;
    static const std::unique_ptr<LintReporter> json = LintReporter::create(QStringLiteral("json"));
    static const std::unique_ptr<LintReporter> text = LintReporter::create(QStringLiteral("text"));
    const QByteArray script(reinterpret_cast<const char *>(data), qsizetype(size));
    LintOptions options;
    // One byte of the input picks the options, so both paths are explored.
    options.assumeInTransaction = size > 0 && (data[0] & 1);
    options.serverVersion = size > 0 && (data[0] & 2) ? 110000 : 150000;
    LintedFile file;
    file.path = QStringLiteral("fuzz.sql");
    auto parsed = std::make_shared<const ParsedScript>(script);
    file.result = engine.lint(*parsed, options);
    file.script = parsed;
    const QList<LintedFile> files {file};
    json->report(files, {true, {}}, engine);
    text->report(files, {true, {}}, engine);
    FixApplier::apply(script, file.result.findings);
    return 0;
}
