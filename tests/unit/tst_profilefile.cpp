#include "core/files/userfilewriter.h"
#include "core/profiles/pgbinpath.h"
#include "core/profiles/pgbinpathprobe.h"
#include "core/profiles/profilefile.h"
#include "core/profiles/schemamigration.h"
#include "core/profiles/servicefile.h"
#include "testsecrets.h"
#include "testsupport.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTest>

using namespace tusk::core;

using tusk::test::readFile;
using tusk::test::writeFile;

namespace {
QByteArray golden(const char *name)
{
    return readFile(QStringLiteral(TUSK_TEST_DATA "/profiles/") + QLatin1String(name));
}

ProfileFile fileWith(const QByteArray &text)
{
    ProfileFile file(QStringLiteral("/nowhere/postgres.toml"), ProfileScope::Project);
    file.setText(text);
    return file;
}
} // namespace

class TestProfileFile : public QObject {
    Q_OBJECT

private slots:
    void binPathProbeAgreesWithoutWaiting();
    void readsProfilesWithDefaults();
    void reportsIssuesWithLines();
    void migratesPre1KeepingEverythingElse();
    void migrationRefusesMeaninglessSslMode();
    void migrationFailsWithoutBinPath();
    void pre1RefusesEditsUntilMigrated();
    void addsProfileAfterTheOthers();
    void editsOnlyWhatChanged();
    void renamesAndRemoves();
    void refusesBadNames();
    void sslFallbackWritesInTheFilesStyle();
    void savesAtomicallyWithBackup();
    void createsNewFilePrivate();
    void neverWritesBrokenFile();
    void refusesWhenChangedOnDisk();
    void reportsUnwritablePlace();
    void importsServiceFile();
};

void TestProfileFile::binPathProbeAgreesWithoutWaiting()
{
    // The window's probe answers later, by signal, with what the command
    // line's waiting detect() finds; and a file given a detector uses it.
    PgBinPathProbe probe;
    QSignalSpy found(&probe, &PgBinPathProbe::found);
    probe.start();
    QVERIFY(found.isEmpty());
    QVERIFY(found.wait(10000));
    QCOMPARE(found.size(), 1);
    QCOMPARE(found.first().first().toString(), PgBinPath::detect());
    QVERIFY(!PgBinPath::detectWithoutPgConfig().isEmpty());

    const QString dir = tusk::test::scratchFolder(QStringLiteral("binpath-detector"));
    ProfileFile file(dir + QStringLiteral("/postgres.toml"), ProfileScope::User);
    QString error;
    QVERIFY(file.load(&error));
    file.setBinPathDetector([] { return QStringLiteral("/opt/given/bin"); });
    Profile p;
    p.name = QStringLiteral("local");
    p.host = QStringLiteral("localhost");
    QVERIFY2(file.saveProfile(p, {}, &error), qPrintable(error));
    QVERIFY2(file.toml().text().contains("pg_bin_path = \"/opt/given/bin\""),
        file.toml().text().constData());
}

void TestProfileFile::readsProfilesWithDefaults()
{
    const ProfileFile file = fileWith(golden("v1.toml"));
    QVERIFY(!file.isBroken());
    QCOMPARE(file.schemaVersion(), 1);
    QVERIFY(!file.needsMigration());
    QCOMPARE(file.pgBinPath(), QStringLiteral("/usr/lib/postgresql/15/bin"));
    const QList<Profile> profiles = file.profiles();
    QCOMPARE(profiles.size(), 3);
    QCOMPARE(profiles[0].name, QStringLiteral("local")); // document order
    QCOMPARE(profiles[0].host, QStringLiteral("localhost")); // from [database]
    QCOMPARE(profiles[0].user, QStringLiteral("acme"));
    QCOMPARE(profiles[0].port, 5432);
    QCOMPARE(profiles[0].sslMode, QStringLiteral("disable")); // sslmode = false
    QCOMPARE(profiles[0].line, 11);
    const Profile staging = profiles[1];
    QCOMPARE(staging.host, QStringLiteral("staging.db.internal"));
    QCOMPARE(staging.sslMode, QStringLiteral("verify-full"));
    QVERIFY(staging.isProduction());
    QCOMPARE(staging.extra.value(QStringLiteral("owner")).toString(), QStringLiteral("ops"));
    const ConnInfo info = staging.connInfo();
    QCOMPARE(
        info.value(QStringLiteral("sslrootcert")), QStringLiteral("~/.postgresql/staging-ca.crt"));
    QCOMPARE(info.value(QStringLiteral("options")), QStringLiteral("-c lock_timeout=3s"));
    QCOMPARE(info.value(QStringLiteral("dbname")), QStringLiteral("acme"));
}

