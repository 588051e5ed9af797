#include "core/profiles/connectiontest.h"
#include "core/profiles/passfile.h"
#include "core/sandbox/localserver.h"
#include "testsecrets.h"
#include "testsupport.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTest>

using namespace tusk::core;

// Profiles against the fixture's real server: connection tests, the ssl
// fallback decision, passwords from a .pgpass file, and `tusk profiles`
// end to end (resolve, test --yes, migrate, broken files).
class TestProfiles : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void testsConnection();
    void decidesSslFallback();
    void neverDowngradesVerifiedSsl();
    void reportsWrongPassword();
    void usesPassFile();
    void cliResolvesFromMonorepoSubfolder();
    void cliTestNeverSavesDowngrade();
    void cliMigratesAndReportsBrokenFile();

private:
    ConnectionTestOutcome runTest(const ConnInfo &info, bool fallback = true);
    int runTusk(const QStringList &arguments, const QString &workingDir, QString *output,
        const QStringList &environment = {});
    QString writeFile(const QString &path, const QByteArray &content);

    ConnInfo m_tcp; // 127.0.0.1 with the superuser's password
    QString m_password;
    QString m_scratch;
};

void TestProfiles::initTestCase()
{
    QVERIFY2(
        !tusk::test::clusterConnInfo().isEmpty(), qPrintable(tusk::test::clusterMissingMessage()));
    const LocalServer server(qEnvironmentVariable("TUSK_TEST_CLUSTER"));
    m_tcp = server.tcpConnInfo();
    m_password = m_tcp.value(QStringLiteral("password"));
    QVERIFY(!m_password.isEmpty());
    m_scratch = tusk::test::scratchFolder(QStringLiteral("profiles"));
    QVERIFY(QDir().mkpath(m_scratch));
}

QString TestProfiles::writeFile(const QString &path, const QByteArray &content)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size())
        return {};
    return path;
}

ConnectionTestOutcome TestProfiles::runTest(const ConnInfo &info, bool fallback)
{
    ConnectionTest tester;
    QSignalSpy done(&tester, &ConnectionTest::finished);
    tester.start(info, fallback);
    if (!done.wait(20000))
        return {};
    return done.first().first().value<ConnectionTestOutcome>();
}

int TestProfiles::runTusk(const QStringList &arguments, const QString &workingDir, QString *output,
    const QStringList &environment)
{
    return tusk::test::runTusk(QStringList {QStringLiteral("profiles")} + arguments, workingDir,
        output,
        QStringList {QStringLiteral("XDG_CONFIG_HOME=") + m_scratch + QStringLiteral("/config")}
            + environment);
}

void TestProfiles::testsConnection()
{
    const ConnectionTestOutcome outcome = runTest(tusk::test::clusterConnInfo());
    QVERIFY2(outcome.ok, qPrintable(outcome.error.toString()));
    QVERIFY(outcome.serverVersion.startsWith(QLatin1String("15.")));
    QCOMPARE(outcome.database, QStringLiteral("postgres"));
    QVERIFY(!outcome.sslInUse);
    QVERIFY(outcome.fallbackSslMode.isEmpty());
    QVERIFY(outcome.error.isNull());
    qInfo("connect %lld ms, round trip %.2f ms", outcome.connectMs, outcome.roundTripMs);
}

void TestProfiles::decidesSslFallback()
{
    // The test server has no certificate: sslmode=require cannot work, and
    // it is never retried without TLS (docs/profiles.md). sslmode=disable
    // works at once, so there is nothing to retry either.
    ConnInfo info = m_tcp;
    info.setValue(QStringLiteral("sslmode"), QStringLiteral("require"));
    ConnectionTestOutcome outcome = runTest(info);
    QVERIFY(!outcome.ok);
    QVERIFY(outcome.fallbackSslMode.isEmpty());
    QVERIFY2(
        outcome.error.message.contains(QLatin1String("SSL")), qPrintable(outcome.error.toString()));
    info.setValue(QStringLiteral("sslmode"), QStringLiteral("disable"));
    outcome = runTest(info);
    QVERIFY2(outcome.ok, qPrintable(outcome.error.toString()));
    QVERIFY(outcome.fallbackSslMode.isEmpty());
}

