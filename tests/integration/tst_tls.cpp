#include "core/pg/connection.h"
#include "core/profiles/connectiontest.h"
#include "core/sandbox/localserver.h"
#include "testsupport.h"
#include "tlstestserver.h"

#include <QDir>
#include <QSignalSpy>
#include <QTest>

using namespace tusk::core;
using tusk::test::TlsTestServer;

// TLS against real servers: a private one with ssl on and a throwaway CA
// (TlsTestServer), and the fixture cluster, which has no TLS. verify-full
// checks the host name and says so when it does not match; require never
// ends in plain text; the ssl fallback of the profile manager never tries
// a weaker mode than the profile asked (docs/profiles.md).
class TestTls : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void verifyFullWithTheCertificatesName();
    void verifyFullRefusesAnotherHostName();
    void verifyCaRefusesAnotherCa();
    void missingRootCertificateSaysWhatToDo();
    void requireNeverConnectsInPlainText();
    void fallbackNeverWeaker_data();
    void fallbackNeverWeaker();
    void fallbackGoesUpFromDisable();
    void preferAndAllowNeedNoFallback_data();
    void preferAndAllowNeedNoFallback();
    void cliTestsTlsProfiles();

private:
    static ConnectionTestOutcome runTest(const ConnInfo &info, bool fallback = true);
    static bool sslInUse(Connection &connection);
    ConnInfo plainServer(const QString &sslmode) const;

    TlsTestServer m_server;
    QString m_scratch;
};

void TestTls::initTestCase()
{
    QVERIFY2(
        !tusk::test::clusterConnInfo().isEmpty(), qPrintable(tusk::test::clusterMissingMessage()));
    m_scratch = tusk::test::scratchFolder(QStringLiteral("tls"));
    QVERIFY2(m_server.start(m_scratch), qPrintable(m_server.error()));
}

ConnectionTestOutcome TestTls::runTest(const ConnInfo &info, bool fallback)
{
    ConnectionTest tester;
    QSignalSpy done(&tester, &ConnectionTest::finished);
    tester.start(info, fallback);
    if (!done.wait(20000)) {
        ConnectionTestOutcome none;
        none.error = PgError::client(QStringLiteral("the connection test never finished"));
        return none;
    }
    return done.first().first().value<ConnectionTestOutcome>();
}

bool TestTls::sslInUse(Connection &connection)
{
    const tusk::test::Reply reply = tusk::test::runAndWait(
        connection, QStringLiteral("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()"));
    return reply.error.isNull() && !reply.results.isEmpty()
        && reply.results.first().text(0, 0) == QLatin1String("t");
}

// The fixture's cluster over TCP: ssl is off there.
ConnInfo TestTls::plainServer(const QString &sslmode) const
{
    ConnInfo info = LocalServer(qEnvironmentVariable("TUSK_TEST_CLUSTER")).tcpConnInfo();
    info.setValue(QStringLiteral("sslmode"), sslmode);
    return info;
}

void TestTls::verifyFullWithTheCertificatesName()
{
    const ConnInfo info =
        m_server.tcp(QStringLiteral("localhost"), QStringLiteral("verify-full"), m_server.caFile());
    Connection connection;
    const PgError error = tusk::test::openAndWait(connection, info);
    QVERIFY2(error.isNull(), qPrintable(error.toString()));
    QVERIFY(sslInUse(connection));

    const ConnectionTestOutcome outcome = runTest(info);
    QVERIFY2(outcome.ok, qPrintable(outcome.error.toString()));
    QVERIFY(outcome.sslInUse);
    QVERIFY2(outcome.sslVersion.startsWith(QLatin1String("TLS")), qPrintable(outcome.sslVersion));
    QVERIFY(outcome.fallbackSslMode.isEmpty());
}

