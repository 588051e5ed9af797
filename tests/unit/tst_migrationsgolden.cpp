// Golden migrations folders (tests/data/migrations/<case>/): each case holds
// the folder before (`before/`), the operation (`action`: changelog, add
// FILE, split [FILE] [MAX], compact, release) and the whole folder after it
// with Tusk's message (`expected.txt`, rewritten by TUSK_UPDATE_GOLDEN=1).
// Around every operation, every file inside a released part keeps its
// bytes, mode and modification time (docs/migrations-folder.md).

#include "foldertree.h"
#include "goldenfile.h"

#include "core/migrations/migrationsfolder.h"
#include "core/migrations/migrationswriter.h"

#include <QDateTime>
#include <QDir>
#include <QTemporaryDir>
#include <QTest>

using namespace tusk::core;
using namespace tusk::test;

namespace {
const QDate kToday(2026, 12, 5);
const QDateTime kOld = QDateTime(QDate(2025, 1, 2), QTime(3, 4, 5), Qt::UTC);

MigrationsWriter::Outcome run(const QString &folder, const QString &caseDir, QString action)
{
    const QStringList words = action.simplified().split(QLatin1Char(' '));
    const MigrationsWriter writer(folder);
    const QString verb = words.value(0);
    if (verb == QLatin1String("changelog"))
        return writer.updateChangelog(kToday);
    if (verb == QLatin1String("add"))
        return writer.add(FolderTree::read(QDir(caseDir).filePath(words.value(1))), kToday);
    if (verb == QLatin1String("release"))
        return writer.release(kToday);
    if (verb == QLatin1String("split") || verb == QLatin1String("compact")) {
        QString why;
        const PendingRewrite plan = verb == QLatin1String("split")
            ? writer.planSplit(words.value(1), words.value(2, QStringLiteral("25")).toInt(), &why)
            : writer.planCompaction(&why);
        MigrationsWriter::Outcome o;
        if (plan.isNull()) {
            o.message = why;
            return o;
        }
        o = writer.apply(plan);
        o.message = plan.preview() + o.message;
        return o;
    }
    MigrationsWriter::Outcome o;
    o.message = QStringLiteral("unknown action '%1'").arg(action);
    return o;
}
} // namespace

class TestMigrationsGolden : public QObject {
    Q_OBJECT
private slots:
    void folder_data();
    void folder();
};

void TestMigrationsGolden::folder_data()
{
    QTest::addColumn<QString>("caseDir");
    const QDir data(QStringLiteral(TUSK_MIGRATIONS_DATA));
    const QStringList cases = data.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
    QVERIFY2(cases.size() >= 8, "the golden folders are missing");
    for (const QString &c : cases)
        QTest::newRow(qPrintable(c)) << data.filePath(c);
}

void TestMigrationsGolden::folder()
{
    QFETCH(QString, caseDir);
    QTemporaryDir temp;
    QVERIFY(temp.isValid());
    const QString folder = temp.filePath(QStringLiteral("migrations"));
    QDir().mkpath(folder);
    FolderTree::copy(QDir(caseDir).filePath(QStringLiteral("before")), folder, kOld);
    const QMap<QString, QString> released = FolderTree::releasedState(folder);
    const QString action =
        QString::fromUtf8(FolderTree::read(QDir(caseDir).filePath(QStringLiteral("action"))))
            .trimmed();
    const MigrationsWriter::Outcome outcome = run(folder, caseDir, action);
    // Released history as it was (a release adds a folder: only new paths).
    const QMap<QString, QString> after = FolderTree::releasedState(folder);
    for (auto it = released.constBegin(); it != released.constEnd(); ++it)
        QCOMPARE(after.value(it.key()), it.value());
    QByteArray actual = "action: " + action.toUtf8() + '\n';
    actual += QByteArray(outcome.ok ? "ok: " : "refused: ") + outcome.message.toUtf8() + '\n';
    for (const QString &e : outcome.changelogEntries)
        actual += "CHANGELOG: " + e.toUtf8() + '\n';
    actual += FolderTree::dump(folder);
    const QString diff =
        GoldenFile::compare(QDir(caseDir).filePath(QStringLiteral("expected.txt")), actual);
    QVERIFY2(diff.isEmpty(), qPrintable(diff));
}

QTEST_GUILESS_MAIN(TestMigrationsGolden)
#include "tst_migrationsgolden.moc"
