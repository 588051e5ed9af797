#include "tlstestserver.h"

#include "testsupport.h"

#include "core/pg/connection.h"
#include "core/sandbox/localserver.h"
#include "core/sandbox/serveraccount.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QThread>

namespace tusk::test {

namespace {
// pg_hba.conf of the private server: trust on the owner-only socket (how the
// test sets it up), SCRAM on loopback with TLS for every database, without
// TLS only for "postgres": tls_only has no entry for plain TCP, so the ssl
// fallback has a server to go up to.
const QByteArray hbaText = "local all all trust\n"
                           "hostssl all all 127.0.0.1/32 scram-sha-256\n"
                           "hostnossl postgres all 127.0.0.1/32 scram-sha-256\n";
} // namespace

TlsTestServer::~TlsTestServer()
{
    if (!m_started)
        return;
    QString output;
    runTusk({QStringLiteral("sandbox"), QStringLiteral("remove"), QStringLiteral("--dir"),
                serverFolder(), QStringLiteral("--yes")},
        m_folder, &output);
}

bool TlsTestServer::openssl(const QStringList &arguments)
{
    QProcess process;
    process.setWorkingDirectory(m_folder);
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(QStringLiteral("openssl"), arguments);
    if (!process.waitForFinished(30000) || process.exitStatus() != QProcess::NormalExit
        || process.exitCode() != 0) {
        m_error = QStringLiteral("openssl %1 failed: %2 %3")
                      .arg(arguments.join(QLatin1Char(' ')), process.errorString(),
                          QString::fromLocal8Bit(process.readAll()));
        return false;
    }
    return true;
}

bool TlsTestServer::makeCertificates()
{
    const auto ca = [this](const QString &name, const QString &subject) {
        return openssl({QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
            QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-days"),
            QStringLiteral("2"), QStringLiteral("-subj"), subject, QStringLiteral("-keyout"),
            name + QStringLiteral(".key"), QStringLiteral("-out"), name + QStringLiteral(".crt")});
    };
    if (!ca(QStringLiteral("ca"), QStringLiteral("/CN=Tusk test CA"))
        || !ca(QStringLiteral("other-ca"), QStringLiteral("/CN=Some other CA")))
        return false;
    // The server's certificate names only "localhost": connecting by
    // 127.0.0.1 under verify-full must fail on the host name.
    if (!writeFile(m_folder + QStringLiteral("/server.ext"), "subjectAltName=DNS:localhost\n"))
        return false;
    return openssl({QStringLiteral("req"), QStringLiteral("-newkey"), QStringLiteral("rsa:2048"),
               QStringLiteral("-nodes"), QStringLiteral("-subj"), QStringLiteral("/CN=localhost"),
               QStringLiteral("-keyout"), QStringLiteral("server.key"), QStringLiteral("-out"),
               QStringLiteral("server.csr")})
        && openssl({QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"),
            QStringLiteral("server.csr"), QStringLiteral("-CA"), QStringLiteral("ca.crt"),
            QStringLiteral("-CAkey"), QStringLiteral("ca.key"), QStringLiteral("-CAcreateserial"),
            QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-extfile"),
            QStringLiteral("server.ext"), QStringLiteral("-out"), QStringLiteral("server.crt")});
}

// PostgreSQL refuses a key file others may read, and reads it as the
// server's account (postgres when the tests run as root).
bool TlsTestServer::restrictAccess()
{
    const QString key = m_folder + QStringLiteral("/server.key");
    const core::ServerAccount account = core::ServerAccount::forCurrentProcess();
    if (!account.isValid() || !account.takeOwnership(key)
        || !QFile::setPermissions(key, QFileDevice::ReadOwner | QFileDevice::WriteOwner)) {
        m_error =
            QStringLiteral("cannot give %1 to the server's account: %2").arg(key, account.error());
        return false;
    }
    return true;
}

bool TlsTestServer::start(const QString &folder)
{
    m_folder = folder;
    if (!QDir().mkpath(m_folder)) {
        m_error = QStringLiteral("cannot create %1").arg(m_folder);
        return false;
    }
    if (!makeCertificates() || !restrictAccess())
        return false;

    QString output;
    const int code = runTusk(
        {QStringLiteral("sandbox"), QStringLiteral("start"), QStringLiteral("--dir"),
            serverFolder(), QStringLiteral("--no-demo"), QStringLiteral("--set"),
            QStringLiteral("ssl=on"), QStringLiteral("--set"),
            QStringLiteral("ssl_cert_file='%1/server.crt'").arg(m_folder), QStringLiteral("--set"),
            QStringLiteral("ssl_key_file='%1/server.key'").arg(m_folder)},
        m_folder, &output);
    m_started = QFile::exists(serverFolder() + QStringLiteral("/TUSK_SANDBOX"));
    if (code != 0) {
        m_error = QStringLiteral("tusk sandbox start failed (%1): %2").arg(code).arg(output);
        return false;
    }
    const core::LocalServer server(serverFolder());
    const core::ConnInfo tcpInfo = server.tcpConnInfo();
    m_port = server.port();
    m_password = tcpInfo.value(QStringLiteral("password"));

    // The sandbox's pg_hba takes TLS and plain TCP alike; add the TLS-only
    // database and reload.
    if (!writeFile(server.dataDir() + QStringLiteral("/pg_hba.conf"), hbaText)) {
        m_error = QStringLiteral("cannot write pg_hba.conf");
        return false;
    }
    core::Connection admin;
    if (const core::PgError e = openAndWait(admin, server.connInfo()); !e.isNull()) {
        m_error = e.toString();
        return false;
    }
    for (const QString &sql : {QStringLiteral("CREATE DATABASE %1").arg(tlsOnlyDatabase()),
             QStringLiteral("SELECT pg_reload_conf()")}) {
        if (const Reply r = runAndWait(admin, sql); !r.error.isNull()) {
            m_error = r.error.toString();
            return false;
        }
    }
    // The reload is a signal to the postmaster; wait until it has taken effect.
    const QDeadlineTimer deadline(10000);
    while (!deadline.hasExpired()) {
        core::Connection plain;
        const core::PgError e = openAndWait(plain,
            tcp(QStringLiteral("127.0.0.1"), QStringLiteral("disable"), {}, tlsOnlyDatabase()));
        if (e.message.contains(QLatin1String("no pg_hba.conf entry")))
            return true;
        QThread::msleep(50);
    }
    m_error =
        QStringLiteral("the server never refused plain connections to %1").arg(tlsOnlyDatabase());
    return false;
}

core::ConnInfo TlsTestServer::tcp(const QString &host, const QString &sslmode,
    const QString &rootCert, const QString &database) const
{
    core::ConnInfo info;
    info.setValue(QStringLiteral("host"), host);
    info.setValue(QStringLiteral("port"), QString::number(m_port));
    info.setValue(QStringLiteral("dbname"), database);
    info.setValue(QStringLiteral("user"), QLatin1String(core::LocalServer::superuser));
    info.setValue(QStringLiteral("password"), m_password);
    info.setValue(QStringLiteral("sslmode"), sslmode);
    if (!rootCert.isEmpty())
        info.setValue(QStringLiteral("sslrootcert"), rootCert);
    return info;
}

} // namespace tusk::test
