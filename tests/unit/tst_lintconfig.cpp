// The lint settings a team commits (.tusk-lint.toml) over the user's
// (~/.config/tusk/lint.toml): read, written back the same, laid over each
// other, and applied to a real lint run.

#include "core/lint/lintconfig.h"
#include "core/lint/lintengine.h"
#include "core/sql/parsedscript.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace tusk::core;

namespace {
void write(const QString &path, const QByteArray &text)
{
    QDir().mkpath(QFileInfo(path).path());
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(text) != text.size())
        qFatal("cannot write %s", qPrintable(path));
}
} // namespace

class TestLintConfig : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void readsWritesAndRoundTrips();
    void brokenFilesSayWhere();
    void theProjectFileWinsOverTheUsers();
    void appliesToALintRun();

private:
    QTemporaryDir m_home;
};

void TestLintConfig::initTestCase()
{
    qputenv("XDG_CONFIG_HOME", m_home.filePath(QStringLiteral("config")).toUtf8());
    QCOMPARE(LintConfig::userPath(), m_home.filePath(QStringLiteral("config/tusk/lint.toml")));
}

void TestLintConfig::readsWritesAndRoundTrips()
{
    QString error;
    const auto config = LintConfig::parse("[rules]\nban-drop-column = \"off\"\n"
                                          "require-lock-timeout = \"error\"\n",
        QStringLiteral("t.toml"), &error);
    QVERIFY2(config, qPrintable(error));
    QCOMPARE(config->rules.size(), 2);
    QVERIFY(!config->rules.value(QStringLiteral("ban-drop-column")).has_value());
    QCOMPARE(config->rules.value(QStringLiteral("require-lock-timeout")), Severity::Error);
    const auto again = LintConfig::parse(config->toToml(), QStringLiteral("again"), &error);
    QVERIFY2(again, qPrintable(error));
    QCOMPARE(again->rules, config->rules);
    QCOMPARE(again->toToml(), config->toToml());
    // No file is no settings, not an error.
    const auto missing = LintConfig::read(m_home.filePath(QStringLiteral("nope.toml")), &error);
    QVERIFY(missing && missing->isEmpty());
    QCOMPARE(config->unknownRules({QStringLiteral("ban-drop-column")}),
        QStringList({QStringLiteral("require-lock-timeout")}));
    // Keys TOML must quote come back as they went.
    LintConfig odd;
    odd.rules.insert(QStringLiteral("a\"b"), Severity::Info);
    odd.rules.insert(QStringLiteral("x.y"), std::nullopt);
    const auto oddAgain = LintConfig::parse(odd.toToml(), QStringLiteral("odd"), &error);
    QVERIFY2(oddAgain, qPrintable(error + QString::fromUtf8(odd.toToml())));
    QCOMPARE(oddAgain->rules, odd.rules);
}

void TestLintConfig::brokenFilesSayWhere()
{
    QString error;
    QVERIFY(!LintConfig::parse("[rules\n", QStringLiteral("a.toml"), &error));
    QVERIFY2(error.startsWith(QLatin1String("a.toml:1: ")), qPrintable(error));
    QVERIFY(!LintConfig::parse("[rules]\n\nx = \"loud\"\n", QStringLiteral("b.toml"), &error));
    QVERIFY2(error.startsWith(QLatin1String("b.toml:3: x = must be")), qPrintable(error));
    QVERIFY(!LintConfig::parse("rules = 3\n", QStringLiteral("c.toml"), &error));
    QVERIFY2(error.contains(QLatin1String("[rules] must be a table")), qPrintable(error));
}

void TestLintConfig::theProjectFileWinsOverTheUsers()
{
    write(LintConfig::userPath(),
        "[rules]\nprefer-robust-stmts = \"off\"\nrequire-lock-timeout = \"info\"\n");
    const QString project = m_home.filePath(QStringLiteral("project"));
    write(LintConfig::projectPath(project), "[rules]\nrequire-lock-timeout = \"error\"\n");
    QStringList errors;
    const LintConfig effective = LintConfig::effective(project, &errors);
    QVERIFY(errors.isEmpty());
    QCOMPARE(effective.rules.value(QStringLiteral("require-lock-timeout")), Severity::Error);
    QVERIFY(effective.rules.contains(QStringLiteral("prefer-robust-stmts")));
    QVERIFY(!effective.rules.value(QStringLiteral("prefer-robust-stmts")).has_value());
    // A broken project file is reported and leaves the user's settings.
    write(LintConfig::projectPath(project), "[rules]\nx = 1\n");
    const LintConfig fallback = LintConfig::effective(project, &errors);
    QCOMPARE(errors.size(), 1);
    QCOMPARE(fallback.rules.value(QStringLiteral("require-lock-timeout")), Severity::Info);
    QFile::remove(LintConfig::userPath());
}

void TestLintConfig::appliesToALintRun()
{
    const QByteArray sql = "CREATE INDEX orders_customer ON orders (customer_id);\n";
    const ParsedScript script(sql);
    const LintEngine engine;
    LintOptions options;
    const LintResult plain = engine.lint(script, options);
    const auto find = [](const LintResult &r, const char *rule) -> const Finding * {
        for (const Finding &f : r.findings)
            if (f.rule == QLatin1String(rule))
                return &f;
        return nullptr;
    };
    QVERIFY(find(plain, "prefer-robust-stmts"));
    QCOMPARE(find(plain, "require-concurrent-index-creation")->severity, Severity::Warning);

    LintConfig config;
    config.rules.insert(QStringLiteral("prefer-robust-stmts"), std::nullopt);
    config.rules.insert(QStringLiteral("require-concurrent-index-creation"), Severity::Error);
    // The former id the docs' example uses stands for both timeout rules.
    config.rules.insert(QStringLiteral("require-timeout-settings"), std::nullopt);
    QVERIFY(config.unknownRules(QStringList(engine.knownIds().begin(), engine.knownIds().end()))
                .isEmpty());
    config.applyTo(options);
    const LintResult tuned = engine.lint(script, options);
    QVERIFY(!find(tuned, "require-lock-timeout"));
    QVERIFY(!find(tuned, "require-statement-timeout"));
    QVERIFY(!find(tuned, "prefer-robust-stmts"));
    QCOMPARE(find(tuned, "require-concurrent-index-creation")->severity, Severity::Error);
    QCOMPARE(tuned.findings.size(), plain.findings.size() - 3);
}

QTEST_GUILESS_MAIN(TestLintConfig)
#include "tst_lintconfig.moc"