void TestTls::verifyFullRefusesAnotherHostName()
{
    // The certificate names localhost; 127.0.0.1 is the same server under
    // a name the certificate does not vouch for.
    const ConnInfo info =
        m_server.tcp(QStringLiteral("127.0.0.1"), QStringLiteral("verify-full"), m_server.caFile());
    Connection connection;
    const PgError error = tusk::test::openAndWait(connection, info);
    qInfo("%s", qPrintable(error.toString()));
    QVERIFY(!error.isNull());
    QVERIFY(!connection.isOpen());
    // The server answered; only the TLS handshake failed, and that is what is said.
    QVERIFY2(error.message.startsWith(
                 QStringLiteral("cannot set up TLS with the server at \"127.0.0.1\", port %1: ")
                     .arg(m_server.port())),
        qPrintable(error.toString()));
    QVERIFY2(error.message.contains(QLatin1String("server certificate for \"localhost\""))
            && error.message.contains(QLatin1String("does not match host name \"127.0.0.1\"")),
        qPrintable(error.toString()));
    QVERIFY2(error.hint.contains(QLatin1String("names in the server's certificate")),
        qPrintable(error.toString()));
    QCOMPARE(error.sqlState, QStringLiteral("08001"));

    // The same root certificate is right: only the name is wrong.
    const ConnInfo verifyCa =
        m_server.tcp(QStringLiteral("127.0.0.1"), QStringLiteral("verify-ca"), m_server.caFile());
    Connection other;
    const PgError caError = tusk::test::openAndWait(other, verifyCa);
    QVERIFY2(caError.isNull(), qPrintable(caError.toString()));
    QVERIFY(sslInUse(other));
}

void TestTls::verifyCaRefusesAnotherCa()
{
    const ConnInfo info = m_server.tcp(
        QStringLiteral("localhost"), QStringLiteral("verify-ca"), m_server.otherCaFile());
    Connection connection;
    const PgError error = tusk::test::openAndWait(connection, info);
    qInfo("%s", qPrintable(error.toString()));
    QVERIFY(!error.isNull());
    QVERIFY2(error.message.startsWith(QLatin1String("cannot set up TLS with the server"))
            && error.message.contains(QLatin1String("certificate verify failed")),
        qPrintable(error.toString()));
    // libpq's words alone do not say which certificate: Tusk's hint does.
    QVERIFY2(error.hint.contains(m_server.otherCaFile()), qPrintable(error.toString()));
}

void TestTls::missingRootCertificateSaysWhatToDo()
{
    const QString missing = m_scratch + QStringLiteral("/no-such-root.crt");
    const ConnInfo info =
        m_server.tcp(QStringLiteral("localhost"), QStringLiteral("verify-full"), missing);
    Connection connection;
    const PgError error = tusk::test::openAndWait(connection, info);
    qInfo("%s", qPrintable(error.toString()));
    QVERIFY2(error.message.contains(
                 QStringLiteral("root certificate file \"%1\" does not exist").arg(missing)),
        qPrintable(error.toString()));
    // libpq's second line, which says what to do, is kept.
    QVERIFY2(error.hint.contains(QLatin1String("Either provide the file or change sslmode")),
        qPrintable(error.toString()));
}

void TestTls::requireNeverConnectsInPlainText()
{
    Connection connection;
    const PgError error =
        tusk::test::openAndWait(connection, plainServer(QStringLiteral("require")));
    qInfo("%s", qPrintable(error.toString()));
    QVERIFY(!connection.isOpen());
    QVERIFY2(error.message.startsWith(QLatin1String("cannot set up TLS with the server"))
            && error.message.contains(QLatin1String("server does not support SSL")),
        qPrintable(error.toString()));
    QVERIFY2(error.hint.contains(QLatin1String("never falls back")), qPrintable(error.toString()));

    // The same mode against the TLS server works, with TLS.
    Connection tls;
    const PgError ok = tusk::test::openAndWait(
        tls, m_server.tcp(QStringLiteral("127.0.0.1"), QStringLiteral("require")));
    QVERIFY2(ok.isNull(), qPrintable(ok.toString()));
    QVERIFY(sslInUse(tls));
}

// Each row fails as asked, while a weaker mode would have connected: a
// fallback that went down would end with ok, and with a mode to save.
void TestTls::fallbackNeverWeaker_data()
{
    QTest::addColumn<QString>("sslmode");
    QTest::addColumn<QString>("host");
    QTest::addColumn<QString>("rootCert");
    QTest::addColumn<bool>("plainServer");
    QTest::addColumn<QString>("weaker");
    QTest::addColumn<QString>("said");

    QTest::newRow("verify-full, another host name")
        << QStringLiteral("verify-full") << QStringLiteral("127.0.0.1") << QStringLiteral("ca")
        << false << QStringLiteral("verify-ca") << QStringLiteral("does not match host name");
    QTest::newRow("verify-ca, another CA")
        << QStringLiteral("verify-ca") << QStringLiteral("localhost") << QStringLiteral("other")
        << false << QStringLiteral("require") << QStringLiteral("certificate verify failed");
    QTest::newRow("verify-full, server without TLS")
        << QStringLiteral("verify-full") << QString() << QStringLiteral("ca") << true
        << QStringLiteral("disable") << QStringLiteral("server does not support SSL");
    QTest::newRow("require, server without TLS")
        << QStringLiteral("require") << QString() << QString() << true << QStringLiteral("disable")
        << QStringLiteral("server does not support SSL");
}