void TestProfileFile::reportsIssuesWithLines()
{
    const ProfileFile file = fileWith(golden("v1.toml"));
    QStringList found;
    for (const ProfileIssue &issue : file.issues())
        found << QStringLiteral("%1:%2").arg(issue.line).arg(issue.message);
    const QString all = found.join(QLatin1Char('\n'));
    QVERIFY2(all.contains(QLatin1String("24:profile name \"Bad-Name\" breaks the rule")),
        qPrintable(all));
    QVERIFY2(
        all.contains(QLatin1String("25:[database.Bad-Name] port \"not a port\"")), qPrintable(all));
    QVERIFY2(all.contains(QLatin1String("26:[database.Bad-Name] password is stored in plain")),
        qPrintable(all));
    QVERIFY2(all.contains(QLatin1String("27:[database.Bad-Name] sslmode \"sometimes\" means")),
        qPrintable(all));
    QCOMPARE(found.size(), 4);
}

void TestProfileFile::migratesPre1KeepingEverythingElse()
{
    TomlText toml(golden("pre1.toml"));
    ProfileFile before = fileWith(toml.text());
    QVERIFY(before.needsMigration());
    QStringList changes;
    QString error;
    QVERIFY2(SchemaMigration::migrate(
                 &toml, [] { return QStringLiteral("/opt/pg/bin"); }, &changes, &error),
        qPrintable(error));
    // Byte for byte: only the added section and the two sslmode values differ.
    QCOMPARE(toml.text(), golden("pre1.migrated.toml"));
    QCOMPARE(changes.size(), 4);
    QVERIFY2(changes.join(QLatin1Char('\n')).contains(QStringLiteral("\"REQUIRE\" → \"require\"")),
        qPrintable(changes.join(QLatin1Char('\n'))));
    const ProfileFile after = fileWith(toml.text());
    QVERIFY(!after.needsMigration());
    QCOMPARE(after.profile(QStringLiteral("billing"))->sslMode, QStringLiteral("require"));
    // A second run has nothing to do and says so.
    QVERIFY(!SchemaMigration::migrate(
        &toml, [] { return QString(); }, &changes, &error));
    QVERIFY(error.contains(QLatin1String("schema_version 1 already")));
}

void TestProfileFile::migrationRefusesMeaninglessSslMode()
{
    TomlText toml("[database.x]\nhost = \"h\"\nsslmode = \"sometimes\"\n");
    const QByteArray before = toml.text();
    QStringList changes;
    QString error;
    QVERIFY(!SchemaMigration::migrate(
        &toml, [] { return QStringLiteral("/opt/pg/bin"); }, &changes, &error));
    QVERIFY2(error.contains(QLatin1String("line 3")), qPrintable(error));
    QCOMPARE(toml.text(), before);
}

void TestProfileFile::migrationFailsWithoutBinPath()
{
    TomlText toml("[database.x]\nhost = \"h\"\n");
    const QByteArray before = toml.text();
    QStringList changes;
    QString error;
    QVERIFY(!SchemaMigration::migrate(
        &toml, [] { return QString(); }, &changes, &error));
    QVERIFY2(error.contains(QLatin1String("pg_bin_path")), qPrintable(error));
    QCOMPARE(toml.text(), before);
}

