// Writes that fail for real (issue point 5): a read-only folder (a read-only
// bind mount; root ignores mode bits), a full disk (a 64 KiB tmpfs, filled),
// the file replaced by a directory, an immutable file (chattr +i). For each
// writer of the user's files in core: postgres.toml (profile edits, with its
// .bak), an export streamed through UserFileWriter, the pending file and
// CHANGELOG.md (add, changelog) and a release. Each failure must leave every
// byte of the folder as it was (no half file, no stray temporary file, no
// lost backup) and say what failed, where and why.
//
// As root (the tests' and CI's user) every case runs. Without root the
// read-only folder (mode 0555) and the directory still run; the full disk
// and the immutable file fail with WriteObstacle::needsRootMessage().

#include "core/files/userfilewriter.h"
#include "core/migrations/migrationswriter.h"
#include "core/profiles/profilefile.h"

#include "writefailurecase.h"

#include <QDate>
#include <QTest>

using namespace tusk::core;
using namespace tusk::test;

namespace {
const QDate releaseDay(2026, 12, 5);
const QByteArray pendingSql = "CREATE TABLE shop.orders (id bigint PRIMARY KEY);\n";
const QByteArray changelogText = "# Changelog\n\n## 2026-12-01\n"
                                 "- table shop.orders created <!-- tusk: prerelease.sql -->\n";
const QByteArray profileText = "[configuration]\nschema_version = 1\npg_bin_path = \"/usr/bin\"\n\n"
                               "[database.local]\nhost = \"localhost\"\ndatabase = \"shop\"\n";

QString describe(const QMap<QString, QByteArray> &files)
{
    QStringList lines;
    for (auto it = files.constBegin(); it != files.constEnd(); ++it)
        lines << QStringLiteral("%1 (%2 bytes)").arg(it.key()).arg(it.value().size());
    return lines.join(QStringLiteral(", "));
}
} // namespace

// The folder after the failure, byte for byte as before: the original file,
// its backup, and nothing new (a temporary file, a staging folder).
#define VERIFY_UNCHANGED(c)                                                                        \
    QVERIFY2((c).snapshot() == (c).before(),                                                       \
        qPrintable(QStringLiteral("before: %1\nafter:  %2")                                        \
                       .arg(describe((c).before()), describe((c).snapshot()))))

#define VERIFY_SAYS(c, message, path)                                                              \
    do {                                                                                           \
        QString why_;                                                                              \
        QVERIFY2((c).saysWhatAndWhere((message), (path), &why_), qPrintable(why_));                \
    } while (false)

class TestWriteFailures : public QObject {
    Q_OBJECT

private slots:
    void profileEdit_data() { WriteFailureCase::addObstacleRows(); }
    void profileEdit();
    void streamedExport_data() { WriteFailureCase::addObstacleRows(); }
    void streamedExport();
    void addToPending_data() { WriteFailureCase::addObstacleRows(); }
    void addToPending();
    void changelogUpdate_data() { WriteFailureCase::addObstacleRows(); }
    void changelogUpdate();
    void release_data() { WriteFailureCase::addObstacleRows(); }
    void release();
};

void TestWriteFailures::profileEdit()
{
    QFETCH(Obstacle, obstacle);
    WriteFailureCase c(obstacle, QStringLiteral("profiles"));
    // The directory stands where the backup goes: the one file a profile
    // edit writes besides postgres.toml.
    const QString target = obstacle == Obstacle::Directory ? QStringLiteral("postgres.toml.bak")
                                                           : QStringLiteral("postgres.toml");
    if (!c.stage({{QStringLiteral("postgres.toml"), profileText},
                     {QStringLiteral("postgres.toml.bak"), "# the backup before\n"}},
            target))
        QFAIL(qPrintable(c.error()));
    ProfileFile file(c.path(QStringLiteral("postgres.toml")), ProfileScope::User);
    QString error;
    QVERIFY2(file.load(&error), qPrintable(error));
    QVERIFY2(file.setDefaultProfileName(QStringLiteral("local"), &error), qPrintable(error));
    QVERIFY(!file.save(&error));
    VERIFY_SAYS(c, error, c.path(QStringLiteral("postgres.toml")));
    VERIFY_UNCHANGED(c);
}