void TestTls::fallbackNeverWeaker()
{
    QFETCH(QString, sslmode);
    QFETCH(QString, host);
    QFETCH(QString, rootCert);
    QFETCH(bool, plainServer);
    QFETCH(QString, weaker);
    QFETCH(QString, said);
    const QString root = rootCert == QLatin1String("ca") ? m_server.caFile()
        : rootCert == QLatin1String("other")             ? m_server.otherCaFile()
                                                         : QString();
    ConnInfo info = plainServer ? this->plainServer(sslmode) : m_server.tcp(host, sslmode, root);
    if (!root.isEmpty())
        info.setValue(QStringLiteral("sslrootcert"), root);

    const ConnectionTestOutcome outcome = runTest(info);
    QVERIFY2(!outcome.ok, "connected below the sslmode the profile asked for");
    QVERIFY2(outcome.fallbackSslMode.isEmpty(), qPrintable(outcome.fallbackSslMode));
    QVERIFY2(outcome.error.message.contains(said), qPrintable(outcome.error.toString()));

    // The weaker mode does connect here, so the failure above is no accident.
    // (With a root certificate at hand libpq checks it under require too.)
    info.setValue(QStringLiteral("sslmode"), weaker);
    if (weaker == QLatin1String("require") || weaker == QLatin1String("disable"))
        info.remove(QStringLiteral("sslrootcert"));
    const ConnectionTestOutcome weakerOutcome = runTest(info, false);
    QVERIFY2(weakerOutcome.ok, qPrintable(weakerOutcome.error.toString()));
}

void TestTls::fallbackGoesUpFromDisable()
{
    // tls_only refuses plain TCP: the profile's "sslmode = false" fails on
    // encryption, and the one retry is with TLS (require), which works.
    const ConnInfo info = m_server.tcp(QStringLiteral("127.0.0.1"), QStringLiteral("disable"), {},
        TlsTestServer::tlsOnlyDatabase());
    const ConnectionTestOutcome outcome = runTest(info);
    QVERIFY2(outcome.ok, qPrintable(outcome.error.toString()));
    QCOMPARE(outcome.fallbackSslMode, QStringLiteral("require"));
    QVERIFY(outcome.sslInUse);
    QVERIFY2(outcome.error.message.contains(QLatin1String("no encryption")),
        qPrintable(outcome.error.toString()));
    // Without permission to retry, the first failure stands.
    const ConnectionTestOutcome alone = runTest(info, false);
    QVERIFY(!alone.ok);
    QVERIFY(alone.fallbackSslMode.isEmpty());
}

// docs/profiles.md: prefer and allow already try both ways, so they never
// need the fallback; prefer takes TLS where offered, allow plain first.
void TestTls::preferAndAllowNeedNoFallback_data()
{
    QTest::addColumn<QString>("sslmode");
    QTest::addColumn<QString>("server"); // tls, tls_only, plain
    QTest::addColumn<bool>("ssl");

    QTest::newRow("prefer, TLS server")
        << QStringLiteral("prefer") << QStringLiteral("tls") << true;
    QTest::newRow("prefer, TLS only")
        << QStringLiteral("prefer") << QStringLiteral("tls_only") << true;
    QTest::newRow("prefer, no TLS") << QStringLiteral("prefer") << QStringLiteral("plain") << false;
    QTest::newRow("allow, TLS server") << QStringLiteral("allow") << QStringLiteral("tls") << false;
    QTest::newRow("allow, TLS only")
        << QStringLiteral("allow") << QStringLiteral("tls_only") << true;
    QTest::newRow("allow, no TLS") << QStringLiteral("allow") << QStringLiteral("plain") << false;
}

void TestTls::preferAndAllowNeedNoFallback()
{
    QFETCH(QString, sslmode);
    QFETCH(QString, server);
    QFETCH(bool, ssl);
    const ConnInfo info = server == QLatin1String("plain")
        ? plainServer(sslmode)
        : m_server.tcp(QStringLiteral("127.0.0.1"), sslmode, {},
            server == QLatin1String("tls") ? QStringLiteral("postgres")
                                           : TlsTestServer::tlsOnlyDatabase());
    const ConnectionTestOutcome outcome = runTest(info);
    QVERIFY2(outcome.ok, qPrintable(outcome.error.toString()));
    QVERIFY(outcome.error.isNull());
    QVERIFY(outcome.fallbackSslMode.isEmpty());
    QCOMPARE(outcome.sslInUse, ssl);
}

