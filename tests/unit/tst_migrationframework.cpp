// MigrationFramework: each tool recognised from its own signs, with its
// transaction habit, and the opt-outs each tool offers.

#include "core/sql/migrationframework.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace tusk::core;

class TestMigrationFramework : public QObject {
    Q_OBJECT
private slots:
    void eachToolAndItsTransactions();

private:
    QString touch(const QString &relative);
    QTemporaryDir m_dir;
};

QString TestMigrationFramework::touch(const QString &relative)
{
    const QString path = m_dir.filePath(relative);
    QDir().mkpath(QFileInfo(path).path());
    QFile file(path);
    file.open(QIODevice::WriteOnly);
    return path;
}

void TestMigrationFramework::eachToolAndItsTransactions()
{
    auto check = [](const MigrationFramework &f, const char *name, bool inTransaction) {
        QCOMPARE(f.name, QString::fromLatin1(name));
        QCOMPARE(f.inTransaction, inTransaction);
        QVERIFY(!f.reason.isEmpty());
    };
    touch(QStringLiteral("gm/.gmrc"));
    const QString current = touch(QStringLiteral("gm/migrations/current.sql"));
    check(MigrationFramework::detect(current, QStringLiteral("CREATE INDEX i ON t (a);")),
        "graphile-migrate", true);
    check(MigrationFramework::detect(
              current, QStringLiteral("--! no-transaction\nCREATE INDEX CONCURRENTLY i ON t (a);")),
        "graphile-migrate", false);
    const QString flyway = touch(QStringLiteral("fw/sql/V2_1__add_index.sql"));
    check(MigrationFramework::detect(flyway, QString()), "Flyway", true);
    // A script config file beside a Flyway migration turns the transaction off.
    const QString concurrent = touch(QStringLiteral("fw/sql/V3__concurrent_index.sql"));
    QFile config(concurrent + QStringLiteral(".conf"));
    QVERIFY(config.open(QIODevice::WriteOnly));
    config.write("# Flyway script config\nexecuteInTransaction = false\n");
    config.close();
    check(MigrationFramework::detect(concurrent, QString()), "Flyway", false);
    check(MigrationFramework::detect(touch(QStringLiteral("dm/db/migrations/20240101_x.sql")),
              QStringLiteral("-- migrate:up\nALTER TABLE t ADD c int;\n-- migrate:down\n")),
        "dbmate", true);
    check(MigrationFramework::detect(touch(QStringLiteral("dm/db/migrations/20240102_y.sql")),
              QStringLiteral(
                  "-- migrate:up transaction:false\nCREATE INDEX CONCURRENTLY i ON t (a);")),
        "dbmate", false);
    check(MigrationFramework::detect(
              touch(QStringLiteral("go/migrations/0003_idx.up.sql")), QString()),
        "golang-migrate", false);
    // Prisma: <14-digit timestamp>_<name>/migration.sql, one script, so one
    // (implicit) transaction; another file in such a folder is not Prisma's.
    check(MigrationFramework::detect(
              touch(QStringLiteral("pr/prisma/migrations/20240102030405_add_user/migration.sql")),
              QStringLiteral("-- CreateTable\nCREATE TABLE \"User\" (id int);")),
        "Prisma", true);
    check(MigrationFramework::detect(
              touch(QStringLiteral("pr/prisma/migrations/2024_add_user/migration.sql")), QString()),
        "plain SQL", false);
    touch(QStringLiteral("sq/sqitch.plan"));
    check(MigrationFramework::detect(
              touch(QStringLiteral("sq/deploy/users.sql")), QStringLiteral("BEGIN;")),
        "sqitch", false);
    check(MigrationFramework::detect(
              touch(QStringLiteral("plain/db/migrations/prerelease.sql")), QString()),
        "plain SQL", false);
}

QTEST_GUILESS_MAIN(TestMigrationFramework)
#include "tst_migrationframework.moc"
