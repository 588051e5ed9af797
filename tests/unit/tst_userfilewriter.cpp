// The one writer of the user's files: released migrations refused whatever
// the spelling (case, links, a file not yet there), atomic replacement,
// backups, modes, streaming, and errors as codes.

#include "core/files/releasedmigrations.h"
#include "core/files/userfilewriter.h"

#include "testsupport.h"

#include <QDir>
#include <QFile>
#include <QTest>

using namespace tusk::core;
using namespace tusk::test;

class TestUserFileWriter : public QObject {
    Q_OBJECT
    QString m_dir; // a scratch folder per test function
    QString m_migrations; // its db/migrations, with a released folder in it

private slots:
    void init();
    void releasedParts_data();
    void releasedParts();
    void linksAreResolved();
    void refusesBeforeTouchingAnything();
    void replacesAndKeepsBackup();
    void modes();
    void streamsAndCancels();
    void reportsCodes();
};

void TestUserFileWriter::init()
{
    m_dir = tusk::test::scratchFolder(QStringLiteral("userfilewriter"));
    m_migrations = m_dir + QStringLiteral("/db/migrations");
    QVERIFY(QDir().mkpath(m_migrations + QStringLiteral("/2024_released")));
}

void TestUserFileWriter::releasedParts_data()
{
    QTest::addColumn<QString>("relative");
    QTest::addColumn<bool>("released");
    QTest::addRow("file in released folder") << "db/migrations/2024_released/001.sql" << true;
    QTest::addRow("released folder itself") << "db/migrations/2024_released" << true;
    QTest::addRow("file named released") << "db/migrations/001_init.RELEASED" << true;
    QTest::addRow("deeper, not yet there") << "db/migrations/x_Released/a/b.sql" << true;
    QTest::addRow("prerelease") << "db/migrations/prerelease.sql" << false;
    QTest::addRow("released in the middle") << "db/migrations/released_notes/a.sql" << false;
    QTest::addRow("outside the folder") << "released/x.sql" << false;
    QTest::addRow("dot-dot out of it") << "db/migrations/../2024_released/x.sql" << false;
    QTest::addRow("dot-dot into it") << "db/other/../migrations/2024_released/x.sql" << true;
}

void TestUserFileWriter::releasedParts()
{
    QFETCH(QString, relative);
    QFETCH(bool, released);
    QCOMPARE(
        ReleasedMigrations::contains(m_dir + QLatin1Char('/') + relative, m_migrations), released);
    QVERIFY(!ReleasedMigrations::contains(m_dir + QLatin1Char('/') + relative, QString()));
}

void TestUserFileWriter::linksAreResolved()
{
    // A link inside the folder that points into a released part, and the
    // migrations folder reached through a link of its own.
    QVERIFY(writeFile(m_migrations + QStringLiteral("/2024_released/001.sql"), "old"));
    QVERIFY(QFile::link(m_migrations + QStringLiteral("/2024_released/001.sql"),
        m_migrations + QStringLiteral("/current.sql")));
    QVERIFY(
        ReleasedMigrations::contains(m_migrations + QStringLiteral("/current.sql"), m_migrations));
    QVERIFY(QFile::link(m_migrations, m_dir + QStringLiteral("/m")));
    QVERIFY(ReleasedMigrations::contains(
        m_dir + QStringLiteral("/m/2024_released/002.sql"), m_migrations));
    QVERIFY(ReleasedMigrations::contains(
        m_migrations + QStringLiteral("/2024_released/002.sql"), m_dir + QStringLiteral("/m")));
    QVERIFY(!ReleasedMigrations::contains(m_dir + QStringLiteral("/m/next.sql"), m_migrations));
}

void TestUserFileWriter::refusesBeforeTouchingAnything()
{
    const QString path = m_migrations + QStringLiteral("/2024_released/001.sql");
    QVERIFY(writeFile(path, "old"));
    UserFileWriter::Options options;
    options.migrationsFolders = {m_dir + QStringLiteral("/elsewhere"), m_migrations};
    options.keepBackup = true;
    const FileWriteError error = UserFileWriter::writeFile(path, "new", options);
    QCOMPARE(error.code, FileWriteError::Code::ReleasedMigration);
    QCOMPARE(error.path, path);
    QVERIFY2(
        error.message.contains(QLatin1String("released migration")), qPrintable(error.message));
    QCOMPARE(readFile(path), QByteArray("old"));
    QVERIFY(!QFile::exists(UserFileWriter::backupPath(path)));
    QCOMPARE(
        QDir(m_migrations + QStringLiteral("/2024_released")).entryList(QDir::Files).size(), 1);
}

