#pragma once

#include "core/lint/finding.h"
#include "core/lint/rule.h"

#include <QByteArray>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

namespace tusk::test {

// One golden lint case, tests/lint/cases/<rule>/<name>.sql (format in
// tests/lint/README.md): the SQL, the options from its `-- tusk-test:` line,
// the setup SQL of a catalog case, and the expected findings from its
// `-- expect: id[, id]` comments (each on the line where the finding starts).
struct LintCaseFile {
    QString path;
    QString rule; // the folder's name
    QByteArray sql;
    tusk::core::LintOptions options;
    bool needsCatalog = false;
    bool targetSizes = false; // the catalog's sizes are the target's (`target-sizes`)
    QStringList setup; // SQL run on the throwaway server before a catalog case
    QList<QPair<int, QString>> expected; // (line, rule), sorted
    QByteArray fixed; // contents of <name>.fixed.sql, when present
    bool hasFixed = false;

    // The rules this case speaks for: its folder's and every expected one.
    QSet<QString> checkedRules() const;
    // (line, rule) of the findings of checkedRules(), sorted, to compare with
    // `expected`.
    QList<QPair<int, QString>> actual(const QList<tusk::core::Finding> &findings) const;
    // The script with the fixes of the checked rules' findings applied, as
    // FixApplier does (overlapping ones left out).
    QByteArray applyFixes(const QList<tusk::core::Finding> &findings) const;
    // The whole of each checked finding (span, severity, rule, message,
    // lock, note, alternative, fix edits) as text, in script order, for the
    // golden file <name>.expected beside the case.
    QByteArray describeFindings(const QList<tusk::core::Finding> &findings) const;
    QString expectedPath() const;

    static LintCaseFile read(const QString &path);
    // Every case under `root`, sorted by path.
    static QList<LintCaseFile> readAll(const QString &root);
    static QString describe(const QList<QPair<int, QString>> &lines);
};

} // namespace tusk::test
