// The golden lint cases of tests/lint/cases: each file's findings (of its
// folder's rule and of the rules it expects) must start on exactly the
// lines its `-- expect:` comments name, match <name>.expected whole
// (severity, span, message, lock, note, alternative, fix edits), and its
// fixes must produce its .fixed.sql. Every rule needs a case where it fires and one where it stays
// silent. Catalog cases run against a live server in tst_lintcatalog.

#include "goldenfile.h"
#include "lintcasefile.h"

#include "core/lint/lintengine.h"

#include <QDir>
#include <QTest>

using namespace tusk::core;
using tusk::test::GoldenFile;
using tusk::test::LintCaseFile;

class TestLintCases : public QObject {
    Q_OBJECT
private slots:
    void cases_data();
    void cases();
    void everyRuleFiresAndStaysSilent();

private:
    const LintEngine m_engine;
};

void TestLintCases::cases_data()
{
    QTest::addColumn<QString>("path");
    for (const LintCaseFile &c : LintCaseFile::readAll(QStringLiteral(TUSK_LINT_CASES))) {
        if (!c.needsCatalog)
            QTest::newRow(
                qPrintable(QDir(QStringLiteral(TUSK_LINT_CASES)).relativeFilePath(c.path)))
                << c.path;
    }
}

void TestLintCases::cases()
{
    QFETCH(QString, path);
    const LintCaseFile c = LintCaseFile::read(path);
    QVERIFY2(m_engine.rule(c.rule) || c.rule == QLatin1String("syntax-error"),
        qPrintable(QStringLiteral("folder %1 names no rule").arg(c.rule)));
    const ParsedScript script(c.sql);
    const LintResult result = m_engine.lint(script, c.options);
    const auto actual = c.actual(result.findings);
    QVERIFY2(actual == c.expected,
        qPrintable(QStringLiteral("expected %1\n   found %2")
                       .arg(LintCaseFile::describe(c.expected), LintCaseFile::describe(actual))));
    if (c.hasFixed)
        QCOMPARE(QString::fromUtf8(c.applyFixes(result.findings)), QString::fromUtf8(c.fixed));
    // The whole of each finding, not only its rule and line.
    const QString golden =
        GoldenFile::compare(c.expectedPath(), c.describeFindings(result.findings));
    QVERIFY2(golden.isEmpty(), qPrintable(golden));
}

void TestLintCases::everyRuleFiresAndStaysSilent()
{
    const QList<LintCaseFile> all = LintCaseFile::readAll(QStringLiteral(TUSK_LINT_CASES));
    QStringList missing;
    for (const auto &rule : m_engine.rules()) {
        const QString id = rule->info().id;
        bool fires = false;
        bool silent = false;
        for (const LintCaseFile &c : all) {
            if (c.rule != id)
                continue;
            const bool expects = std::any_of(c.expected.begin(), c.expected.end(),
                [&](const auto &e) { return e.second == id; });
            (expects ? fires : silent) = true;
        }
        if (!fires || !silent)
            missing << QStringLiteral("%1 (%2)").arg(id,
                !fires ? QStringLiteral("no case where it fires")
                       : QStringLiteral("no case where it stays silent"));
    }
    QVERIFY2(missing.isEmpty(), qPrintable(missing.join(QStringLiteral("; "))));
}

QTEST_GUILESS_MAIN(TestLintCases)
#include "tst_lintcases.moc"
