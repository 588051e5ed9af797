#include "lintfiles.h"

#include "console.h"

#include "core/files/releasedmigrations.h"
#include "core/files/userfilewriter.h"
#include "core/lint/fixapplier.h"

#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>

namespace tusk::app {

using namespace tusk::core;

namespace {
const QString stdinName = QStringLiteral("<stdin>");
}

LintFiles::LintFiles(
    const LintEngine &engine, const LintOptions &options, const SchemaFacts *catalog)
    : m_engine(engine)
    , m_options(options)
    , m_catalog(catalog)
{
}

QStringList LintFiles::expand(const QString &path, QString *error) const
{
    const QFileInfo info(path);
    if (!info.isDir())
        return {path};
    QStringList found;
    QDirIterator it(path, {QStringLiteral("*.sql")}, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext())
        found << it.next();
    found.sort();
    if (found.isEmpty())
        *error = QStringLiteral("no .sql files in this folder");
    return found;
}

LintedFile LintFiles::lint(const QString &path, QByteArray bytes) const
{
    LintedFile file;
    file.path = path;
    QElapsedTimer timer;
    timer.start();
    auto script = std::make_shared<const ParsedScript>(std::move(bytes));
    const qint64 parsed = timer.nsecsElapsed();
    file.result = m_engine.lint(*script, m_options, m_catalog);
    // TUSK_LINT_TIMING=1 prints where the time goes (docs/performance.md).
    static const bool timing = qEnvironmentVariableIsSet("TUSK_LINT_TIMING");
    if (timing)
        err() << path << ": parse " << parsed / 1000000 << " ms, rules "
              << (timer.nsecsElapsed() - parsed) / 1000000 << " ms\n";
    file.script = std::move(script);
    return file;
}

void LintFiles::lintAll(const QStringList &paths)
{
    for (const QString &given : paths) {
        if (given == QLatin1String("-")) {
            QFile in;
            if (!in.open(stdin, QIODevice::ReadOnly)) {
                m_files << LintedFile {stdinName, nullptr, {}, QStringLiteral("cannot read stdin")};
                continue;
            }
            m_files << lint(stdinName, in.readAll());
            continue;
        }
        QString error;
        const QStringList expanded = expand(given, &error);
        if (!error.isEmpty())
            m_files << LintedFile {given, nullptr, {}, error};
        for (const QString &path : expanded) {
            QFile file(path);
            if (!file.open(QIODevice::ReadOnly)) {
                m_files << LintedFile {path, nullptr, {},
                    QStringLiteral("cannot read the file: %1").arg(file.errorString())};
                continue;
            }
            m_files << lint(path, file.readAll());
        }
    }
}

bool LintFiles::applyFixes()
{
    // Fixes that touch the same spot (CONCURRENTLY and IF NOT EXISTS both
    // after CREATE INDEX) cannot go in one pass: apply what does not
    // overlap, lint again, repeat, as eslint does.
    constexpr int kMaxPasses = 5;
    bool ok = true;
    for (LintedFile &file : m_files) {
        if (!file.ok())
            continue;
        if (file.path != stdinName
            && ReleasedMigrations::containsAny(file.path, m_migrationsFolders)) {
            if (!file.result.findings.isEmpty())
                err() << file.path << ": a released migration, never rewritten: fixes not "
                      << "applied\n";
            continue;
        }
        const QByteArray original = file.script->source().bytes();
        int applied = 0;
        for (int pass = 0; pass < kMaxPasses; ++pass) {
            const FixOutcome outcome =
                FixApplier::apply(file.script->source().bytes(), file.result.findings);
            if (outcome.applied == 0)
                break;
            applied += outcome.applied;
            file = lint(file.path, outcome.text);
        }
        if (file.path == stdinName) {
            m_fixedStdin = file.script->source().bytes();
            continue;
        }
        if (applied == 0)
            continue;
        UserFileWriter::Options options;
        options.migrationsFolders = m_migrationsFolders;
        if (const FileWriteError error =
                UserFileWriter::writeFile(file.path, file.script->source().bytes(), options);
            !error.isNull()) {
            err() << "tusk lint: " << file.path << ": cannot write the fixes: " << error.message
                  << '\n';
            file = lint(file.path, original); // report on what is really on disk
            ok = false;
            continue;
        }
        err() << file.path << ": " << applied << (applied == 1 ? " fix" : " fixes") << " applied\n";
    }
    return ok;
}

bool LintFiles::anyUnreadable() const
{
    return std::any_of(m_files.begin(), m_files.end(), [](const LintedFile &f) { return !f.ok(); });
}

std::optional<Severity> LintFiles::worstSeverity() const
{
    std::optional<Severity> worst;
    for (const LintedFile &file : m_files) {
        for (const Finding &f : file.result.findings) {
            if (!worst || f.severity > *worst)
                worst = f.severity;
        }
    }
    return worst;
}

} // namespace tusk::app