void TestProfiles::neverDowngradesVerifiedSsl()
{
    ConnInfo info = m_tcp;
    info.setValue(QStringLiteral("sslmode"), QStringLiteral("verify-full"));
    const ConnectionTestOutcome outcome = runTest(info);
    QVERIFY(!outcome.ok);
    QVERIFY(outcome.fallbackSslMode.isEmpty());
}

void TestProfiles::reportsWrongPassword()
{
    ConnInfo info = m_tcp;
    info.setValue(QStringLiteral("password"), QStringLiteral(TUSK_TEST_PASSWORD_NOT_IT));
    const ConnectionTestOutcome outcome = runTest(info);
    QVERIFY(!outcome.ok);
    QCOMPARE(outcome.error.sqlState, QStringLiteral("28P01"));
    QVERIFY2(outcome.error.message.contains(QLatin1String("password authentication failed")),
        qPrintable(outcome.error.toString()));
    QVERIFY(outcome.fallbackSslMode.isEmpty()); // not an ssl matter: no retry
}

void TestProfiles::usesPassFile()
{
    const QString passfile = writeFile(m_scratch + QStringLiteral("/pgpass"),
        QStringLiteral("# test\n127.0.0.1:%1:*:postgres:%2\n")
            .arg(m_tcp.port(), QString(m_password).replace(QLatin1Char(':'), QLatin1String("\\:")))
            .toUtf8());
    QVERIFY(!passfile.isEmpty());
    QFile::setPermissions(passfile, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    ConnInfo info = m_tcp;
    info.remove(QStringLiteral("password"));
    info.setValue(QStringLiteral("passfile"), passfile);
    QVERIFY(PassFile::problem(passfile).isEmpty());
    QVERIFY(PassFile::hasEntryFor(info));
    ConnectionTestOutcome outcome = runTest(info);
    QVERIFY2(outcome.ok, qPrintable(outcome.error.toString()));

    // Readable by others: libpq ignores it, and Tusk says why.
    QFile::setPermissions(
        passfile, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadOther);
    QVERIFY2(PassFile::problem(passfile).contains(QLatin1String("chmod 0600")),
        qPrintable(PassFile::problem(passfile)));
    QVERIFY(!PassFile::hasEntryFor(info));
    outcome = runTest(info);
    QVERIFY(!outcome.ok);
}

void TestProfiles::cliResolvesFromMonorepoSubfolder()
{
    const QString root = m_scratch + QStringLiteral("/acme");
    QVERIFY(QDir().mkpath(root + QStringLiteral("/.git")));
    QVERIFY(QDir().mkpath(root + QStringLiteral("/apps/shop/worker/jobs")));
    QVERIFY(!writeFile(root + QStringLiteral("/.skills/postgres/postgres.toml"),
        "[configuration]\nschema_version = 1\npg_bin_path = \"/usr/lib/postgresql/15/bin\"\n\n"
        "[database.shop]\nproject = \"apps/shop\"\ndatabase = \"shop\"\n\n"
        "[database.shop_worker]\nproject = \"apps/shop/worker\"\ndatabase = \"jobs\"\n\n"
        "[database.local]\ndatabase = \"dev\"\n[database.other]\ndatabase = \"x\"\n")
                 .isEmpty());
    QString output;
    QCOMPARE(runTusk({QStringLiteral("resolve")}, root + QStringLiteral("/apps/shop/worker/jobs"),
                 &output),
        0);
    QVERIFY2(output.contains(QLatin1String("profile:      shop_worker")), qPrintable(output));
    QCOMPARE(
        runTusk({QStringLiteral("resolve"), QStringLiteral("--format"), QStringLiteral("json")},
            root + QStringLiteral("/apps/shop"), &output),
        0);
    QVERIFY2(output.contains(QLatin1String("\"name\": \"shop\"")), qPrintable(output));
    QVERIFY2(output.contains(QLatin1String("\"source\": \"project\"")), qPrintable(output));
    // DB_PROFILE wins; an unknown one fails with the names to choose from.
    QCOMPARE(runTusk({QStringLiteral("resolve")}, root + QStringLiteral("/apps/shop"), &output,
                 {QStringLiteral("DB_PROFILE=nope")}),
        1);
    QVERIFY2(
        output.contains(QLatin1String("DB_PROFILE=nope names no profile")), qPrintable(output));
}

void TestProfiles::cliTestNeverSavesDowngrade()
{
    const QString root = m_scratch + QStringLiteral("/ssl");
    QVERIFY(QDir().mkpath(root + QStringLiteral("/.git")));
    const QString passfile = writeFile(m_scratch + QStringLiteral("/pgpass-cli"),
        QStringLiteral("127.0.0.1:%1:*:postgres:%2\n").arg(m_tcp.port(), m_password).toUtf8());
    QFile::setPermissions(passfile, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    const QByteArray original = QStringLiteral(
        "[configuration]\nschema_version = 1\npg_bin_path = \"/usr/lib/postgresql/15/bin\"\n\n"
        "# the test server\n[database.local]\nhost = \"127.0.0.1\"\nport = %1\n"
        "user = \"postgres\"\ndatabase = \"postgres\"\nsslmode = true   # we thought\n")
                                    .arg(m_tcp.port())
                                    .toUtf8();
    const QString file =
        writeFile(root + QStringLiteral("/.skills/postgres/postgres.toml"), original);
    const QStringList env {QStringLiteral("PGPASSFILE=") + passfile};
    QString output;
    // The server has no TLS and the profile asks for it: no fallback to
    // plain text is offered, even with --yes, and nothing is written.
    // (Up from false to require, with consent: tst_tls, which has a TLS server.)
    QCOMPARE(runTusk({QStringLiteral("test")}, root, &output, env), 1);
    QVERIFY2(output.contains(QLatin1String("server does not support SSL")), qPrintable(output));
    QVERIFY2(!output.contains(QLatin1String("it works")), qPrintable(output));
    QCOMPARE(runTusk({QStringLiteral("test"), QStringLiteral("local"), QStringLiteral("--yes")},
                 root, &output, env),
        1);
    QVERIFY2(!output.contains(QLatin1String("saved sslmode")), qPrintable(output));
    QFile read(file);
    QVERIFY(read.open(QIODevice::ReadOnly));
    QCOMPARE(read.readAll(), original);
    QVERIFY(!QFile::exists(file + QStringLiteral(".bak")));
}

void TestProfiles::cliMigratesAndReportsBrokenFile()
{
    const QString root = m_scratch + QStringLiteral("/legacy");
    QVERIFY(QDir().mkpath(root + QStringLiteral("/.git")));
    const QString file = root + QStringLiteral("/.skills/postgres/postgres.toml");
    const QByteArray legacy("# legacy profiles\n[database]\nsslmode = \"no\" # old style\n\n"
                            "[database.local]\nhost = \"localhost\"\n");
    QVERIFY(!writeFile(file, legacy).isEmpty());
    QString output;
    QCOMPARE(runTusk({QStringLiteral("migrate")}, root, &output), 0);
    QVERIFY2(output.contains(QLatin1String("migrated to schema v1")), qPrintable(output));
    QFile read(file);
    QVERIFY(read.open(QIODevice::ReadOnly));
    const QByteArray migrated = read.readAll();
    read.close();
    QVERIFY2(migrated.startsWith("# legacy profiles\n[configuration]\nschema_version = 1\n"
                                 "pg_bin_path = \""),
        migrated.constData());
    QVERIFY(migrated.endsWith("\n\n[database]\nsslmode = false # old style\n\n"
                              "[database.local]\nhost = \"localhost\"\n"));

    const QByteArray broken("[database.local]\nhost = \"localhost\nport = 5432\n");
    QVERIFY(!writeFile(file, broken).isEmpty());
    QCOMPARE(runTusk({QStringLiteral("list")}, root, &output), 1);
    QVERIFY2(output.contains(file + QStringLiteral(":2:")), qPrintable(output));
    QCOMPARE(runTusk({QStringLiteral("migrate")}, root, &output), 1);
    QVERIFY(read.open(QIODevice::ReadOnly));
    QCOMPARE(read.readAll(), broken);
}

QTEST_GUILESS_MAIN(TestProfiles)
#include "tst_profiles.moc"