void TestUserFileWriter::replacesAndKeepsBackup()
{
    const QString path = m_dir + QStringLiteral("/postgres.toml");
    QVERIFY(writeFile(path, "first"));
    UserFileWriter::Options options;
    options.keepBackup = true;
    options.migrationsFolders = {m_migrations};
    QVERIFY(UserFileWriter::writeFile(path, "second", options).isNull());
    QCOMPARE(readFile(path), QByteArray("second"));
    QCOMPARE(readFile(UserFileWriter::backupPath(path)), QByteArray("first"));
}

void TestUserFileWriter::modes()
{
    const auto mode = [](const QString &path) {
        return QFile::permissions(path)
            & (QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther);
    };
    const QFile::Permissions ownerOnly = QFile::ReadOwner | QFile::WriteOwner;
    const QString shared = m_dir + QStringLiteral("/shared.sql");
    QVERIFY(UserFileWriter::writeFile(shared, "x", {}).isNull());
    QCOMPARE(mode(shared), ownerOnly | QFile::ReadGroup | QFile::ReadOther);

    UserFileWriter::Options privateNew;
    privateNew.permissions = UserFileWriter::Permissions::PrivateWhenNew;
    const QString secret = m_dir + QStringLiteral("/secret.toml");
    QVERIFY(UserFileWriter::writeFile(secret, "x", privateNew).isNull());
    QCOMPARE(mode(secret), ownerOnly);
    // An existing file keeps the mode its owner gave it.
    QVERIFY(QFile::setPermissions(shared, ownerOnly | QFile::ReadGroup));
    QVERIFY(UserFileWriter::writeFile(shared, "y", privateNew).isNull());
    QCOMPARE(mode(shared), ownerOnly | QFile::ReadGroup);

    UserFileWriter::Options alwaysPrivate;
    alwaysPrivate.permissions = UserFileWriter::Permissions::AlwaysPrivate;
    QVERIFY(UserFileWriter::writeFile(shared, "z", alwaysPrivate).isNull());
    QCOMPARE(mode(shared), ownerOnly);
}

void TestUserFileWriter::streamsAndCancels()
{
    const QString path = m_dir + QStringLiteral("/export.csv");
    {
        UserFileWriter writer(path, {});
        QVERIFY(writer.open());
        QVERIFY(writer.write("a,b\n"));
        QVERIFY(writer.write("1,2\n"));
        QVERIFY(writer.commit());
    }
    QCOMPARE(readFile(path), QByteArray("a,b\n1,2\n"));
    {
        // Never committed: the old content stays and no temporary file is left.
        UserFileWriter writer(path, {});
        QVERIFY(writer.open());
        QVERIFY(writer.write("half"));
    }
    QCOMPARE(readFile(path), QByteArray("a,b\n1,2\n"));
    QCOMPARE(QDir(m_dir).entryList({QStringLiteral("export.csv*")}, QDir::Files).size(), 1);
}

void TestUserFileWriter::reportsCodes()
{
    // Root may write anywhere by mode bits, so the obstacle is a file where
    // a folder should be.
    QVERIFY(writeFile(m_dir + QStringLiteral("/plain"), "not a folder"));
    UserFileWriter::Options create;
    create.createFolder = true;
    QCOMPARE(UserFileWriter::writeFile(m_dir + QStringLiteral("/plain/sub/x"), "x", create).code,
        FileWriteError::Code::CannotCreateFolder);
    const FileWriteError error =
        UserFileWriter::writeFile(m_dir + QStringLiteral("/plain/x"), "x", {});
    QCOMPARE(error.code, FileWriteError::Code::CannotWrite);
    QVERIFY2(error.message.contains(QLatin1String("plain/x")), qPrintable(error.message));
    QCOMPARE(readFile(m_dir + QStringLiteral("/plain")), QByteArray("not a folder"));
}

QTEST_GUILESS_MAIN(TestUserFileWriter)
#include "tst_userfilewriter.moc"