void TestProfileFile::pre1RefusesEditsUntilMigrated()
{
    ProfileFile file = fileWith(golden("pre1.toml"));
    QString error;
    QVERIFY(!file.setPgBinPath(QStringLiteral("/x"), &error));
    QVERIFY2(error.contains(QLatin1String("tusk profiles migrate")), qPrintable(error));
    QVERIFY(!file.removeProfile(QStringLiteral("local"), &error));
    QCOMPARE(file.toml().text(), golden("pre1.toml"));
    // The real migration finds this machine's client programs.
    QStringList changes;
    QVERIFY2(file.migrateSchema(&changes, &error), qPrintable(error));
    QCOMPARE(file.schemaVersion(), 1);
    QVERIFY(PgBinPath::holdsClientPrograms(file.pgBinPath()));
    QVERIFY2(file.removeProfile(QStringLiteral("local"), &error), qPrintable(error));
}

void TestProfileFile::addsProfileAfterTheOthers()
{
    ProfileFile file = fileWith(golden("v1.toml"));
    Profile ci;
    ci.name = QStringLiteral("ci");
    ci.host = QStringLiteral("localhost"); // equal to [database].host: not repeated
    ci.port = 6543;
    ci.database = QStringLiteral("acme_ci");
    ci.user = QStringLiteral("ci");
    ci.sslMode = QStringLiteral("disable"); // equal to the default: not repeated
    ci.project = QStringLiteral("services/api");
    QString error;
    QVERIFY2(file.saveProfile(ci, {}, &error), qPrintable(error));
    const QByteArray expected = golden("v1.toml")
        + "\n[database.ci]\nport = 6543\ndatabase = \"acme_ci\"\nuser = \"ci\"\n"
          "project = \"services/api\"\n";
    QCOMPARE(file.toml().text(), expected);
    QCOMPARE(file.profile(QStringLiteral("ci"))->host, QStringLiteral("localhost"));
}

void TestProfileFile::editsOnlyWhatChanged()
{
    ProfileFile file = fileWith(golden("v1.toml"));
    Profile staging = *file.profile(QStringLiteral("staging"));
    staging.lockTimeout = QStringLiteral("5s");
    staging.description = QStringLiteral("Shared staging");
    QString error;
    QVERIFY2(file.saveProfile(staging, QStringLiteral("staging"), &error), qPrintable(error));
    QByteArray expected = golden("v1.toml");
    expected.replace("lock_timeout = \"3s\"\nowner = \"ops\"\n",
        "lock_timeout = \"5s\"\nowner = \"ops\"\ndescription = \"Shared staging\"\n");
    QCOMPARE(file.toml().text(), expected);
}

void TestProfileFile::renamesAndRemoves()
{
    ProfileFile file = fileWith(golden("v1.toml"));
    Profile local = *file.profile(QStringLiteral("local"));
    local.name = QStringLiteral("dev");
    QString error;
    QVERIFY2(file.saveProfile(local, QStringLiteral("local"), &error), qPrintable(error));
    QByteArray expected = golden("v1.toml");
    expected.replace("[database.local]", "[database.dev]");
    QCOMPARE(file.toml().text(), expected);
    QVERIFY2(file.removeProfile(QStringLiteral("dev"), &error), qPrintable(error));
    expected.replace("# The developer's own database\n[database.dev]\nport = 5432\n"
                     "database = \"acme_dev\"\n\n",
        "");
    QCOMPARE(file.toml().text(), expected);
    QVERIFY(!file.removeProfile(QStringLiteral("dev"), &error));
}

void TestProfileFile::refusesBadNames()
{
    ProfileFile file = fileWith(golden("v1.toml"));
    const QByteArray before = file.toml().text();
    for (const char *name : {"Prod", "my-db", "db 1", "", "é"}) {
        Profile p;
        p.name = QString::fromUtf8(name);
        QString error;
        QVERIFY(!file.saveProfile(p, {}, &error));
        QVERIFY2(error.contains(QLatin1String("^[a-z0-9_]+$")), qPrintable(error));
    }
    Profile duplicate;
    duplicate.name = QStringLiteral("staging");
    QString error;
    QVERIFY(!file.saveProfile(duplicate, {}, &error));
    QVERIFY(error.contains(QLatin1String("exists already")));
    QCOMPARE(file.toml().text(), before);
}

