#pragma once

#include "core/lint/report/lintedfile.h"

#include <QStringList>

#include <optional>

namespace tusk::app {

// The files of one `tusk lint` run: read (a folder means its *.sql files,
// sorted; "-" means stdin), linted, and, with --fix, rewritten in place
// atomically and linted again so the report shows what is left.
class LintFiles {
public:
    LintFiles(const core::LintEngine &engine, const core::LintOptions &options,
        const core::SchemaFacts *catalog);

    void lintAll(const QStringList &paths);
    // Folders whose released parts --fix never writes (UserFileWriter).
    void setMigrationsFolders(const QStringList &folders) { m_migrationsFolders = folders; }
    // Writes each file's fixes (stdin's go to fixedStdin()). False when a
    // file could not be written; the message is on stderr and the file is
    // unchanged. A released migration is left as it is, with a note on
    // stderr: that is the rule, not a failure.
    bool applyFixes();

    const QList<core::LintedFile> &files() const { return m_files; }
    bool anyUnreadable() const;
    std::optional<core::Severity> worstSeverity() const;
    const std::optional<QByteArray> &fixedStdin() const { return m_fixedStdin; }

private:
    core::LintedFile lint(const QString &path, QByteArray bytes) const;
    QStringList expand(const QString &path, QString *error) const;

    const core::LintEngine &m_engine;
    core::LintOptions m_options;
    const core::SchemaFacts *m_catalog;
    QList<core::LintedFile> m_files;
    std::optional<QByteArray> m_fixedStdin;
    QStringList m_migrationsFolders;
};

} // namespace tusk::app
