// MigrationsWriter, the one place Tusk changes a migrations folder: add,
// CHANGELOG and release do what they say, and around every one of them
// (and a release that collides, and a pending file that is a symbolic link
// into released history) every released file keeps its bytes, mode and
// modification time.

#include "core/migrations/changelog.h"
#include "core/migrations/migrationsfolder.h"
#include "core/migrations/migrationswriter.h"
#include "core/migrations/pendingrewrite.h"

#include <QDateTime>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace tusk::core;

namespace {
struct FileState {
    QByteArray bytes;
    QFile::Permissions mode;
    QDateTime modified;
    bool operator==(const FileState &other) const = default;
};

void write(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(bytes);
}

// Every file under a released part of `folder`, with what must not change.
QMap<QString, FileState> releasedFiles(const QString &folder)
{
    QMap<QString, FileState> out;
    QDirIterator it(folder, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        const QString relative = QDir(folder).relativeFilePath(path);
        bool released = false;
        for (const QString &part : relative.split(QLatin1Char('/')))
            released |= MigrationsFolder::isReleasedName(part);
        if (!released)
            continue;
        QFile file(path);
        file.open(QIODevice::ReadOnly);
        out.insert(relative,
            FileState {
                file.readAll(), QFileInfo(path).permissions(), QFileInfo(path).lastModified()});
    }
    return out;
}
} // namespace

class TestMigrationsWriter : public QObject {
    Q_OBJECT
private slots:
    void init();
    void addAppendsAndDescribes();
    void releaseMovesAndForgets();
    void releasedFilesNeverChange();
    void brokenOrderWritesNothing();
    void aFileSavedSinceThePreviewStopsTheRewrite();
    void aNameTakenSinceThePreviewStopsTheRewrite();
    void leftoversOfAnInterruptedRunAreNeverCleared();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_folder;
    const QDate m_today {2026, 12, 5};
};

void TestMigrationsWriter::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_folder = m_dir->filePath(QStringLiteral("migrations"));
    write(m_folder + QStringLiteral("/2026-10-01_released/001_baseline.sql"),
        "CREATE INDEX orders_placed_at_idx ON shop.orders (placed_at);\n");
    write(m_folder + QStringLiteral("/002_extra.RELEASED"), "SELECT 1;\n");
    write(m_folder + QStringLiteral("/CHANGELOG.md"), "# Changelog\n\nKept by hand.\n");
    // Old timestamps, so a rewrite would show.
    // A QStringList, not a braced list: `a + b` there is a QStringBuilder
    // holding references to temporaries.
    const QStringList released {m_folder + QStringLiteral("/2026-10-01_released/001_baseline.sql"),
        m_folder + QStringLiteral("/002_extra.RELEASED")};
    for (const QString &path : released) {
        QFile file(path);
        QVERIFY2(file.open(QIODevice::ReadWrite),
            qPrintable(path + QLatin1Char(' ') + file.errorString()));
        QVERIFY(file.setFileTime(
            QDateTime(QDate(2026, 10, 1), QTime(9, 0)), QFileDevice::FileModificationTime));
    }
}

void TestMigrationsWriter::addAppendsAndDescribes()
{
    const MigrationsWriter writer(m_folder);
    MigrationsWriter::Outcome o =
        writer.add("ALTER TABLE shop.orders ADD COLUMN tracking_code text", m_today);
    QVERIFY2(o.ok, qPrintable(o.message));
    QCOMPARE(QFileInfo(o.file).fileName(), QStringLiteral("prerelease.sql"));
    o = writer.add(
        "CREATE INDEX CONCURRENTLY orders_code_idx ON shop.orders (tracking_code);", m_today);
    QVERIFY2(o.ok, qPrintable(o.message));
    QFile pending(m_folder + QStringLiteral("/prerelease.sql"));
    QVERIFY(pending.open(QIODevice::ReadOnly));
    QCOMPARE(pending.readAll(),
        QByteArray("ALTER TABLE shop.orders ADD COLUMN tracking_code text;\n\n"
                   "CREATE INDEX CONCURRENTLY orders_code_idx ON shop.orders (tracking_code);\n"));
    QFile log(m_folder + QStringLiteral("/CHANGELOG.md"));
    QVERIFY(log.open(QIODevice::ReadOnly));
    QCOMPARE(log.readAll(),
        QByteArray("# Changelog\n\nKept by hand.\n\n## 2026-12-05\n"
                   "- shop.orders: column tracking_code added (text, nullable) <!-- tusk: "
                   "prerelease.sql -->\n"
                   "- index orders_code_idx on shop.orders (tracking_code), built concurrently "
                   "<!-- tusk: prerelease.sql -->\n"));
    // Nothing is missing now.
    o = writer.updateChangelog(m_today);
    QVERIFY(o.ok);
    QVERIFY(o.changelogEntries.isEmpty());
}