void TestProfileFile::sslFallbackWritesInTheFilesStyle()
{
    // Inherited boolean default: the profile gets its own boolean.
    ProfileFile file = fileWith(golden("v1.toml"));
    QString error;
    QVERIFY2(file.setSslMode(QStringLiteral("local"), QStringLiteral("require"), &error),
        qPrintable(error));
    QByteArray expected = golden("v1.toml");
    expected.replace("database = \"acme_dev\"\n", "database = \"acme_dev\"\nsslmode = true\n");
    QCOMPARE(file.toml().text(), expected);
    // Back to the default: the profile's own key goes.
    QVERIFY(file.setSslMode(QStringLiteral("local"), QStringLiteral("disable"), &error));
    QCOMPARE(file.toml().text(), golden("v1.toml"));
}

void TestProfileFile::savesAtomicallyWithBackup()
{
    const QString dir = tusk::test::scratchFolder(QStringLiteral("profilefile-save"));
    const QString path = dir + QStringLiteral("/postgres.toml");
    QVERIFY(writeFile(path, golden("v1.toml")));
    QFile::setPermissions(
        path, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup);
    ProfileFile file(path, ProfileScope::Project);
    QString error;
    QVERIFY2(file.load(&error), qPrintable(error));
    QVERIFY(file.setDefaultProfileName(QStringLiteral("local"), &error));
    QVERIFY(file.isModified());
    QVERIFY2(file.save(&error), qPrintable(error));
    QVERIFY(!file.isModified());
    QCOMPARE(readFile(path + QStringLiteral(".bak")), golden("v1.toml"));
    QByteArray expected = golden("v1.toml");
    expected.replace("pg_bin_path = \"/usr/lib/postgresql/15/bin\"\n",
        "pg_bin_path = \"/usr/lib/postgresql/15/bin\"\ndefault_profile = \"local\"\n");
    QCOMPARE(readFile(path), expected);
    // An existing file keeps its mode.
    QCOMPARE(QFile::permissions(path) & 0x7077,
        QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup);
}