void TestWriteFailures::streamedExport()
{
    QFETCH(Obstacle, obstacle);
    WriteFailureCase c(obstacle, QStringLiteral("export"));
    const QString path = c.path(QStringLiteral("orders.csv"));
    if (!c.stage({{QStringLiteral("orders.csv"), "id\n1\n"}}, QStringLiteral("orders.csv")))
        QFAIL(qPrintable(c.error()));
    // Larger than the disk and than QSaveFile's buffer: the way a big
    // result set fills a disk, in chunks.
    UserFileWriter writer(path, {});
    bool written = writer.open();
    for (int i = 0; written && i < 4; ++i)
        written = writer.write(QByteArray(64 * 1024, 'x'));
    written = written && writer.commit();
    QVERIFY(!written);
    QCOMPARE(writer.error().code, FileWriteError::Code::CannotWrite);
    QCOMPARE(writer.error().reason, c.reason());
    VERIFY_SAYS(c, writer.error().message, path);
    VERIFY_UNCHANGED(c);

    // The small file a one-shot write makes (a plan, a sheet): on a full
    // disk it sat in QSaveFile's buffer and an empty file replaced it.
    const FileWriteError small = UserFileWriter::writeFile(path, "id\n1\n2\n", {});
    QCOMPARE(small.code, FileWriteError::Code::CannotWrite);
    VERIFY_SAYS(c, small.message, path);
    VERIFY_UNCHANGED(c);
}

void TestWriteFailures::addToPending()
{
    QFETCH(Obstacle, obstacle);
    WriteFailureCase c(obstacle, QStringLiteral("migrations"));
    // CHANGELOG.md is the obstacle's target: the second of the two files,
    // so a writer that changes the pending file first is caught.
    if (!c.stage({{QStringLiteral("prerelease.sql"), pendingSql},
                     {QStringLiteral("CHANGELOG.md"), changelogText}},
            QStringLiteral("CHANGELOG.md")))
        QFAIL(qPrintable(c.error()));
    const MigrationsWriter::Outcome o =
        MigrationsWriter(c.folder())
            .add("ALTER TABLE shop.orders ADD COLUMN note text;", releaseDay);
    QVERIFY2(!o.ok, qPrintable(o.message));
    qInfo("%s: %s", qPrintable(WriteFailureCase::name(obstacle)), qPrintable(o.message));
    // A read-only folder or a full disk stops the pending file first.
    const bool changelogFirst =
        obstacle == Obstacle::Directory || obstacle == Obstacle::ImmutableFile;
    if (changelogFirst)
        QVERIFY2(o.message.contains(QLatin1String("CHANGELOG.md")), qPrintable(o.message));
    else
        VERIFY_SAYS(c, o.message, c.path(QStringLiteral("prerelease.sql")));
    QVERIFY2(o.message.contains(c.reason()), qPrintable(o.message));
    VERIFY_UNCHANGED(c);
}

void TestWriteFailures::changelogUpdate()
{
    QFETCH(Obstacle, obstacle);
    WriteFailureCase c(obstacle, QStringLiteral("migrations"));
    if (!c.stage({{QStringLiteral("prerelease.sql"),
                      pendingSql + "CREATE INDEX orders_note ON shop.orders (id);\n"},
                     {QStringLiteral("CHANGELOG.md"), changelogText}},
            QStringLiteral("CHANGELOG.md")))
        QFAIL(qPrintable(c.error()));
    const MigrationsWriter::Outcome o = MigrationsWriter(c.folder()).updateChangelog(releaseDay);
    QVERIFY2(!o.ok, qPrintable(o.message));
    qInfo("%s: %s", qPrintable(WriteFailureCase::name(obstacle)), qPrintable(o.message));
    QVERIFY2(o.message.contains(QLatin1String("CHANGELOG.md")), qPrintable(o.message));
    QVERIFY2(o.message.contains(c.reason()), qPrintable(o.message));
    VERIFY_UNCHANGED(c);
}

void TestWriteFailures::release()
{
    QFETCH(Obstacle, obstacle);
    WriteFailureCase c(obstacle, QStringLiteral("migrations"));
    if (!c.stage({{QStringLiteral("prerelease.sql"), pendingSql},
                     {QStringLiteral("CHANGELOG.md"), changelogText}},
            QStringLiteral("CHANGELOG.md")))
        QFAIL(qPrintable(c.error()));
    const MigrationsWriter writer(c.folder());
    QVERIFY2(writer.planRelease(releaseDay).ok, qPrintable(writer.planRelease(releaseDay).message));
    const MigrationsWriter::Outcome o = writer.release(releaseDay);
    QVERIFY2(!o.ok, qPrintable(o.message));
    qInfo("%s: %s", qPrintable(WriteFailureCase::name(obstacle)), qPrintable(o.message));
    QVERIFY2(o.message.contains(QLatin1String("nothing was released")), qPrintable(o.message));
    QVERIFY2(o.message.contains(c.reason()), qPrintable(o.message));
    const bool changelogNamed =
        obstacle == Obstacle::Directory || obstacle == Obstacle::ImmutableFile;
    QVERIFY2(o.message.contains(changelogNamed ? QStringLiteral("CHANGELOG.md") : c.folder()),
        qPrintable(o.message));
    VERIFY_UNCHANGED(c);
}

QTEST_GUILESS_MAIN(TestWriteFailures)
#include "tst_writefailures.moc"
