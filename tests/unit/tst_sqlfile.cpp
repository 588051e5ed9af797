// SQL files as the editor opens and saves them: UTF-8 checked to the byte,
// Latin-1 on request, a BOM dropped, saves in one step that keep the mode,
// a clear message for what cannot be read or written, released migrations
// recognised.

#include "core/sql/sqlfile.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace tusk::core;

class TestSqlFile : public QObject {
    Q_OBJECT
private slots:
    void utf8IsValidatedToTheByte_data();
    void utf8IsValidatedToTheByte();
    void readsUtf8AndDropsTheBom();
    void notUtf8SaysWhereAndOpensAsLatin1();
    void missingFileSaysWhy();
    void writeReplacesInOneStepAndKeepsTheMode();
    void unwritableFolderSaysWhy();
    void releasedMigrationsAreRefused();

private:
    QString writeBytes(const QString &name, const QByteArray &bytes);
    QTemporaryDir m_dir;
};

QString TestSqlFile::writeBytes(const QString &name, const QByteArray &bytes)
{
    const QString path = m_dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
        return {};
    return path;
}

void TestSqlFile::utf8IsValidatedToTheByte_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<qsizetype>("bad");
    QTest::newRow("ascii") << QByteArray("SELECT 1;") << qsizetype(-1);
    QTest::newRow("two-byte") << QByteArray("café") << qsizetype(-1);
    QTest::newRow("four-byte") << QByteArray("\xF0\x9F\x90\x98 tusk") << qsizetype(-1);
    QTest::newRow("latin-1 é") << QByteArray("caf\xE9 ok") << qsizetype(3);
    QTest::newRow("cut at the end") << QByteArray("ab\xC3") << qsizetype(2);
    QTest::newRow("overlong slash") << QByteArray("a\xC0\xAF") << qsizetype(1);
    QTest::newRow("surrogate") << QByteArray("\xED\xA0\x80") << qsizetype(0);
    QTest::newRow("stray continuation") << QByteArray("ok\x80") << qsizetype(2);
}

void TestSqlFile::utf8IsValidatedToTheByte()
{
    QFETCH(QByteArray, bytes);
    QFETCH(qsizetype, bad);
    QCOMPARE(SqlFile::firstInvalidUtf8(bytes), bad);
}

void TestSqlFile::readsUtf8AndDropsTheBom()
{
    const QString path = writeBytes(QStringLiteral("bom.sql"), "\xEF\xBB\xBFSELECT 'café';\n");
    const SqlFile::Loaded loaded = SqlFile::read(path);
    QVERIFY2(loaded.ok, qPrintable(loaded.error));
    QVERIFY(loaded.hadBom);
    QCOMPARE(loaded.text, QStringLiteral("SELECT 'café';\n"));
    QVERIFY(loaded.modified.isValid());
}

void TestSqlFile::notUtf8SaysWhereAndOpensAsLatin1()
{
    const QString path = writeBytes(QStringLiteral("latin1.sql"), "SELECT 'caf\xE9';\n");
    const SqlFile::Loaded loaded = SqlFile::read(path);
    QVERIFY(!loaded.ok);
    QVERIFY(loaded.notUtf8);
    QCOMPARE(loaded.badByteAt, qsizetype(11));
    QVERIFY2(loaded.error.contains(QStringLiteral("byte 11 (0xe9)")), qPrintable(loaded.error));
    const SqlFile::Loaded latin1 = SqlFile::read(path, SqlFile::Encoding::Latin1);
    QVERIFY(latin1.ok);
    QCOMPARE(latin1.text, QStringLiteral("SELECT 'café';\n"));
}

void TestSqlFile::missingFileSaysWhy()
{
    const SqlFile::Loaded loaded = SqlFile::read(m_dir.filePath(QStringLiteral("none.sql")));
    QVERIFY(!loaded.ok);
    QVERIFY2(loaded.error.contains(QStringLiteral("none.sql")), qPrintable(loaded.error));
}

void TestSqlFile::writeReplacesInOneStepAndKeepsTheMode()
{
    const QString path = writeBytes(QStringLiteral("save.sql"), "old");
    QVERIFY(QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup));
    const FileWriteError error = SqlFile::write(path, QStringLiteral("SELECT 'ünï';\n"));
    QVERIFY2(error.isNull(), qPrintable(error.message));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), QByteArray("SELECT '\xC3\xBCn\xC3\xAF';\n"));
    QCOMPARE(QFile::permissions(path) & (QFile::ReadGroup | QFile::ReadOther),
        QFile::Permissions(QFile::ReadGroup));
    // No temporary file left beside it.
    QCOMPARE(QDir(m_dir.path()).entryList({QStringLiteral("save.sql*")}).size(), 1);
}

void TestSqlFile::unwritableFolderSaysWhy()
{
    // A "folder" that is a file refuses even root (a read-only folder would not).
    const QString notAFolder = writeBytes(QStringLiteral("plain"), "x");
    const FileWriteError error =
        SqlFile::write(notAFolder + QStringLiteral("/x.sql"), QStringLiteral("x"));
    QCOMPARE(error.code, FileWriteError::Code::CannotWrite);
    QVERIFY2(error.message.contains(QStringLiteral("x.sql")), qPrintable(error.message));
    QCOMPARE(QFile(notAFolder).size(), 1);
}

void TestSqlFile::releasedMigrationsAreRefused()
{
    const QString migrations = m_dir.filePath(QStringLiteral("db/migrations"));
    QVERIFY(QDir().mkpath(migrations + QStringLiteral("/2024_released")));
    const FileWriteError error = SqlFile::write(
        migrations + QStringLiteral("/2024_released/001.sql"), QStringLiteral("x"), {migrations});
    QCOMPARE(error.code, FileWriteError::Code::ReleasedMigration);
    QVERIFY(!QFile::exists(migrations + QStringLiteral("/2024_released/001.sql")));
}

QTEST_GUILESS_MAIN(TestSqlFile)
#include "tst_sqlfile.moc"