void TestProfileFile::createsNewFilePrivate()
{
    const QString dir = tusk::test::scratchFolder(QStringLiteral("profilefile-new"));
    const QString path = dir + QStringLiteral("/.skills/postgres/postgres.toml");
    ProfileFile file(path, ProfileScope::Project);
    QString error;
    QVERIFY(file.load(&error));
    QVERIFY(!file.exists());
    QVERIFY(file.setPgBinPath(QStringLiteral("/usr/lib/postgresql/15/bin"), &error));
    Profile local;
    local.name = QStringLiteral("local");
    local.host = QStringLiteral("localhost");
    QVERIFY2(file.saveProfile(local, {}, &error), qPrintable(error));
    QVERIFY2(file.save(&error), qPrintable(error));
    QCOMPARE(QFile::permissions(path) & 0x7077, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    QVERIFY(!QFile::exists(path + QStringLiteral(".bak")));
    QCOMPARE(readFile(path),
        QByteArray("[configuration]\nschema_version = 1\n"
                   "pg_bin_path = \"/usr/lib/postgresql/15/bin\"\n\n"
                   "[database.local]\nhost = \"localhost\"\n"));
}

void TestProfileFile::neverWritesBrokenFile()
{
    const QString dir = tusk::test::scratchFolder(QStringLiteral("profilefile-broken"));
    const QString path = dir + QStringLiteral("/postgres.toml");
    const QByteArray broken("[database.local]\nhost = \"x\"\nport = = 1\n");
    QVERIFY(writeFile(path, broken));
    ProfileFile file(path, ProfileScope::User);
    QString error;
    QVERIFY(!file.load(&error));
    QCOMPARE(error.left(path.size() + 6), path + QStringLiteral(":3:8: "));
    QVERIFY(!file.setPgBinPath(QStringLiteral("/x"), &error));
    QVERIFY2(error.contains(QLatin1String("will not write it")), qPrintable(error));
    QVERIFY(file.save(&error)); // nothing to save
    QCOMPARE(readFile(path), broken);
    QVERIFY(!QFile::exists(path + QStringLiteral(".bak")));
}

void TestProfileFile::refusesWhenChangedOnDisk()
{
    const QString dir = tusk::test::scratchFolder(QStringLiteral("profilefile-race"));
    const QString path = dir + QStringLiteral("/postgres.toml");
    QVERIFY(writeFile(path, golden("v1.toml")));
    ProfileFile file(path, ProfileScope::User);
    QString error;
    QVERIFY(file.load(&error));
    QVERIFY(file.removeProfile(QStringLiteral("local"), &error));
    const QByteArray theirs = golden("v1.toml") + "\n# edited by hand meanwhile\n";
    QVERIFY(writeFile(path, theirs));
    QVERIFY(!file.save(&error));
    QVERIFY2(error.contains(QLatin1String("changed on disk")), qPrintable(error));
    QCOMPARE(readFile(path), theirs);
}

void TestProfileFile::reportsUnwritablePlace()
{
    // Root may write anywhere by mode bits, so the obstacle is a file where
    // the folder should be.
    const QString dir = tusk::test::scratchFolder(QStringLiteral("profilefile-blocked"));
    QVERIFY(writeFile(dir + QStringLiteral("/tusk"), "not a folder"));
    UserFileWriter::Options options;
    options.createFolder = true;
    const FileWriteError error = UserFileWriter::writeFile(
        dir + QStringLiteral("/tusk/postgres.toml"), "[database.x]\n", options);
    QCOMPARE(error.code, FileWriteError::Code::CannotCreateFolder);
    QVERIFY2(error.message.contains(QLatin1String("cannot create the folder")),
        qPrintable(error.message));
    QCOMPARE(readFile(dir + QStringLiteral("/tusk")), QByteArray("not a folder"));
}

void TestProfileFile::importsServiceFile()
{
    const QString dir = tusk::test::scratchFolder(QStringLiteral("servicefile"));
    const QString path = dir + QStringLiteral("/pg_service.conf");
    QVERIFY(writeFile(path,
        "# services\n[Billing-Prod]\nhost=db1.internal\nport=6432\n"
        "dbname=billing\nuser=app\npassword=" TUSK_TEST_PASSWORD_SERVICE "\nsslmode=verify-full\n"
        "\n[local]\nhost = /var/run/postgresql\ndbname = dev\n"));
    QStringList skipped;
    QString error;
    const QList<Profile> services = ServiceFile::read(path, &skipped, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(services.size(), 2);
    QCOMPARE(services[0].name, QStringLiteral("billing_prod"));
    QCOMPARE(services[0].port, 6432);
    QCOMPARE(services[0].sslMode, QStringLiteral("verify-full"));
    QVERIFY(services[0].password.isEmpty()); // never carried over
    QCOMPARE(skipped.size(), 1);
    QVERIFY(skipped.first().contains(QLatin1String("~/.pgpass")));
    QCOMPARE(services[1].host, QStringLiteral("/var/run/postgresql"));
    // Into a new file: it starts as schema v1, not as a pre-1 file.
    ProfileFile file(dir + QStringLiteral("/postgres.toml"), ProfileScope::User);
    QVERIFY(file.load(&error));
    QVERIFY2(file.saveProfile(services[0], {}, &error), qPrintable(error));
    QCOMPARE(file.schemaVersion(), 1);
    QVERIFY(!file.needsMigration());
    QVERIFY(file.toml().text().startsWith("[configuration]\nschema_version = 1\n"));
    QVERIFY(writeFile(dir + QStringLiteral("/broken.conf"), "host=x\n"));
    QVERIFY(ServiceFile::read(dir + QStringLiteral("/broken.conf"), &skipped, &error).isEmpty());
    QVERIFY2(error.contains(QLatin1String("broken.conf:1:")), qPrintable(error));
}

QTEST_GUILESS_MAIN(TestProfileFile)
#include "tst_profilefile.moc"