void TestTls::cliTestsTlsProfiles()
{
    const QString root = m_scratch + QStringLiteral("/project");
    QVERIFY(QDir().mkpath(root + QStringLiteral("/.git")));
    const ConnInfo plain = plainServer(QStringLiteral("require"));
    const QString passfile = m_scratch + QStringLiteral("/pgpass");
    QVERIFY(tusk::test::writeFile(passfile,
        QStringLiteral("localhost:%1:*:postgres:%2\n127.0.0.1:%1:*:postgres:%2\n"
                       "127.0.0.1:%3:*:postgres:%4\n")
            .arg(m_server.port())
            .arg(m_server.password(), plain.port(), plain.value(QStringLiteral("password")))
            .toUtf8()));
    QFile::setPermissions(passfile, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    const QString profile = QStringLiteral("[database.%1]\nhost = \"%2\"\nport = %3\n"
                                           "user = \"postgres\"\ndatabase = \"%4\"\n%5\n\n");
    const QString verify =
        QStringLiteral("sslmode = \"verify-full\"\nsslrootcert = \"%1\"").arg(m_server.caFile());
    const QByteArray original = (QStringLiteral("[configuration]\nschema_version = 1\n"
                                                "pg_bin_path = \"/usr/lib/postgresql/15/bin\"\n\n")
        + profile.arg(QStringLiteral("good"), QStringLiteral("localhost"))
              .arg(m_server.port())
              .arg(QStringLiteral("postgres"), verify)
        + profile.arg(QStringLiteral("wrong_host"), QStringLiteral("127.0.0.1"))
              .arg(m_server.port())
              .arg(QStringLiteral("postgres"), verify)
        + profile.arg(QStringLiteral("plain"), QStringLiteral("127.0.0.1"), plain.port(),
            QStringLiteral("postgres"), QStringLiteral("sslmode = true"))
        + profile.arg(QStringLiteral("tls_only"), QStringLiteral("127.0.0.1"))
              .arg(m_server.port())
              .arg(TlsTestServer::tlsOnlyDatabase(), QStringLiteral("sslmode = false")))
                                    .toUtf8();
    const QString file = root + QStringLiteral("/.skills/postgres/postgres.toml");
    QVERIFY(tusk::test::writeFile(file, original));
    const QStringList env {QStringLiteral("PGPASSFILE=") + passfile};
    const auto test = [&](const QString &name, QString *output) {
        return tusk::test::runTusk(
            {QStringLiteral("profiles"), QStringLiteral("test"), name, QStringLiteral("--yes")},
            root, output, env);
    };

    QString output;
    QCOMPARE(test(QStringLiteral("good"), &output), 0);
    QVERIFY2(output.contains(QLatin1String("ssl TLSv1.")), qPrintable(output));

    QCOMPARE(test(QStringLiteral("wrong_host"), &output), 1);
    QVERIFY2(output.contains(QLatin1String("does not match host name \"127.0.0.1\"")),
        qPrintable(output));
    QVERIFY2(!output.contains(QLatin1String("it works")), qPrintable(output));

    // --yes would save a fallback: there must be none to save.
    QCOMPARE(test(QStringLiteral("plain"), &output), 1);
    QVERIFY2(output.contains(QLatin1String("server does not support SSL")), qPrintable(output));
    QVERIFY2(!output.contains(QLatin1String("it works")), qPrintable(output));
    QCOMPARE(tusk::test::readFile(file), original);

    // Up from false to TLS is offered and, with --yes, saved.
    QCOMPARE(test(QStringLiteral("tls_only"), &output), 0);
    QVERIFY2(output.contains(QLatin1String("with sslmode=require it works")), qPrintable(output));
    QVERIFY2(output.contains(QLatin1String("saved sslmode")), qPrintable(output));
    QCOMPARE(tusk::test::readFile(file),
        QByteArray(original).replace(
            "\"tls_only\"\nsslmode = false", "\"tls_only\"\nsslmode = true"));
}

QTEST_GUILESS_MAIN(TestTls)
#include "tst_tls.moc"