void TestMigrationsWriter::releaseMovesAndForgets()
{
    const MigrationsWriter writer(m_folder);
    write(m_folder + QStringLiteral("/1_prerelease.sql"), "ALTER TABLE t ADD COLUMN a int;\n");
    write(m_folder + QStringLiteral("/2_prerelease.sql"), "ALTER TABLE t ADD COLUMN b int;\n");
    QVERIFY(writer.updateChangelog(m_today).ok);
    MigrationsWriter::Outcome plan = writer.planRelease(m_today);
    QVERIFY2(plan.ok, qPrintable(plan.message));
    QVERIFY(plan.message.contains(QLatin1String("1_prerelease.sql, 2_prerelease.sql")));
    const MigrationsWriter::Outcome done = writer.release(m_today);
    QVERIFY2(done.ok, qPrintable(done.message));
    const MigrationsFolder after = MigrationsFolder::read(m_folder);
    QVERIFY(after.pending().isEmpty());
    QVERIFY(after.released().contains(QStringLiteral("2026-12-05_released")));
    QVERIFY(QFile::exists(m_folder + QStringLiteral("/2026-12-05_released/2_prerelease.sql")));
    QFile log(m_folder + QStringLiteral("/CHANGELOG.md"));
    QVERIFY(log.open(QIODevice::ReadOnly));
    QCOMPARE(log.readAll(), QByteArray("# Changelog\n\nKept by hand.\n"));
    // The same day again: the folder exists, nothing is written.
    write(m_folder + QStringLiteral("/prerelease.sql"), "SELECT 1;\n");
    const MigrationsWriter::Outcome again = writer.release(m_today);
    QVERIFY(!again.ok);
    QVERIFY(again.message.contains(QLatin1String("exists already")));
    QVERIFY(QFile::exists(m_folder + QStringLiteral("/prerelease.sql")));
}

void TestMigrationsWriter::releasedFilesNeverChange()
{
    const QMap<QString, FileState> before = releasedFiles(m_folder);
    QCOMPARE(before.size(), 2);
    const MigrationsWriter writer(m_folder);
    QVERIFY(writer.add("ALTER TABLE t ADD COLUMN a int", m_today).ok);
    QVERIFY(writer.updateChangelog(m_today).ok);
    QVERIFY(writer.release(m_today).ok);
    QVERIFY(writer.add("ALTER TABLE t ADD COLUMN b int", m_today).ok);
    QVERIFY(!writer.release(m_today).ok); // collides with today's folder
    // A pending file that is a link into released history is never written.
    QVERIFY(QFile::remove(m_folder + QStringLiteral("/prerelease.sql")));
    QVERIFY(QFile::link(m_folder + QStringLiteral("/2026-10-01_released/001_baseline.sql"),
        m_folder + QStringLiteral("/prerelease.sql")));
    const MigrationsWriter::Outcome refused = writer.add("ALTER TABLE t ADD COLUMN c int", m_today);
    QVERIFY(!refused.ok);
    QVERIFY2(refused.message.contains(QLatin1String("released"), Qt::CaseInsensitive),
        qPrintable(refused.message));

    QMap<QString, FileState> after = releasedFiles(m_folder);
    // Today's release added its own folder; everything that was there is untouched.
    for (auto it = before.constBegin(); it != before.constEnd(); ++it)
        QVERIFY2(after.value(it.key()) == it.value(), qPrintable(it.key()));
    QVERIFY(after.contains(QStringLiteral("2026-12-05_released/prerelease.sql")));
}

void TestMigrationsWriter::brokenOrderWritesNothing()
{
    write(m_folder + QStringLiteral("/1_prerelease.sql"), "SELECT 1;\n");
    write(m_folder + QStringLiteral("/01_prerelease.sql"), "SELECT 2;\n");
    const MigrationsWriter writer(m_folder);
    const MigrationsWriter::Outcome o = writer.add("ALTER TABLE t ADD COLUMN a int", m_today);
    QVERIFY(!o.ok);
    QVERIFY(o.message.contains(QLatin1String("nothing was written")));
    QVERIFY(!writer.release(m_today).ok);
    QVERIFY(!QFile::exists(m_folder + QStringLiteral("/2026-12-05_released")));
}

