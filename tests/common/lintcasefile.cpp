#include "lintcasefile.h"

#include "core/lint/fixapplier.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

#include <algorithm>

namespace tusk::test {

using tusk::core::Finding;

QSet<QString> LintCaseFile::checkedRules() const
{
    QSet<QString> rules {rule};
    for (const auto &e : expected)
        rules.insert(e.second);
    return rules;
}

QList<QPair<int, QString>> LintCaseFile::actual(const QList<Finding> &findings) const
{
    const QSet<QString> rules = checkedRules();
    QList<QPair<int, QString>> out;
    for (const Finding &f : findings) {
        if (rules.contains(f.rule))
            out << qMakePair(f.start.line, f.rule);
    }
    std::sort(out.begin(), out.end());
    return out;
}

QString LintCaseFile::expectedPath() const
{
    return path.chopped(4) + QStringLiteral(".expected");
}

QByteArray LintCaseFile::describeFindings(const QList<Finding> &findings) const
{
    const QSet<QString> rules = checkedRules();
    QByteArray text;
    auto field = [&text](const char *name, const QString &value) {
        if (value.isEmpty())
            return;
        // Multi-line values (an alternative with its SQL) stay readable.
        QString indented = value;
        indented.replace(QLatin1Char('\n'), QStringLiteral("\n    "));
        text += QByteArray("  ") + name + ": " + indented.toUtf8() + '\n';
    };
    for (const Finding &f : findings) {
        if (!rules.contains(f.rule))
            continue;
        text += QStringLiteral("%1:%2-%3:%4 %5 %6\n")
                    .arg(f.start.line)
                    .arg(f.start.column)
                    .arg(f.end.line)
                    .arg(f.end.column)
                    .arg(tusk::core::severityName(f.severity), f.rule)
                    .toUtf8();
        field("message", f.message);
        field("relation", f.relation);
        field("lock", f.lock);
        field("note", f.note);
        field("alternative", f.alternative);
        for (const auto &edit : f.fix)
            field("fix",
                QStringLiteral("bytes %1-%2 -> \"%3\"")
                    .arg(edit.range.begin)
                    .arg(edit.range.end)
                    .arg(QString::fromUtf8(edit.replacement)));
    }
    return text;
}

QByteArray LintCaseFile::applyFixes(const QList<Finding> &findings) const
{
    // The same application `tusk lint --fix` makes, one pass.
    QList<Finding> checked;
    const QSet<QString> rules = checkedRules();
    for (const Finding &f : findings) {
        if (rules.contains(f.rule))
            checked << f;
    }
    return tusk::core::FixApplier::apply(sql, checked).text;
}

LintCaseFile LintCaseFile::read(const QString &path)
{
    LintCaseFile c;
    c.path = path;
    c.rule = QFileInfo(path).dir().dirName();
    QFile file(path);
    if (file.open(QIODevice::ReadOnly))
        c.sql = file.readAll();
    const QString fixedPath = path.chopped(4) + QStringLiteral(".fixed.sql");
    QFile fixed(fixedPath);
    if (fixed.open(QIODevice::ReadOnly)) {
        c.fixed = fixed.readAll();
        c.hasFixed = true;
    }
    static const QRegularExpression expect(QStringLiteral("--\\s*expect:\\s*([a-z0-9, -]+)"));
    static const QRegularExpression options(QStringLiteral("^--\\s*tusk-test:(.*)$"));
    static const QRegularExpression setup(QStringLiteral("^--\\s*setup:(.*)$"));
    const QStringList lines = QString::fromUtf8(c.sql).split(QLatin1Char('\n'));
    for (int i = 0; i < lines.size(); ++i) {
        const QString &line = lines.at(i);
        if (const auto m = options.match(line); m.hasMatch()) {
            for (const QString &word : m.captured(1).split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
                if (word.startsWith(QLatin1String("pg-version=")))
                    c.options.serverVersion = word.mid(11).toInt() * 10000;
                else if (word == QLatin1String("in-transaction"))
                    c.options.assumeInTransaction = true;
                else if (word == QLatin1String("catalog"))
                    c.needsCatalog = true;
                else if (word == QLatin1String("target-sizes"))
                    c.targetSizes = true;
            }
            continue;
        }
        if (const auto m = setup.match(line); m.hasMatch()) {
            c.setup << m.captured(1).trimmed();
            continue;
        }
        if (const auto m = expect.match(line); m.hasMatch()) {
            for (const QString &id : m.captured(1).split(QLatin1Char(','), Qt::SkipEmptyParts))
                c.expected << qMakePair(i + 1, id.trimmed());
        }
    }
    std::sort(c.expected.begin(), c.expected.end());
    return c;
}

QList<LintCaseFile> LintCaseFile::readAll(const QString &root)
{
    QStringList paths;
    QDirIterator it(root, {QStringLiteral("*.sql")}, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        if (!path.endsWith(QLatin1String(".fixed.sql")))
            paths << path;
    }
    paths.sort();
    QList<LintCaseFile> cases;
    for (const QString &path : paths)
        cases << read(path);
    return cases;
}

QString LintCaseFile::describe(const QList<QPair<int, QString>> &lines)
{
    QStringList out;
    for (const auto &l : lines)
        out << QStringLiteral("%1:%2").arg(l.first).arg(l.second);
    return out.isEmpty() ? QStringLiteral("(none)") : out.join(QStringLiteral(", "));
}

} // namespace tusk::test