void TestMigrationsWriter::aFileSavedSinceThePreviewStopsTheRewrite()
{
    const MigrationsWriter writer(m_folder);
    QVERIFY(
        writer
            .add("ALTER TABLE a ADD COLUMN x int; CREATE INDEX CONCURRENTLY a_x ON a (x);", m_today)
            .ok);
    QString why;
    const PendingRewrite plan = writer.planSplit(QString(), 25, &why);
    QVERIFY2(!plan.isNull(), qPrintable(why));
    // Someone saves the file between the preview and the click.
    write(m_folder + QStringLiteral("/prerelease.sql"), "ALTER TABLE a ADD COLUMN y int;\n");
    const MigrationsWriter::Outcome o = writer.apply(plan);
    QVERIFY(!o.ok);
    QCOMPARE(o.message,
        QStringLiteral("prerelease.sql changed on disk since the preview: nothing "
                       "was written (look again)"));
    QStringList names =
        QDir(m_folder).entryList(QDir::Files | QDir::Hidden | QDir::Dirs | QDir::NoDotAndDotDot);
    names.sort();
    QCOMPARE(names,
        (QStringList {QStringLiteral("002_extra.RELEASED"), QStringLiteral("2026-10-01_released"),
            QStringLiteral("CHANGELOG.md"), QStringLiteral("prerelease.sql")}));
}

void TestMigrationsWriter::aNameTakenSinceThePreviewStopsTheRewrite()
{
    const MigrationsWriter writer(m_folder);
    QVERIFY(
        writer
            .add("ALTER TABLE a ADD COLUMN x int; CREATE INDEX CONCURRENTLY a_x ON a (x);", m_today)
            .ok);
    QFile log(m_folder + QStringLiteral("/CHANGELOG.md"));
    QVERIFY(log.open(QIODevice::ReadOnly));
    const QByteArray logBefore = log.readAll();
    log.close();
    QString why;
    const PendingRewrite plan = writer.planSplit(QString(), 25, &why);
    QVERIFY(!plan.isNull());
    // Something takes the second part's name after the preview.
    QVERIFY(QDir().mkpath(m_folder + QStringLiteral("/2_prerelease.sql/x")));
    MigrationsWriter::Outcome o = writer.apply(plan);
    QVERIFY(!o.ok);
    QVERIFY2(o.message.contains(QLatin1String("nothing was")), qPrintable(o.message));
    QVERIFY(QDir(m_folder + QStringLiteral("/2_prerelease.sql/x")).exists());
    QVERIFY(QFile::exists(m_folder + QStringLiteral("/prerelease.sql")));
    QVERIFY(!QFile::exists(m_folder + QStringLiteral("/1_prerelease.sql")));
    QVERIFY(!QFileInfo::exists(m_folder + QStringLiteral("/.tusk-rewrite")));
    QVERIFY(log.open(QIODevice::ReadOnly));
    QCOMPARE(log.readAll(), logBefore);
}

void TestMigrationsWriter::leftoversOfAnInterruptedRunAreNeverCleared()
{
    const MigrationsWriter writer(m_folder);
    QVERIFY(
        writer
            .add("ALTER TABLE a ADD COLUMN x int; CREATE INDEX CONCURRENTLY a_x ON a (x);", m_today)
            .ok);
    // An interrupted split left the only copy of a file in .tusk-rewrite,
    // and a link where a release stages points into released history.
    write(m_folder + QStringLiteral("/.tusk-rewrite/replaced/prerelease.sql"), "kept\n");
    QVERIFY(QFile::link(m_folder + QStringLiteral("/2026-10-01_released"),
        m_folder + QStringLiteral("/2026-12-05_released.staging")));
    QString why;
    const MigrationsWriter::Outcome split = writer.apply(writer.planSplit(QString(), 25, &why));
    QVERIFY(!split.ok);
    QVERIFY2(split.message.startsWith(QLatin1String(".tusk-rewrite is left from an interrupted")),
        qPrintable(split.message));
    QFile kept(m_folder + QStringLiteral("/.tusk-rewrite/replaced/prerelease.sql"));
    QVERIFY(kept.open(QIODevice::ReadOnly));
    QCOMPARE(kept.readAll(), QByteArray("kept\n"));
    const MigrationsWriter::Outcome release = writer.release(m_today);
    QVERIFY(!release.ok);
    QVERIFY2(release.message.contains(QLatin1String("left from an interrupted release")),
        qPrintable(release.message));
    QVERIFY(QFile::exists(m_folder + QStringLiteral("/2026-10-01_released/001_baseline.sql")));
    QVERIFY(QFile::exists(m_folder + QStringLiteral("/prerelease.sql")));
}

QTEST_GUILESS_MAIN(TestMigrationsWriter)
#include "tst_migrationswriter.moc"
